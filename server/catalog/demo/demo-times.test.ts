import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, NIGHTLY, OLDEST_TABLE_AGE, REFRESH_SCHEDULES, lastScheduledUpdate, parseDemoNow, readDemoNow, unscheduledTableAge } from './demo-times';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('readDemoNow', () => {
  it('takes a given now as it is, and reads the clock when none is given', () => {
    expect(readDemoNow(1_796_115_600)).toBe(1_796_115_600);
    const before = Math.floor(Date.now() / 1000);
    const now = readDemoNow();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(() => readDemoNow(1.5)).toThrow(/whole epoch seconds/);
  });
});

describe('lastScheduledUpdate', () => {
  it('is the last run that had finished by now, however long a run took', () => {
    const now = at('2026-12-08T02:10:00Z');
    // Tonight's 02:00 run finished at 02:05 at the soonest: done by 02:10 when quick, else last night's is the last.
    expect(lastScheduledUpdate(NIGHTLY, now, 0)).toBe(at('2026-12-08T02:05:00Z'));
    expect(lastScheduledUpdate(NIGHTLY, now, 0.5)).toBe(at('2026-12-07T02:27:30Z'));
    for (const schedule of REFRESH_SCHEDULES) {
      for (const u of [0, 0.3, 0.999]) {
        const updated = lastScheduledUpdate(schedule, now, u);
        expect(updated, schedule.words).toBeLessThanOrEqual(now);
        expect(now - updated, schedule.words).toBeLessThan(schedule.period + schedule.longest);
      }
    }
  });

  it('runs the weekly schedule on Mondays', () => {
    const weekly = REFRESH_SCHEDULES.find((s) => s.words === 'weekly on Mondays')!;
    const updated = new Date(lastScheduledUpdate(weekly, at('2026-12-08T01:37:00Z'), 0.5) * 1000); // a Tuesday
    expect(updated.toISOString()).toBe('2026-12-07T02:50:00.000Z');
    expect(updated.getUTCDay()).toBe(1);
  });
});

describe('unscheduledTableAge', () => {
  it('is between 2 minutes and 90 days, and shorter for a table read more', () => {
    for (const reads of [0, 5, 300, 100_000]) {
      expect(unscheduledTableAge(0, reads)).toBe(2 * MINUTE);
      expect(unscheduledTableAge(0.999_999, reads)).toBeLessThanOrEqual(OLDEST_TABLE_AGE);
    }
    expect(unscheduledTableAge(0.5, 1000)).toBeLessThan(unscheduledTableAge(0.5, 10));
    expect(unscheduledTableAge(0.5, 10)).toBeLessThan(unscheduledTableAge(0.5, 0));
    expect(unscheduledTableAge(0.5, 1000)).toBeLessThan(7 * DAY);
    expect(unscheduledTableAge(0.5, 0)).toBeGreaterThan(30 * DAY);
  });
});

describe('parseDemoNow (catalog:demo --now)', () => {
  const clock = at('2026-12-08T01:37:00Z');
  it('reads an ISO 8601 time with its zone', () => {
    expect(parseDemoNow('2026-12-08T00:00:00Z', clock)).toBe(at('2026-12-08T00:00:00Z'));
    expect(parseDemoNow('2026-12-08T01:00+01:00', clock)).toBe(at('2026-12-08T00:00:00Z'));
    expect(parseDemoNow('2026-12-08T01:36:59.999Z', clock)).toBe(clock - 1);
  });

  it('refuses a time without a zone, anything else, and a time after the clock, naming the option', () => {
    for (const text of ['2026-12-08', '2026-12-08T00:00:00', 'yesterday', '1796115600', '2026-13-01T00:00:00Z']) {
      expect(() => parseDemoNow(text, clock), text).toThrow(/^--now must be a time with its zone/);
    }
    expect(() => parseDemoNow('2026-12-08T01:38:00Z', clock)).toThrow(/^--now must not be later than the clock .*in the future/);
  });
});
