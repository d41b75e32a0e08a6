import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../demo/demo-people';
import { buildTableKey } from '../store/catalog-records';
import type { TableRecord } from '../store/catalog-records';
import { ANCHOR_TABLE_KEYS, buildDemoUsers, generateDemoTables } from './generate-demo-tables';
import { DAY, HOUR, MINUTE, OLDEST_TABLE_AGE } from './demo-times';

const keysFor = (count: number, seed?: number) => [...generateDemoTables({ count, seed })].map(buildTableKey);

describe('generateDemoTables', () => {
  it('produces the same keys for the same seed and different ones for another seed', () => {
    const a = keysFor(300, 1);
    expect(keysFor(300, 1)).toEqual(a);
    const b = keysFor(300, 2);
    expect(b).not.toEqual(a);
    expect(b.slice(0, 3)).toEqual(a.slice(0, 3)); // anchors do not depend on the seed
  });

  it('starts with the anchor tables and never repeats a key', () => {
    const keys = keysFor(2000);
    expect(keys.slice(0, 3)).toEqual([...ANCHOR_TABLE_KEYS]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the anchors their documented owners, descriptions and columns', () => {
    const [customers, orders] = [...generateDemoTables({ count: 3 })];
    expect(customers.description).toBe('One row per customer, with contact details and lifecycle status');
    expect(customers.owners).toEqual(['roald.amundsen@example.org']);
    expect(customers.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['customer_id', 'email', 'signup_date', 'lifecycle_stage']));
    expect(orders.description).toBe('Every order placed in the web shop, one row per order');
    expect(orders.owners).toEqual(['fridtjof.nansen@example.org']);
    expect(orders.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['order_id', 'customer_id', 'ordered_at', 'total_amount']));
  });

  it('generates believable tables: several databases and schemas, 5–30 columns each', () => {
    const tables = [...generateDemoTables({ count: 500 })].slice(3);
    expect(new Set(tables.map((t) => t.database)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(tables.map((t) => t.schema)).size).toBeGreaterThanOrEqual(6);
    for (const t of tables) {
      expect(t.columns.length, buildTableKey(t)).toBeGreaterThanOrEqual(3);
      expect(t.columns.length, buildTableKey(t)).toBeLessThanOrEqual(30);
    }
    const owners = new Set(tables.flatMap((t) => t.owners ?? []));
    for (const person of DEMO_PEOPLE) expect(owners).toContain(person.email);
  });

  it('creates a User for every demo person, keyed by email, with a full name', () => {
    const users = buildDemoUsers();
    for (const person of DEMO_PEOPLE) {
      expect(users).toContainEqual(expect.objectContaining({
        user_id: person.email, email: person.email, full_name: `${person.given_name} ${person.family_name}`,
      }));
    }
    expect(new Set(users.map((u) => u.user_id)).size).toBe(users.length);
  });

  it('gives generated tables realistic, unique names without numeric suffixes', () => {
    const names = [...generateDemoTables({ count: 20_000 })].map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => /_\d+$/.test(n))).toEqual([]);
    expect(names.filter((n) => n.includes('_v2')).length).toBeGreaterThan(0); // a suffix from the vocabulary, not a counter
  });

  it('adds generated colleagues for big catalogs, still with unique ids', () => {
    const users = buildDemoUsers(3000);
    expect(users.length).toBe(buildDemoUsers().length + 3000);
    expect(new Set(users.map((u) => u.user_id)).size).toBe(users.length);
  });
});

describe('generateDemoTables: times counted back from when the demo is built (decision 112)', () => {
  const NOW = Date.parse('2026-12-08T01:37:00Z') / 1000;
  const tables = [...generateDemoTables({ count: 2000, now: NOW })];
  const age = (t: TableRecord) => NOW - t.last_updated_timestamp!;
  const reads = (t: TableRecord) => (t.readers ?? []).reduce((sum, r) => sum + r.read_count, 0);
  const share = (ok: (t: TableRecord) => boolean) => tables.filter(ok).length / tables.length;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  /** Everything but the times. */
  const timeless = (t: TableRecord) => JSON.stringify({
    ...t, last_updated_timestamp: 0, watermarks: t.watermarks?.map((w) => ({ ...w, partition_value: '', create_time: '' })),
    columns: t.columns.map((c) => ({ ...c, stats: c.stats?.map((s) => ({ ...s, start_epoch: 0, end_epoch: 0 })) })),
    programmatic_descriptions: t.programmatic_descriptions?.map((p) => ({ ...p, text: p.text.replace(/freshness: .*/, '') })),
  });

  it('updates every table between 2 minutes and 90 days before now, spread from minutes to months', () => {
    for (const t of tables) {
      expect(age(t), buildTableKey(t)).toBeGreaterThanOrEqual(MINUTE);
      expect(age(t), buildTableKey(t)).toBeLessThanOrEqual(OLDEST_TABLE_AGE);
    }
    expect(share((t) => age(t) < HOUR)).toBeGreaterThan(0.1);
    expect(share((t) => age(t) < DAY)).toBeGreaterThan(0.35);
    expect(share((t) => age(t) < DAY)).toBeLessThan(0.65);
    expect(share((t) => age(t) > 30 * DAY)).toBeGreaterThan(0.1);
  });

  it('updated the much-read tables more recently than the little-read ones, and the anchors within the hour', () => {
    const byReads = [...tables].sort((a, b) => reads(b) - reads(a));
    const quarter = tables.length / 4;
    expect(median(byReads.slice(0, quarter).map(age))).toBeLessThan(2 * DAY);
    expect(median(byReads.slice(-quarter).map(age))).toBeGreaterThan(5 * median(byReads.slice(0, quarter).map(age)));
    const [customers, orders, monthlyRevenue] = tables;
    expect(age(orders)).toBeLessThan(age(customers));
    expect(age(customers)).toBeLessThan(HOUR);
    expect(age(monthlyRevenue)).toBeLessThan(DAY + HOUR);
  });

  it('keeps a table on a schedule to it: its last update was its last run', () => {
    const limits = { hourly: HOUR, 'every 15 minutes': 15 * MINUTE, 'daily at 02:00 UTC': DAY, 'weekly on Mondays': 7 * DAY };
    for (const [words, limit] of Object.entries(limits)) {
      const scheduled = tables.filter((t) => t.description?.includes(`Refreshed ${words}.`));
      expect(scheduled.length, words).toBeGreaterThan(20);
      for (const t of scheduled) expect(age(t), `${buildTableKey(t)}: ${words}`).toBeLessThan(limit + HOUR);
    }
    for (const t of tables.filter((t) => t.description?.includes('Refreshed weekly on Mondays.'))) {
      expect(new Date(t.last_updated_timestamp! * 1000).getUTCDay(), buildTableKey(t)).toBe(1);
    }
  });

  it('dates watermarks, column statistics and data-quality notes by the last update, never after now', () => {
    const day = (epoch: number) => new Date(epoch * 1000).toISOString().slice(0, 10);
    let stats = 0;
    for (const t of tables) {
      const updated = t.last_updated_timestamp!;
      const high = t.watermarks?.find((w) => w.watermark_type === 'high_watermark');
      const low = t.watermarks?.find((w) => w.watermark_type === 'low_watermark');
      if (high) {
        expect(high.partition_value, buildTableKey(t)).toBe(day(updated));
        expect(Date.parse(`${high.create_time}Z`) / 1000, buildTableKey(t)).toBe(updated);
        expect(low!.partition_value! < high.partition_value!, buildTableKey(t)).toBe(true);
      }
      for (const s of t.columns.flatMap((c) => c.stats ?? [])) {
        stats++;
        // The whole UTC day before the day of the update: one day on the page (decision 045).
        expect(s.end_epoch! % DAY).toBe(0);
        expect(s.end_epoch! - s.start_epoch!).toBe(DAY);
        expect(s.end_epoch).toBeLessThanOrEqual(updated);
        expect(updated - s.end_epoch!).toBeLessThan(DAY);
      }
      for (const note of t.programmatic_descriptions ?? []) {
        const freshness = /freshness: (\d+) (h|d)/.exec(note.text);
        if (!freshness) continue;
        const [n, unit] = [Number(freshness[1]), freshness[2]];
        expect(Math.abs(n * (unit === 'h' ? HOUR : DAY) - age(t)), `${buildTableKey(t)}: ${note.text}`).toBeLessThanOrEqual(unit === 'h' ? HOUR : DAY);
      }
    }
    expect(stats).toBeGreaterThan(100);
  });

  it('is the same for the same now; another now moves the times and nothing else', () => {
    expect([...generateDemoTables({ count: 2000, now: NOW })]).toEqual(tables);
    const yearEarlier = [...generateDemoTables({ count: 2000, now: NOW - 365 * DAY })];
    expect(yearEarlier.map(timeless)).toEqual(tables.map(timeless));
    expect(yearEarlier.map((t) => t.last_updated_timestamp)).not.toEqual(tables.map((t) => t.last_updated_timestamp));
    for (const t of yearEarlier) expect(t.last_updated_timestamp!).toBeLessThan(NOW - 365 * DAY);
  });

  it('counts back from the clock when no now is given', () => {
    const before = Math.floor(Date.now() / 1000);
    const [customers, ...rest] = [...generateDemoTables({ count: 50 })];
    expect(before - customers.last_updated_timestamp!).toBeLessThanOrEqual(HOUR);
    for (const t of rest) expect(t.last_updated_timestamp!).toBeGreaterThan(before - OLDEST_TABLE_AGE);
  });
});
