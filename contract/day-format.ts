// Calendar days and times written without a zone (decision 045; the instants are in date-format.ts).
// Apart from date-format.ts so that only the table page, which shows them, loads this (the first
// page's budget, decision 007).
import { formatDate, PATTERN, ZONE_TOKENS } from './date-format';

/** A pattern without its zone tokens (and the space they leave), for values that have no zone to name. */
const withoutZone = (pattern: string) =>
  pattern.replace(PATTERN, (match, literal: string | undefined, unknown: string | undefined) => (literal === undefined && unknown === undefined && ZONE_TOKENS.has(match) ? '\u0000' : match))
    .replace(/\s*\u0000/g, '');

/**
 * A calendar day given as epoch seconds (its UTC midnight or any time in it, as Amundsen's statistics
 * give their periods): the same day in every zone, never the day before west of UTC.
 */
export function formatDay(epochSeconds: number, pattern: string): string {
  return formatDate(epochSeconds, withoutZone(pattern), { utc: true });
}

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;

/**
 * A date-time written without a zone ("2025-05-31T23:00:00", as Amundsen's watermarks give their
 * `create_time`): its fields exactly as written, never shifted into the browser's zone, since nobody
 * knows which zone it was written in. Null when it is not such a text (one with a zone is an instant).
 */
export function formatWallClock(text: string | null | undefined, pattern: string): string | null {
  const match = text ? NAIVE.exec(text.trim()) : null;
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map((f) => Number(f ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  if (new Date(ms).getUTCDate() !== day) return null;
  return formatDate(ms / 1000, withoutZone(pattern), { utc: true });
}
