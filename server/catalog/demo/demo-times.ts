// When things happened in the demo catalog, counted back from the instant it is built (decision 112):
// a new demo reads "Updated 3 hours ago", not a date long past. The clock is read once per build
// (readDemoNow); everything else takes that `now` as an argument, so (count, seed, now) determine a
// build, and tests pin `now`.

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

/** The oldest a generated table's last update is. */
export const OLDEST_TABLE_AGE = 90 * DAY;
/** The most recent a table without a schedule was updated: a build is never "just now". */
const NEWEST_TABLE_AGE = 2 * MINUTE;

/** `now` as given (epoch seconds), or the clock's, read here and nowhere else in the generator. */
export function readDemoNow(now?: number): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  if (!Number.isInteger(now) || now < 0) throw new Error(`the demo's "now" must be whole epoch seconds ≥ 0, got ${now}`);
  return now;
}

/** Midnight UTC at the start of the day of `epochSeconds`. */
export function startOfUtcDay(epochSeconds: number): number {
  return Math.floor(epochSeconds / DAY) * DAY;
}

/** A schedule a table's description may name; its last run is the table's last update. */
export interface RefreshSchedule {
  /** As the description says it: "Refreshed hourly." */
  words: string;
  period: number;
  /** Runs start at `offset` past each multiple of `period` since the Unix epoch (UTC). */
  offset: number;
  /** A run takes between these many seconds. */
  shortest: number;
  longest: number;
}

export const NIGHTLY: RefreshSchedule = { words: 'daily at 02:00 UTC', period: DAY, offset: 2 * HOUR, shortest: 5 * MINUTE, longest: 50 * MINUTE };

/** The schedules a generated table's description may name, in the order the generator has always picked from. */
export const REFRESH_SCHEDULES: readonly RefreshSchedule[] = [
  { words: 'hourly', period: HOUR, offset: 0, shortest: 3 * MINUTE, longest: 20 * MINUTE },
  NIGHTLY,
  { words: 'every 15 minutes', period: 15 * MINUTE, offset: 0, shortest: MINUTE, longest: 4 * MINUTE },
  // 1970-01-05 was the first Monday after the epoch.
  { words: 'weekly on Mondays', period: 7 * DAY, offset: 4 * DAY + 2 * HOUR, shortest: 10 * MINUTE, longest: 90 * MINUTE },
];

/** When the last run of `schedule` that had finished by `now` finished; `u` in [0, 1) picks how long it took. */
export function lastScheduledUpdate(schedule: RefreshSchedule, now: number, u: number): number {
  const started = Math.floor((now - schedule.offset) / schedule.period) * schedule.period + schedule.offset;
  const finished = started + schedule.shortest + Math.floor(u * (schedule.longest - schedule.shortest));
  return finished <= now ? finished : finished - schedule.period;
}

/**
 * How long ago a table without a schedule was updated, from `u` in [0, 1) and how often it is read
 * (the sum of its readers' read counts): between 2 minutes and 90 days; half of the tables read a
 * thousand times within 6 days, half of the unread ones more than a month ago.
 */
export function unscheduledTableAge(u: number, reads: number): number {
  // A power of u: the larger the exponent, the more of the ages near the newest end.
  const exponent = reads === 0 ? 1.3 : 1.5 + Math.min(2.5, Math.log2(1 + reads) / 4);
  return NEWEST_TABLE_AGE + Math.floor(u ** exponent * (OLDEST_TABLE_AGE - NEWEST_TABLE_AGE));
}

/**
 * `--now` of `npm run catalog:demo`: an ISO 8601 time with its zone (2026-12-08T09:00:00Z,
 * 2026-12-08T10:00+01:00), as epoch seconds; not after `clockNow`, so nothing in the demo is ahead of
 * the clock. Throws, naming the option, otherwise.
 */
export function parseDemoNow(text: string, clockNow: number): number {
  const zoned = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(text);
  const ms = zoned ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`--now must be a time with its zone, like 2026-12-08T09:00:00Z, got "${text}"`);
  const now = Math.floor(ms / 1000);
  if (now > clockNow) throw new Error(`--now must not be later than the clock (${new Date(clockNow * 1000).toISOString()}): the demo's times would be in the future`);
  return now;
}
