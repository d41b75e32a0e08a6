// The fast path answers exactly what zod answers, or FAIL (then zod parses): for full upstream answers
// and for every variation of them one change away (a field removed, null, of another type, an extra key).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AmundsenDashboardDetailSchema, AmundsenLineageSchema, AmundsenTableSchema, LatestUpdatedSchema, PopularResourcesSchema, SearchResponseSchema,
} from './amundsen-schemas';
import { compileFastParse, FAIL } from './fast-parse';

const user = (id: string) => ({
  user_id: id, email: `${id}@example.com`, first_name: 'Roald', last_name: 'Amundsen', full_name: 'Roald Amundsen', display_name: null,
  is_active: true, github_username: null, team_name: 'Polar', slack_id: null, employee_type: 'fte', manager_fullname: null,
  manager_email: null, manager_id: null, role_name: null, profile_url: 'https://example.com/p', other_key_values: { desk: 'b7' }, extra_field: 3,
});
const badge = { badge_name: 'gold', category: 'table_status' };
const table = {
  database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', key: 'hive://gold.sales/orders', description: 'Orders',
  is_view: false, last_updated_timestamp: 1_700_000_000, tags: [{ tag_type: 'default', tag_name: 'pii' }], badges: [badge],
  columns: [
    { name: 'id', key: 'hive://gold.sales/orders/id', description: null, col_type: 'bigint', sort_order: 0, stats: [
      { stat_type: 'nulls', stat_val: '0', start_epoch: 1, end_epoch: 2, is_metric: true },
    ], badges: [], type_metadata: null },
    { name: 'items', key: null, description: 'Lines', col_type: 'array<struct<sku:string>>', sort_order: 1, stats: [], badges: [badge], type_metadata: {
      kind: 'array', name: 'items', key: 'hive://gold.sales/orders/items/type/items', description: null, data_type: 'array<struct<sku:string>>', sort_order: 0,
      badges: [], children: [{ kind: 'scalar', name: 'sku', key: 'k/sku', description: 'SKU', data_type: 'string', sort_order: 0, badges: null, children: [] }],
    } },
  ],
  owners: [user('roald')], table_readers: [{ user: user('helmer'), read_count: 12 }],
  watermarks: [{ watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-01-01', create_time: 'now' }],
  table_writer: { application_url: 'https://airflow', description: null, id: 'dag', name: 'Airflow', kind: 'orchestrator' },
  table_apps: [{ application_url: null, description: 'App', id: 'app', name: null, kind: null }],
  resource_reports: [{ name: 'Report', url: 'https://r' }], source: { source_type: 'github', source: 'https://gh' },
  programmatic_descriptions: [{ source: 'quality', text: 'ok' }], common_joins: [], common_filters: [],
};
const highlight = { name: ['<em>orders</em>'] };
const search = {
  msg: 'Success', status_code: 200, did_you_mean: 'order', page_index: 0, results_per_page: 10,
  results: {
    table: { total_results: 2, results: [
      { key: 'k', description: null, badges: ['gold'], tag: ['pii'], schema: 's', table: 't', column: ['id'], database: 'hive', cluster: 'gold', search_score: 1.5, highlight, resource_type: 'table' },
    ] },
    dashboard: { total_results: 1, results: [
      { key: null, description: 'd', url: 'u', uri: 'mode://x', last_successful_run_timestamp: null, group_name: 'g', chart_names: ['c', { tag_name: 'legacy' }],
        query_names: null, name: 'Dash', tag: [{ tag_name: 't' }], product: 'mode', cluster: null, group_url: null, badges: [], search_score: null, highlight: null },
    ] },
    user: { total_results: 1, results: [{ full_name: 'R A', email: 'r@x', first_name: null, last_name: null, user_id: 'roald', search_score: 2, highlight: {} }] },
    feature: { anything: ['goes'] },
  },
};
const dashboard = {
  uri: 'mode://x', cluster: 'c', group_name: 'g', group_url: null, product: null, name: 'D', url: 'u', description: null, last_successful_run_timestamp: 5,
  chart_names: ['a'], created_timestamp: 1, updated_timestamp: null, last_run_timestamp: 3, last_run_state: 'ok', owners: [user('roald')], frequent_users: [],
  query_names: ['q'], queries: [{ name: 'q', url: null, query_text: 'select 1' }], tables: [{ database: 'hive', cluster: 'c', schema: 's', name: 't', description: null }],
  tags: [], badges: [badge], recent_view_count: 4,
};
const lineage = {
  key: 'k', direction: 'both', depth: 1, upstream_entities: [{ key: 'u', level: 1, source: 'hive', badges: null, usage: 3, parent: null, link: null, in_amundsen: true }],
  downstream_entities: [], upstream_count: 1, downstream_count: null,
};
const popular = { Table: [{ database: 'hive', cluster: 'c', schema: 's', name: 't', description: null, schema_description: 'sd' }], Dashboard: {} };

/** Every input one change away from `value`: each field removed, null, a number, a string, an empty object; an extra key on each object. */
function variations(value: unknown): unknown[] {
  const out: unknown[] = [];
  const replacements = [null, 7, 'text', {}, [], true];
  const walk = (node: unknown, rebuild: (replacement: unknown) => unknown) => {
    for (const r of replacements) out.push(rebuild(r));
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, (r) => rebuild(node.map((x, j) => (j === i ? r : x)))));
    } else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      out.push(rebuild({ ...obj, unexpected_key: 'x' }));
      for (const key of Object.keys(obj)) {
        const { [key]: _removed, ...rest } = obj;
        out.push(rebuild(rest));
        walk(obj[key], (r) => rebuild({ ...obj, [key]: r }));
      }
    }
  };
  walk(value, (r) => r);
  return out;
}

const cases: [string, z.ZodType, unknown][] = [
  ['a table', AmundsenTableSchema, table],
  ['a search answer', SearchResponseSchema, search],
  ['a dashboard', AmundsenDashboardDetailSchema, dashboard],
  ['lineage', AmundsenLineageSchema, lineage],
  ['popular resources (a union with a transform)', PopularResourcesSchema, popular],
  ['the latest update (nullable)', LatestUpdatedSchema, { neo4j_latest_timestamp: 3 }],
];

describe('compileFastParse', () => {
  it.each(cases)('parses %s as zod does, without falling back', (_name, schema, input) => {
    const fast = compileFastParse(schema)(input);
    expect(fast).not.toBe(FAIL);
    expect(fast).toStrictEqual(schema.parse(input));
  });

  it.each(cases)('answers what zod answers, or FAIL, for every variation of %s', (_name, schema, input) => {
    const fast = compileFastParse(schema);
    const all = variations(input);
    let taken = 0;
    for (const variant of all) {
      const reference = schema.safeParse(variant);
      const answer = fast(variant);
      if (answer === FAIL) continue;
      taken++;
      expect(reference.success, JSON.stringify(variant)).toBe(true);
      expect(answer).toStrictEqual(reference.data);
    }
    // The fast path takes the lenient variations too (nulls, missing lists), not only the full answer.
    expect(taken).toBeGreaterThan(all.length / 10);
  });

  it('refuses what zod refuses: a missing required field, a wrong type, a non-finite number', () => {
    const fast = compileFastParse(AmundsenTableSchema);
    const { name: _name, ...nameless } = table;
    expect(fast(nameless)).toBe(FAIL);
    expect(fast({ ...table, columns: [{ ...table.columns[0], sort_order: 'first' }] })).toBe(FAIL);
    expect(fast({ ...table, last_updated_timestamp: Infinity })).toBe(FAIL);
    expect(fast('a string')).toBe(FAIL);
  });

  it('leaves a __proto__ key to zod instead of copying it', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(user('x')).slice(1)}`) as unknown;
    expect(compileFastParse(AmundsenTableSchema.shape.owners)([input])).toBe(FAIL);
  });

  it('gives FAIL for what it does not compile, so that zod parses it (checks, a typed catch-all, a record with checked or non-string keys, a pipe into a schema, other kinds)', () => {
    const unsupported: [string, z.ZodType, unknown][] = [
      ['a string with checks', z.string().min(3), 'a'],
      ['a number with checks', z.number().int(), 1.5],
      ['a boolean with checks', z.boolean().refine((b) => b), false],
      ['a list with checks', z.array(z.string()).min(1), []],
      ['a loose object whose extra keys are typed', z.object({}).catchall(z.string()), { a: 1 }],
      ['a record with checked keys', z.record(z.string().min(2), z.number()), { a: 1 }],
      ['a record keyed by something other than a string', z.record(z.enum(['a']), z.number()), { b: 1 }],
      ['a pipe into a schema, not a transform', z.string().pipe(z.string().min(3)), 'a'],
      ['a kind it does not know (a literal)', z.literal('x'), 'y'],
    ];
    for (const [what, schema, input] of unsupported) {
      expect(compileFastParse(schema)(input), what).toBe(FAIL);
      expect(schema.safeParse(input).success, what).toBe(false);
    }
  });

  it('takes unknown values as they are, leaves out a missing optional field, and reads lists by their items', () => {
    const schema = z.object({ anything: z.unknown(), maybe: z.string().optional(), list: z.array(z.number()) });
    const input = { anything: { deep: [1] }, list: [1, 2] };
    expect(compileFastParse(schema)(input)).toStrictEqual(schema.parse(input));
    expect(compileFastParse(schema)(input)).toStrictEqual({ anything: { deep: [1] }, list: [1, 2] });
  });

  it('refuses a non-finite number as zod does', () => {
    expect(compileFastParse(z.number())(Infinity)).toBe(FAIL);
    expect(z.number().safeParse(Infinity).success).toBe(false);
  });

  it('leaves to zod a transform that reports an issue or throws', () => {
    const reporting = z.string().transform((value, ctx) => {
      ctx.issues.push({ code: 'custom', message: 'no', input: value });
      return value;
    });
    expect(compileFastParse(reporting)('a')).toBe(FAIL);
    const throwing = z.string().transform(() => {
      throw new Error('no');
    });
    expect(compileFastParse(throwing)('a')).toBe(FAIL);
  });

  it('leaves a __proto__ key of a record to zod', () => {
    const input = JSON.parse('{"__proto__": 1, "a": 2}') as unknown;
    expect(compileFastParse(z.record(z.string(), z.number()))(input)).toBe(FAIL);
  });
});
