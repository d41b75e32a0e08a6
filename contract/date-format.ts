// Dates in the UI config's formats: Amundsen writes them as moment.js patterns (`MMM DD, YYYY`),
// so the same patterns work here, for the tokens below, in the browser's time zone. Text in
// [brackets] is literal. Unknown letters are refused when the config is loaded, not shown garbled.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

function timeZoneName(date: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

function offset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const TOKENS: Record<string, (d: Date) => string> = {
  YYYY: (d) => String(d.getFullYear()),
  YY: (d) => pad(d.getFullYear() % 100),
  MMMM: (d) => MONTHS[d.getMonth()]!,
  MMM: (d) => MONTHS[d.getMonth()]!.slice(0, 3),
  MM: (d) => pad(d.getMonth() + 1),
  M: (d) => String(d.getMonth() + 1),
  Do: (d) => ordinal(d.getDate()),
  DD: (d) => pad(d.getDate()),
  D: (d) => String(d.getDate()),
  dddd: (d) => DAYS[d.getDay()]!,
  ddd: (d) => DAYS[d.getDay()]!.slice(0, 3),
  HH: (d) => pad(d.getHours()),
  H: (d) => String(d.getHours()),
  hh: (d) => pad(d.getHours() % 12 || 12),
  h: (d) => String(d.getHours() % 12 || 12),
  mm: (d) => pad(d.getMinutes()),
  m: (d) => String(d.getMinutes()),
  ss: (d) => pad(d.getSeconds()),
  s: (d) => String(d.getSeconds()),
  A: (d) => (d.getHours() < 12 ? 'AM' : 'PM'),
  a: (d) => (d.getHours() < 12 ? 'am' : 'pm'),
  Z: offset,
  z: timeZoneName,
};

/** Every token a pattern may use, in the order of the table above (year, month, day, weekday, hour, minute, second, AM/PM, zone). */
export const DATE_FORMAT_TOKENS: readonly string[] = Object.keys(TOKENS);

// Built from the table, so that a token is accepted exactly when it is formatted (and listed in the
// error message): longest tokens first; a [bracketed] run is literal; any other letter run is checked.
const PATTERN = new RegExp(`\\[([^\\]]*)\\]|${[...DATE_FORMAT_TOKENS].sort((a, b) => b.length - a.length).join('|')}|([A-Za-z]+)`, 'g');

/** Letter runs of a pattern that are neither tokens nor bracketed literals. */
export function findUnknownDateTokens(pattern: string): string[] {
  const unknown: string[] = [];
  for (const match of pattern.matchAll(PATTERN)) if (match[2]) unknown.push(match[2]);
  return unknown;
}

/** Format epoch seconds (Amundsen's timestamps) or a Date with a moment-style pattern. */
export function formatDate(value: number | Date, pattern: string): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : value;
  return pattern.replace(PATTERN, (match, literal: string | undefined, unknown: string | undefined) => {
    if (literal !== undefined) return literal;
    if (unknown !== undefined) return unknown;
    return TOKENS[match]!(date);
  });
}
