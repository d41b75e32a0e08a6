// Dates in the UI config's formats: Amundsen writes them as moment.js patterns (`MMM DD, YYYY`),
// so the same patterns work here, for the tokens below. Text in [brackets] is literal. Unknown
// letters are refused when the config is loaded, not shown garbled.
//
// Which clock a value is read on (decision 045): an instant (epoch seconds, an ISO time with a zone)
// in the browser's time zone, its zone named wherever a time of day shows (`formatInstant`); a
// calendar day (a statistic's period, a partition date) as that day in every zone (`formatDay`); a
// time written without a zone as it was written, never shifted (`formatWallClock`). The last two are
// in day-format.ts: only the table page needs them, the first page does not load them (decision 007).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/** The fields a pattern reads, on the browser's clock or on UTC's. */
interface Clock {
  year: number;
  month: number; // 0–11
  date: number;
  day: number; // 0 = Sunday
  hours: number;
  minutes: number;
  seconds: number;
  /** Minutes ahead of UTC. */
  offset: number;
  zoneName: () => string;
}

function localClock(date: Date): Clock {
  return {
    year: date.getFullYear(), month: date.getMonth(), date: date.getDate(), day: date.getDay(),
    hours: date.getHours(), minutes: date.getMinutes(), seconds: date.getSeconds(),
    offset: -date.getTimezoneOffset(), zoneName: () => timeZoneName(date),
  };
}

function utcClock(date: Date): Clock {
  return {
    year: date.getUTCFullYear(), month: date.getUTCMonth(), date: date.getUTCDate(), day: date.getUTCDay(),
    hours: date.getUTCHours(), minutes: date.getUTCMinutes(), seconds: date.getUTCSeconds(),
    offset: 0, zoneName: () => 'UTC',
  };
}

/** The browser's short name for its zone at that moment: "PDT", "UTC", "GMT+2" (en-US has no "CEST"). */
export function timeZoneName(date: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

function offset(clock: Clock): string {
  const minutes = clock.offset;
  const sign = minutes >= 0 ? '+' : '-';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const TOKENS: Record<string, (d: Clock) => string> = {
  YYYY: (d) => String(d.year),
  YY: (d) => pad(d.year % 100),
  MMMM: (d) => MONTHS[d.month]!,
  MMM: (d) => MONTHS[d.month]!.slice(0, 3),
  MM: (d) => pad(d.month + 1),
  M: (d) => String(d.month + 1),
  Do: (d) => ordinal(d.date),
  DD: (d) => pad(d.date),
  D: (d) => String(d.date),
  dddd: (d) => DAYS[d.day]!,
  ddd: (d) => DAYS[d.day]!.slice(0, 3),
  HH: (d) => pad(d.hours),
  H: (d) => String(d.hours),
  hh: (d) => pad(d.hours % 12 || 12),
  h: (d) => String(d.hours % 12 || 12),
  mm: (d) => pad(d.minutes),
  m: (d) => String(d.minutes),
  ss: (d) => pad(d.seconds),
  s: (d) => String(d.seconds),
  A: (d) => (d.hours < 12 ? 'AM' : 'PM'),
  a: (d) => (d.hours < 12 ? 'am' : 'pm'),
  Z: offset,
  z: (d) => d.zoneName(),
};

/** Every token a pattern may use, in the order of the table above (year, month, day, weekday, hour, minute, second, AM/PM, zone). */
export const DATE_FORMAT_TOKENS: readonly string[] = Object.keys(TOKENS);

// Built from the table, so that a token is accepted exactly when it is formatted (and listed in the
// error message): longest tokens first; a [bracketed] run is literal; any other letter run is checked.
export const PATTERN = new RegExp(`\\[([^\\]]*)\\]|${[...DATE_FORMAT_TOKENS].sort((a, b) => b.length - a.length).join('|')}|([A-Za-z]+)`, 'g');

/** Letter runs of a pattern that are neither tokens nor bracketed literals. */
export function findUnknownDateTokens(pattern: string): string[] {
  const unknown: string[] = [];
  for (const match of pattern.matchAll(PATTERN)) if (match[2]) unknown.push(match[2]);
  return unknown;
}

function tokensOf(pattern: string): string[] {
  const tokens: string[] = [];
  for (const match of pattern.matchAll(PATTERN)) if (match[1] === undefined && match[2] === undefined) tokens.push(match[0]);
  return tokens;
}

const TIME_TOKENS = new Set(['HH', 'H', 'hh', 'h', 'mm', 'm', 'ss', 's', 'A', 'a']);
export const ZONE_TOKENS = new Set(['Z', 'z']);

/** Whether a pattern shows a time of day (an hour, minute, second or am/pm). */
export function patternHasTime(pattern: string): boolean {
  return tokensOf(pattern).some((t) => TIME_TOKENS.has(t));
}

/** Whether a pattern names the zone itself (`z` or `Z`). */
export function patternHasZone(pattern: string): boolean {
  return tokensOf(pattern).some((t) => ZONE_TOKENS.has(t));
}

export interface FormatDateOptions {
  /** Read the value on UTC's clock rather than the browser's (days, and times written without a zone). */
  utc?: boolean;
}

/** Format epoch seconds (Amundsen's timestamps) or a Date with a moment-style pattern. */
export function formatDate(value: number | Date, pattern: string, options: FormatDateOptions = {}): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : value;
  const clock = options.utc ? utcClock(date) : localClock(date);
  return pattern.replace(PATTERN, (match, literal: string | undefined, unknown: string | undefined) => {
    if (literal !== undefined) return literal;
    if (unknown !== undefined) return unknown;
    return TOKENS[match]!(clock);
  });
}

/**
 * An instant (epoch seconds) in the browser's zone; where the pattern shows a time of day and does not
 * name the zone, the zone's short name follows it ("May 31, 2025 4:00 pm PDT"), so that no time is read
 * on the wrong clock.
 */
export function formatInstant(epochSeconds: number, pattern: string): string {
  const text = formatDate(epochSeconds, pattern);
  if (!patternHasTime(pattern) || patternHasZone(pattern)) return text;
  const zone = timeZoneName(new Date(epochSeconds * 1000));
  return zone ? `${text} ${zone}` : text;
}
