import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_FORMAT_TOKENS, findUnknownDateTokens, formatDate, formatInstant, patternHasTime, patternHasZone } from './date-format';
import { formatDay, formatWallClock } from './day-format';
import { isMainThread } from 'node:worker_threads';

// Local-time dates (the formatter works in the browser's zone), so the expectations hold in any zone.
const local = (year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0) => new Date(year, month - 1, day, hours, minutes, seconds);

describe('formatDate', () => {
  it('writes the UI config\'s default patterns the way Amundsen (moment.js) does', () => {
    const date = local(2026, 3, 1, 14, 5, 9);
    expect(formatDate(date, 'MMM DD, YYYY')).toBe('Mar 01, 2026');
    expect(formatDate(date, 'MMM DD, YYYY h:mm a')).toBe('Mar 01, 2026 2:05 pm');
    expect(formatDate(date, 'MMMM Do YYYY [at] h:mm:ss a')).toBe('March 1st 2026 at 2:05:09 pm');
  });

  it('knows every year, month and day token', () => {
    const date = local(2007, 9, 4);
    expect(formatDate(date, 'YYYY|YY|MMMM|MMM|MM|M|DD|D|Do|dddd|ddd')).toBe('2007|07|September|Sep|09|9|04|4|4th|Tuesday|Tue');
    expect(formatDate(local(2026, 12, 31), 'MMMM MMM MM M dddd ddd')).toBe('December Dec 12 12 Thursday Thu');
    expect(formatDate(local(2026, 1, 4), 'MMMM MM dddd')).toBe('January 01 Sunday');
  });

  it('names every month and every weekday in full and in short', () => {
    const months = Array.from({ length: 12 }, (_, m) => formatDate(local(2026, m + 1, 1), 'MMMM/MMM'));
    expect(months).toEqual([
      'January/Jan', 'February/Feb', 'March/Mar', 'April/Apr', 'May/May', 'June/Jun',
      'July/Jul', 'August/Aug', 'September/Sep', 'October/Oct', 'November/Nov', 'December/Dec',
    ]);
    // 2026-03-01 is a Sunday.
    const days = Array.from({ length: 7 }, (_, d) => formatDate(local(2026, 3, 1 + d), 'dddd/ddd'));
    expect(days).toEqual(['Sunday/Sun', 'Monday/Mon', 'Tuesday/Tue', 'Wednesday/Wed', 'Thursday/Thu', 'Friday/Fri', 'Saturday/Sat']);
  });

  it('knows every hour, minute and second token, on the 24- and the 12-hour clock', () => {
    expect(formatDate(local(2026, 1, 1, 9, 7, 3), 'HH H hh h mm m ss s A a')).toBe('09 9 09 9 07 7 03 3 AM am');
    expect(formatDate(local(2026, 1, 1, 21, 30, 45), 'HH H hh h mm m ss s A a')).toBe('21 21 09 9 30 30 45 45 PM pm');
    expect(formatDate(local(2026, 1, 1, 0, 0, 0), 'HH hh h A')).toBe('00 12 12 AM');
    expect(formatDate(local(2026, 1, 1, 12, 0, 0), 'HH hh h A a')).toBe('12 12 12 PM pm');
    expect(formatDate(local(2026, 1, 1, 11, 59, 59), 'h A')).toBe('11 AM');
  });

  it('writes ordinal days with st, nd, rd and th, and th for the teens', () => {
    const days = [1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 30, 31];
    expect(days.map((d) => formatDate(local(2026, 1, d), 'Do')).join(' ')).toBe(
      '1st 2nd 3rd 4th 10th 11th 12th 13th 14th 20th 21st 22nd 23rd 24th 30th 31st',
    );
  });

  it('reads a number as Amundsen\'s epoch seconds', () => {
    const date = local(2026, 3, 1, 14, 5, 9);
    expect(formatDate(date.getTime() / 1000, 'YYYY-MM-DD HH:mm:ss')).toBe('2026-03-01 14:05:09');
  });

  it('writes the zone as its offset from UTC', () => {
    /** A date in a zone `minutesAhead` of UTC, whatever zone the tests run in. */
    const inZone = (minutesAhead: number) =>
      new (class extends Date {
        override getTimezoneOffset() {
          return -minutesAhead;
        }
      })();
    expect(formatDate(inZone(330), 'Z')).toBe('+05:30');
    expect(formatDate(inZone(-240), 'Z')).toBe('-04:00');
    expect(formatDate(inZone(-570), 'Z')).toBe('-09:30');
    expect(formatDate(inZone(0), 'Z')).toBe('+00:00');
  });

  it('writes the zone by its short name, as the browser names it', () => {
    const date = local(2026, 6, 15, 12);
    const name = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
    expect(name).toBeTruthy();
    expect(formatDate(date, '[at] HH:mm z')).toBe(`at 12:00 ${name}`);
  });

  it('reads the value on UTC\'s clock when asked, its zone then UTC', () => {
    const instant = Date.UTC(2025, 4, 31, 23, 4, 5) / 1000;
    expect(formatDate(instant, 'YYYY-MM-DD HH:mm:ss dddd Z z', { utc: true })).toBe('2025-05-31 23:04:05 Saturday +00:00 UTC');
  });

  it('keeps [bracketed] text and everything that is not a letter as written', () => {
    expect(formatDate(local(2026, 3, 1), '[Day] D [of] MMMM, [YYYY] YYYY; []')).toBe('Day 1 of March, YYYY 2026; ');
    expect(formatDate(local(2026, 3, 1), 'DD/MM/YYYY - HH:mm')).toBe('01/03/2026 - 00:00');
  });

  it('leaves a letter run it does not know as written', () => {
    expect(formatDate(local(2026, 3, 1), 'YYYY Q W')).toBe('2026 Q W');
  });
});

describe('findUnknownDateTokens', () => {
  it('finds nothing in patterns made of tokens, literals and punctuation', () => {
    expect(findUnknownDateTokens('MMMM Do YYYY [at] h:mm:ss a Z z')).toEqual([]);
    expect(findUnknownDateTokens('dddd, DD.MM.YY HH:mm [Uhr]')).toEqual([]);
  });

  it('names each letter run that is neither a token nor in brackets', () => {
    expect(findUnknownDateTokens('YYYY-MM-DD Q wo')).toEqual(['Q', 'wo']);
    expect(findUnknownDateTokens('yyyy-MM-dd')).toEqual(['yyyy', 'dd']);
  });
});

describe('DATE_FORMAT_TOKENS', () => {
  // The UI config's error message listed only some of the tokens (YY, M, D, H, m, s and Z were accepted but not named).
  it('lists exactly the tokens a pattern may use, each of them formatted rather than copied', () => {
    expect(DATE_FORMAT_TOKENS).toEqual(['YYYY', 'YY', 'MMMM', 'MMM', 'MM', 'M', 'Do', 'DD', 'D', 'dddd', 'ddd', 'HH', 'H', 'hh', 'h', 'mm', 'm', 'ss', 's', 'A', 'a', 'Z', 'z']);
    for (const token of DATE_FORMAT_TOKENS) {
      expect(findUnknownDateTokens(token), token).toEqual([]);
      expect(formatDate(new Date(2026, 10, 22, 23, 58, 57), token), token).not.toBe(token);
    }
  });
});

/** The browser's short name for the zone at `date`, as Intl gives it. */
const zoneNameAt = (date: Date) => new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')!.value;

// These hold in whatever zone the tests run: a mutation run's (west of UTC, scripts/mutation-test.ts)
// as well as the three zones below.
describe('formatInstant', () => {
  const at = local(2025, 5, 31, 16, 0, 30);
  const seconds = at.getTime() / 1000;

  it('names the browser\'s zone after any pattern that shows a time of day', () => {
    const zone = zoneNameAt(at);
    expect(zone).toMatch(/\S/);
    expect(formatInstant(seconds, 'MMM DD, YYYY h:mm a')).toBe(`May 31, 2025 4:00 pm ${zone}`);
    expect(formatInstant(seconds, 'HH:mm:ss')).toBe(`16:00:30 ${zone}`);
    expect(formatInstant(seconds, 'A')).toBe(`PM ${zone}`);
    // In winter, the zone's winter name (the instant's, not today's).
    const winter = local(2025, 1, 15, 4, 30);
    expect(formatInstant(winter.getTime() / 1000, 'h:mm a')).toBe(`4:30 am ${zoneNameAt(winter)}`);
  });

  it('adds no name to a pattern that names the zone itself, nor to a day alone', () => {
    expect(formatInstant(seconds, 'HH:mm z')).toBe(`16:00 ${zoneNameAt(at)}`);
    expect(formatInstant(seconds, 'HH:mm Z')).toBe(`16:00 ${formatDate(at, 'Z')}`);
    expect(formatInstant(seconds, 'MMM DD, YYYY')).toBe('May 31, 2025');
    expect(formatInstant(seconds, 'MMM DD, YYYY z')).toBe(`May 31, 2025 ${zoneNameAt(at)}`);
    expect(formatInstant(seconds, '[h:mm a] YYYY')).toBe('h:mm a 2025');
  });
});

// Decision 045: which clock each kind of value is read on, in three zones. Setting process.env.TZ moves
// the local zone only on a process's main thread: vitest's pool (forks) runs files there; Stryker's
// vitest runner uses worker threads, where the zone cannot change, so a mutation run leaves these out
// (the last test of this file makes sure every other run has them).
const ZONES_CAN_CHANGE = isMainThread;

describe.runIf(ZONES_CAN_CHANGE).each([
  { tz: 'UTC', instant: 'May 31, 2025 11:00 pm UTC', winter: 'Jan 15, 2025 12:30 pm UTC' },
  { tz: 'Europe/Oslo', instant: 'Jun 01, 2025 1:00 am GMT+2', winter: 'Jan 15, 2025 1:30 pm GMT+1' },
  { tz: 'America/Los_Angeles', instant: 'May 31, 2025 4:00 pm PDT', winter: 'Jan 15, 2025 4:30 am PST' },
])('dates with the browser in $tz', ({ tz, instant, winter }) => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('shows an instant in the browser\'s zone and names the zone wherever a time of day shows', () => {
    expect(formatInstant(Date.UTC(2025, 4, 31, 23) / 1000, 'MMM DD, YYYY h:mm a')).toBe(instant);
    expect(formatInstant(Date.UTC(2025, 0, 15, 12, 30) / 1000, 'MMM DD, YYYY h:mm a')).toBe(winter);
    // A pattern that names the zone itself gets no second name; a day alone gets none.
    expect(formatInstant(Date.UTC(2025, 4, 31, 23) / 1000, 'HH:mm Z')).not.toMatch(/[A-Z]{3}$/);
    expect(formatInstant(Date.UTC(2025, 4, 31, 12) / 1000, 'MMM DD, YYYY')).toBe('May 31, 2025');
  });

  it('shows a calendar day as that day, whatever the zone', () => {
    expect(formatDay(Date.UTC(2025, 4, 31) / 1000, 'MMM DD, YYYY')).toBe('May 31, 2025');
    expect(formatDay(Date.UTC(2025, 4, 31, 23, 59, 59) / 1000, 'MMM DD, YYYY')).toBe('May 31, 2025');
    expect(formatDay(Date.UTC(2025, 4, 31) / 1000, 'MMM DD, YYYY z')).toBe('May 31, 2025');
  });

  it('shows a time written without a zone as written, never shifted', () => {
    expect(formatWallClock('2025-05-31T23:00:00', 'MMM DD, YYYY h:mm a')).toBe('May 31, 2025 11:00 pm');
    expect(formatWallClock('2025-05-31 06:05', 'YYYY-MM-DD HH:mm:ss Z')).toBe('2025-05-31 06:05:00');
    expect(formatWallClock('2025-05-31T23:00:00.250', 'HH:mm:ss')).toBe('23:00:00');
    // Not a zone-less date-time: a zoned one is an instant, a date alone is a day, the rest is not a time.
    for (const text of ['2025-05-31T23:00:00Z', '2025-05-31T23:00:00+02:00', '2025-05-31', '2025-02-30T10:00:00', '2025-05-31T24:00:00', 'yesterday', '', null]) {
      expect(formatWallClock(text, 'MMM DD, YYYY h:mm a')).toBeNull();
    }
  });
});

describe('patternHasTime and patternHasZone', () => {
  it('tell a pattern with a time of day, and one naming its zone, from others', () => {
    expect(['MMM DD, YYYY h:mm a', 'HH', 'YYYY [at] m', 'A'].map(patternHasTime)).toEqual([true, true, true, true]);
    expect(['MMM DD, YYYY', 'dddd Do MMMM', '[h:mm a] YYYY', 'MMMM'].map(patternHasTime)).toEqual([false, false, false, false]);
    expect(['HH:mm z', 'HH:mm Z', 'HH:mm [z]', 'HH:mm'].map(patternHasZone)).toEqual([true, true, false, false]);
  });

  it('count each hour, minute, second and am/pm token alone as a time of day, and no other token', () => {
    const time = ['HH', 'H', 'hh', 'h', 'mm', 'm', 'ss', 's', 'A', 'a'];
    for (const token of DATE_FORMAT_TOKENS) expect(patternHasTime(`[x] ${token}`), token).toBe(time.includes(token));
    for (const token of DATE_FORMAT_TOKENS) expect(patternHasZone(token), token).toBe(token === 'z' || token === 'Z');
  });
});

describe('where these tests run', () => {
  it('can change the zone (a main thread), unless a mutation run (worker threads) runs them', () => {
    expect(ZONES_CAN_CHANGE || process.env.NANSEN_MUTATION_TEST_FILES !== undefined).toBe(true);
  });

  // A mutation run cannot change the zone, so it runs in one set for it, west of UTC and with summer
  // time: there a day read on the local clock shows the day before, and a summer instant a winter name.
  it('runs in a zone behind UTC with summer time, if a mutation run', () => {
    const summer = new Date(Date.UTC(2025, 5, 1)).getTimezoneOffset();
    const winter = new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset();
    expect(ZONES_CAN_CHANGE || (summer > 0 && summer !== winter)).toBe(true);
  });
});
