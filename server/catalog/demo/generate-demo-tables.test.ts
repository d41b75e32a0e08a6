import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../demo/demo-people';
import { buildTableKey } from '../store/catalog-records';
import { ANCHOR_TABLE_KEYS, buildDemoUsers, generateDemoTables } from './generate-demo-tables';

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
