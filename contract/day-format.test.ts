import { describe, expect, it } from 'vitest';
import { formatDay, formatWallClock } from './day-format';

// Both read their value on UTC's clock, so every expectation here holds in whatever zone the tests run
// (date-format.test.ts also runs them in three zones where the zone can change; a mutation run sets a
// zone west of UTC, scripts/mutation-test.ts, so that a value read on the local clock shows there too).
const day = (year: number, month: number, date: number, hours = 0, minutes = 0, seconds = 0) => Date.UTC(year, month - 1, date, hours, minutes, seconds) / 1000;

describe('formatDay', () => {
  it('shows the calendar day of its UTC midnight or of any time in it', () => {
    expect(formatDay(day(2025, 5, 31), 'MMM DD, YYYY')).toBe('May 31, 2025');
    expect(formatDay(day(2025, 5, 31, 23, 59, 59), 'MMM DD, YYYY')).toBe('May 31, 2025');
    expect(formatDay(day(2025, 1, 1), 'dddd Do MMMM YYYY')).toBe('Wednesday 1st January 2025');
  });

  it('leaves out the zone tokens and the space before them, since a day has no zone', () => {
    expect(formatDay(day(2025, 5, 31), 'MMM DD, YYYY z')).toBe('May 31, 2025');
    expect(formatDay(day(2025, 5, 31), 'MMM DD, YYYY \t Z')).toBe('May 31, 2025');
    expect(formatDay(day(2025, 5, 31), 'z YYYY-MM-DD Z')).toBe(' 2025-05-31');
    expect(formatDay(day(2025, 5, 31), 'YYYY-MM-DDzz')).toBe('2025-05-31');
  });

  it('keeps a bracketed z, the letters of a run it does not know, and the spaces between other tokens', () => {
    expect(formatDay(day(2025, 5, 31), 'YYYY [z] [Z]')).toBe('2025 z Z');
    expect(formatDay(day(2025, 5, 31), 'YYYY Qz')).toBe('2025 Qz');
    expect(formatDay(day(2025, 5, 31), 'D  MMM')).toBe('31  May');
  });
});

describe('formatWallClock', () => {
  const pattern = 'YYYY-MM-DD HH:mm:ss';

  it('shows a date-time written without a zone exactly as written', () => {
    expect(formatWallClock('2025-05-31T23:00:00', 'MMM DD, YYYY h:mm a')).toBe('May 31, 2025 11:00 pm');
    expect(formatWallClock('2025-05-31T23:04:05', pattern)).toBe('2025-05-31 23:04:05');
    expect(formatWallClock('2025-01-01 00:00:00', pattern)).toBe('2025-01-01 00:00:00');
  });

  it('takes a space or a T between day and time, seconds or none, and a fraction of up to nine digits', () => {
    expect(formatWallClock('2025-05-31 06:05', pattern)).toBe('2025-05-31 06:05:00');
    expect(formatWallClock('2025-05-31T06:05', pattern)).toBe('2025-05-31 06:05:00');
    expect(formatWallClock('2025-05-31T23:00:00.250', pattern)).toBe('2025-05-31 23:00:00');
    expect(formatWallClock('2025-05-31T23:00:00.5', pattern)).toBe('2025-05-31 23:00:00');
    expect(formatWallClock('2025-05-31T23:00:00.123456789', pattern)).toBe('2025-05-31 23:00:00');
    expect(formatWallClock('  2025-05-31T23:00:00\n', pattern)).toBe('2025-05-31 23:00:00');
  });

  it('accepts the first and last month, day, hour, minute and second, and a leap day', () => {
    expect(formatWallClock('2025-12-31T23:59:59', pattern)).toBe('2025-12-31 23:59:59');
    expect(formatWallClock('2025-01-01T00:00:00', pattern)).toBe('2025-01-01 00:00:00');
    expect(formatWallClock('2024-02-29T12:00:00', pattern)).toBe('2024-02-29 12:00:00');
    expect(formatWallClock('2025-04-30T12:00:00', pattern)).toBe('2025-04-30 12:00:00');
  });

  it('leaves out the zone tokens: nobody knows the zone it was written in', () => {
    expect(formatWallClock('2025-05-31 06:05', 'YYYY-MM-DD HH:mm:ss Z')).toBe('2025-05-31 06:05:00');
    expect(formatWallClock('2025-05-31 06:05', 'HH:mm z')).toBe('06:05');
  });

  it('is null for a field out of its range, a day the month does not have, and anything that is not a zone-less date-time', () => {
    for (const text of [
      '2025-00-10T10:00:00', '2025-13-10T10:00:00', '2025-05-00T10:00:00', '2025-05-32T10:00:00',
      '2025-05-31T24:00:00', '2025-05-31T23:60:00', '2025-05-31T23:59:60',
      // A minute or second past its range that would not carry into the next day.
      '2025-05-31T10:60:00', '2025-05-31T10:00:60', '2025-05-31T10:99',
      '2025-02-29T10:00:00', '2025-02-30T10:00:00', '2025-04-31T10:00:00',
    ]) {
      expect(formatWallClock(text, pattern), text).toBeNull();
    }
    for (const text of [
      '2025-05-31T23:00:00Z', '2025-05-31T23:00:00+02:00', '2025-05-31', '2025-05-31T23', '2025-05-31T23:00:00.', '2025-05-31T23:00:00.1234567890',
      '2025-05-31T23:00.5', '2025-05-31X23:00:00', '12025-05-31T23:00:00', '025-05-31T23:00:00', '2025-5-31T23:00:00', '2025-05-31T23:0:00',
      '2025-05-31T23:00:0', 'on 2025-05-31T23:00:00', 'yesterday', '', null, undefined,
    ]) {
      expect(formatWallClock(text, pattern), String(text)).toBeNull();
    }
  });
});
