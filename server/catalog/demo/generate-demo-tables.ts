// Deterministic, believable demo catalog content: users and tables as store records.
// The three anchor tables always come first (e2e tests and the README rely on them), and
// customers and orders are given more readers than any generated table can reach, so they lead
// every popularity ranking.
import { DEMO_PEOPLE } from '../../demo/demo-people';
import type { ColumnRecord, TableRecord, UserRecord } from '../store/catalog-records';
import { buildTableKey } from '../store/catalog-records';
import { createSeededRandom, type SeededRandom } from './seeded-random';
import { DAY, HOUR, MINUTE, NIGHTLY, REFRESH_SCHEDULES, lastScheduledUpdate, readDemoNow, startOfUtcDay, unscheduledTableAge } from './demo-times';
import {
  AGGREGATE_COLUMNS,
  COLLEAGUE_NAMES,
  COLLEAGUE_TEAMS,
  COMMON_COLUMNS,
  DEMO_SCHEMAS,
  DEMO_WAREHOUSES,
  EXTRA_TAGS,
  TABLE_BADGES,
  TABLE_PREFIXES,
  TABLE_QUALIFIERS,
  TABLE_SUFFIXES,
  type DemoColumn,
  type DemoWarehouse,
} from './demo-vocabulary';

export const DEFAULT_DEMO_SEED = 20250601;

export const ANCHOR_TABLE_KEYS = [
  'hive://gold.core/customers',
  'hive://gold.sales/orders',
  'snowflake://prod.finance/monthly_revenue',
] as const;

const [ROALD, FRIDTJOF, LIV, BORGE] = DEMO_PEOPLE.map((p) => p.email);

const EXTRA_FIRST_NAMES = ['Astrid', 'Bjorn', 'Camila', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ingrid', 'Jonas', 'Kaveh', 'Leila',
  'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sami', 'Tove', 'Ulla', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zofia',
  'Anders', 'Beatriz', 'Chidi', 'Dagny', 'Emeka', 'Freya', 'Gustav', 'Hiroshi', 'Isak', 'Jana', 'Kofi', 'Lars', 'Maja', 'Nils'];
const EXTRA_LAST_NAMES = ['Andersen', 'Bakken', 'Costa', 'Dahl', 'Eriksen', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Johansson', 'Kowalski',
  'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Solberg', 'Tanaka', 'Umarov', 'Varga', 'Wang', 'Xu',
  'Yilmaz', 'Zhang', 'Berg', 'Haugen', 'Strand', 'Lund', 'Nguyen', 'Silva', 'Novak', 'Horvat', 'Kaur', 'Mensah', 'Olsen', 'Vik'];

/** The demo people and colleagues, plus `extra` generated colleagues (for big catalogs). */
export function buildDemoUsers(extra = 0): UserRecord[] {
  const people: UserRecord[] = DEMO_PEOPLE.map((p) => ({
    user_id: p.email,
    email: p.email,
    first_name: p.given_name,
    last_name: p.family_name,
    full_name: `${p.given_name} ${p.family_name}`,
    team_name: p.team_name,
    role_name: p.role_name,
    employee_type: 'fulltime',
    github_username: p.login,
    slack_id: p.login,
    profile_url: null,
  }));
  const colleagues: UserRecord[] = COLLEAGUE_NAMES.map(([first, last], i) => {
    const [team, role] = COLLEAGUE_TEAMS[i % COLLEAGUE_TEAMS.length];
    const email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.org';
    return {
      user_id: email,
      email,
      first_name: first,
      last_name: last,
      full_name: `${first} ${last}`,
      team_name: team,
      role_name: role,
      employee_type: i % 5 === 4 ? 'contractor' : 'fulltime',
      manager_user_id: DEMO_PEOPLE[i % DEMO_PEOPLE.length].email,
    };
  });
  const generated: UserRecord[] = [];
  for (let i = 0; i < extra; i++) {
    const first = EXTRA_FIRST_NAMES[i % EXTRA_FIRST_NAMES.length];
    const last = EXTRA_LAST_NAMES[Math.floor(i / EXTRA_FIRST_NAMES.length) % EXTRA_LAST_NAMES.length];
    const round = Math.floor(i / (EXTRA_FIRST_NAMES.length * EXTRA_LAST_NAMES.length));
    const email = `${first}.${last}${round ? round + 1 : ''}`.toLowerCase() + '@example.org';
    const [team, role] = COLLEAGUE_TEAMS[(i * 7) % COLLEAGUE_TEAMS.length];
    generated.push({
      user_id: email, email, first_name: first, last_name: last, full_name: `${first} ${last}`,
      team_name: team, role_name: role, employee_type: i % 6 === 5 ? 'contractor' : 'fulltime',
      manager_user_id: DEMO_PEOPLE[i % DEMO_PEOPLE.length].email,
    });
  }
  return [...people, ...colleagues, ...generated];
}

/** Generated colleagues for a catalog of `count` tables: one per 200 tables, at most 3 000. */
export function countExtraDemoUsers(count: number): number {
  return Math.min(3000, Math.floor(count / 200));
}

export interface DemoTableOptions {
  count: number;
  seed?: number;
  /**
   * The instant the demo is built, in epoch seconds (decision 112): every time in it is before this,
   * counted back from it. The clock's when not given; tests pin it.
   */
  now?: number;
}

/**
 * Yields `count` tables (at least the anchors if count < 3 is asked, none if count is 0). The same
 * count, seed and now give the same tables; another `now` gives the same tables at other times.
 */
export function* generateDemoTables({ count, seed = DEFAULT_DEMO_SEED, now: givenNow }: DemoTableOptions): Generator<TableRecord> {
  const now = readDemoNow(givenNow);
  const random = createSeededRandom(seed);
  const users = buildDemoUsers(countExtraDemoUsers(count)).map((u) => u.user_id);
  const anchors = buildAnchorTables(users, now);
  const anchorKeys = new Set(anchors.map(buildTableKey));
  yield* anchors.slice(0, count);
  // Names walk a permutation of prefix × qualifier × entity × suffix (~1.9 M combinations), so
  // they are unique up to there without numeric suffixes; the seed picks the starting point.
  let combination = seed % NAME_SPACE;
  for (let i = anchors.length, n = 0; i < count; n++) {
    const table = buildRandomTable(random, users, combination, Math.floor(n / NAME_SPACE), now);
    combination = (combination + NAME_STRIDE) % NAME_SPACE;
    if (anchorKeys.has(buildTableKey(table))) continue;
    i++;
    yield table;
  }
}

const ENTITIES = DEMO_SCHEMAS.flatMap((schema) => schema.entities.map((entity) => ({ schema, entity })));
const QUALIFIERS = [{ word: '', phrase: '' }, ...TABLE_QUALIFIERS];
const NAME_SPACE = TABLE_PREFIXES.length * QUALIFIERS.length * ENTITIES.length * TABLE_SUFFIXES.length;
/** A prime that divides no factor of NAME_SPACE: stepping by it visits every combination once. */
const NAME_STRIDE = 1_000_003;

function buildRandomTable(random: SeededRandom, users: readonly string[], combination: number, round: number, now: number): TableRecord {
  let c = combination;
  const prefix = TABLE_PREFIXES[c % TABLE_PREFIXES.length];
  c = Math.floor(c / TABLE_PREFIXES.length);
  const qualifier = QUALIFIERS[c % QUALIFIERS.length];
  c = Math.floor(c / QUALIFIERS.length);
  const { schema, entity } = ENTITIES[c % ENTITIES.length];
  const suffix = TABLE_SUFFIXES[Math.floor(c / ENTITIES.length) % TABLE_SUFFIXES.length];
  const warehouse = random.pick(DEMO_WAREHOUSES);
  const cluster = random.pick(warehouse.clusters);
  const name = `${prefix.prefix}${qualifier.word ? `${qualifier.word}_` : ''}${entity}${suffix.suffix}${round ? `_${round + 1}` : ''}`;

  const entityWords = entity.replace(/_/g, ' ');
  // The random draws come in a fixed order (same seed ⇒ same tables): keep it. Times take no draw of
  // their own but the one below, so a table's names, columns and people do not depend on `now`.
  const schedule = random.chance(0.3) ? random.pick(REFRESH_SCHEDULES) : null;
  const description = `${prefix.phrase} ${entityWords}${qualifier.phrase ? ` ${qualifier.phrase}` : ''} from the ${schema.name} domain, ${suffix.phrase}.` +
    (schedule ? ` Refreshed ${schedule.words}.` : '');

  const columns = buildColumns(random, warehouse, entity, suffix.aggregate);
  const hasPii = columns.some((c) => c.badges?.some((b) => b.badge_name === 'PII'));
  const tags = new Set<string>(random.sample(schema.tags, random.int(0, schema.tags.length)));
  if (hasPii) tags.add('pii');
  for (const t of random.sample(EXTRA_TAGS, random.int(0, 2))) tags.add(t);

  const ownerCount = random.int(1, 2);
  const owners = random.chance(0.5) ? [random.pick(DEMO_PEOPLE).email] : [];
  while (owners.length < ownerCount) {
    const u = random.pick(users);
    if (!owners.includes(u)) owners.push(u);
  }
  const readerCount = random.chance(0.15) ? 0 : random.int(1, 12);
  const readers = random.sample(users, readerCount).map((user_id) => ({
    user_id,
    read_count: Math.max(1, Math.floor(200 * random.next() ** 3)),
  }));

  // A table on a schedule was last updated by its last run; another one longer ago the less it is read.
  const when = random.next();
  const lastUpdated = schedule
    ? lastScheduledUpdate(schedule, now, when)
    : now - unscheduledTableAge(when, readers.reduce((sum, r) => sum + r.read_count, 0));
  datedStats(columns, lastUpdated);
  const table: TableRecord = {
    database: warehouse.database,
    cluster,
    schema: schema.name,
    schema_description: schema.description,
    name,
    description: random.chance(0.08) ? null : description,
    description_source: null,
    is_view: random.chance(0.1),
    last_updated_timestamp: lastUpdated,
    columns,
    tags: [...tags],
    badges: random.chance(0.35) ? [{ badge_name: random.pick(TABLE_BADGES), category: 'table_status' }] : [],
    owners,
    readers,
    watermarks: warehouse.partitioned ? buildWatermarks(random, lastUpdated) : [],
  };
  if (['fct_', 'dim_', 'int_', 'agg_', 'mart_'].includes(prefix.prefix)) {
    table.source = { source_type: 'github', source: `https://github.com/example-org/dbt-models/blob/main/models/${schema.name}/${name}.sql` };
  }
  if (random.chance(0.5)) {
    const dag = `${schema.name}_${warehouse.database}`;
    table.applications = [{
      id: `${dag}/${name}`,
      name: 'Airflow',
      description: `Airflow with id ${dag}/${name}`,
      application_url: `https://airflow.example.org/dags/${dag}/grid?task_id=${name}`,
      kind: 'Producing',
    }];
  }
  if (random.chance(0.15)) {
    random.int(1, 36); // the freshness this note once made up: still drawn, so the draws after it stay as they were
    table.programmatic_descriptions = [{
      source: 'quality_service',
      text: `### Data quality\n\n* freshness: ${describeAge(now - lastUpdated)}\n* null rate of key columns: ${(random.next() * 2).toFixed(2)} %`,
    }];
  }
  if (random.chance(0.1)) {
    table.resource_reports = [{ name: 'Data Profile', url: `https://reports.example.org/profile/${warehouse.database}/${schema.name}/${name}` }];
  }
  return table;
}

const DIMENSION_COLUMNS = COMMON_COLUMNS.filter((c) => (c.type === 'string' || c.type === 'id') && !c.pii);

function singular(entity: string): string {
  const last = entity.split('_').at(-1)!;
  const base = entity.endsWith('ies') ? `${entity.slice(0, -3)}y` : entity.endsWith('ses') ? entity.slice(0, -2) : entity.endsWith('s') ? entity.slice(0, -1) : entity;
  return last.length > 2 ? base : entity;
}

function buildColumns(random: SeededRandom, warehouse: DemoWarehouse, entity: string, aggregate: boolean): ColumnRecord[] {
  const picks: DemoColumn[] = [];
  if (aggregate) {
    picks.push({ name: 'ds', type: 'date', description: 'Day of the aggregate (UTC)' });
    picks.push(...random.sample(DIMENSION_COLUMNS, random.int(4, 10)));
    picks.push(...random.sample(AGGREGATE_COLUMNS, random.int(3, AGGREGATE_COLUMNS.length)));
  } else {
    picks.push({ name: `${singular(entity)}_id`, type: 'id', description: `Unique id of the ${singular(entity).replace(/_/g, ' ')}` });
    picks.push(...random.sample(COMMON_COLUMNS, random.int(15, 29)));
  }
  const seen = new Set<string>();
  const columns: ColumnRecord[] = [];
  for (const c of picks) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    const badges = [];
    if (columns.length === 0 && !aggregate) badges.push({ badge_name: 'PK', category: 'column' });
    else if (c.type === 'id') badges.push({ badge_name: 'FK', category: 'column' });
    if (c.pii) badges.push({ badge_name: 'PII', category: 'column' });
    const column: ColumnRecord = {
      name: c.name,
      col_type: warehouse.types[c.type],
      description: random.chance(0.1) ? null : c.description,
      sort_order: columns.length,
      badges,
    };
    if (random.chance(0.05)) {
      // Dated by datedStats once the table's last update is known.
      column.stats = [
        { stat_type: 'num_nulls', stat_val: String(random.int(0, 5000)), start_epoch: null, end_epoch: null, is_metric: null },
        { stat_type: 'distinct_values', stat_val: String(random.int(1, 2_000_000)), start_epoch: null, end_epoch: null, is_metric: null },
      ];
    }
    columns.push(column);
  }
  return columns;
}

/** Column statistics are of the whole UTC day before the day the table was last updated. */
function datedStats(columns: readonly ColumnRecord[], lastUpdated: number): void {
  const end = startOfUtcDay(lastUpdated);
  for (const column of columns) {
    if (!column.stats) continue;
    for (const stat of column.stats) {
      stat.start_epoch = end - DAY;
      stat.end_epoch = end;
    }
  }
}

/** "3 h", "12 d": how old a table's data is, for its data-quality note. */
function describeAge(seconds: number): string {
  return seconds < 2 * DAY ? `${Math.max(1, Math.round(seconds / HOUR))} h` : `${Math.round(seconds / DAY)} d`;
}

/** The high watermark is the day of the last update, written then; the low one 30 days to 2 years before. */
function buildWatermarks(random: SeededRandom, lastUpdated: number): TableRecord['watermarks'] {
  const high = new Date(lastUpdated * 1000);
  const low = new Date((lastUpdated - random.int(30, 730) * 86400) * 1000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const stamp = (d: Date) => d.toISOString().slice(0, 19);
  return [
    { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: day(high), create_time: stamp(high) },
    { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: day(low), create_time: stamp(low) },
  ];
}

function buildReaders(users: readonly string[], first: readonly string[], count: number, base: number) {
  const ordered = [...first, ...users.filter((u) => !first.includes(u))].slice(0, count);
  return ordered.map((user_id, i) => ({ user_id, read_count: base - i * 17 }));
}

/** The anchors are the most read and among the most recently updated: orders minutes ago, customers within the hour. */
function buildAnchorTables(users: readonly string[], now: number): TableRecord[] {
  const ordersUpdated = now - 12 * MINUTE;
  const customersUpdated = now - 47 * MINUTE;
  const col = (name: string, col_type: string, description: string, badges: string[] = []): ColumnRecord => ({
    name, col_type, description, badges: badges.map((badge_name) => ({ badge_name, category: 'column' })),
  });
  const customers: TableRecord = {
    database: 'hive', cluster: 'gold', schema: 'core', schema_description: 'Conformed core entities shared by every team',
    name: 'customers',
    description: 'One row per customer, with contact details and lifecycle status',
    description_source: 'description',
    last_updated_timestamp: customersUpdated,
    columns: [
      col('customer_id', 'bigint', 'Surrogate key of the customer; stable across email changes', ['PK']),
      col('email', 'string', 'Primary email address, lower-cased', ['PII']),
      col('first_name', 'string', 'Given name as entered at sign-up', ['PII']),
      col('last_name', 'string', 'Family name as entered at sign-up', ['PII']),
      col('country_code', 'string', 'ISO 3166-1 alpha-2 country of the billing address'),
      col('signup_date', 'date', 'Day the customer created their account (UTC)'),
      col('lifecycle_stage', 'string', 'prospect, active, lapsed or churned; recomputed nightly'),
      col('marketing_opt_in', 'boolean', 'True when the customer accepted marketing email'),
      col('lifetime_value_usd', 'decimal(12,2)', 'Sum of net order value since sign-up, in USD'),
      col('updated_at', 'timestamp', 'When any attribute of the customer last changed (UTC)'),
    ],
    tags: ['core', 'pii', 'gdpr', 'kpi'],
    badges: [{ badge_name: 'certified', category: 'table_status' }],
    owners: [ROALD],
    readers: buildReaders(users, [FRIDTJOF, LIV, ROALD, BORGE], 32, 2400),
    watermarks: buildWatermarks(createSeededRandom(1), customersUpdated),
    source: { source_type: 'github', source: 'https://github.com/example-org/dbt-models/blob/main/models/core/customers.sql' },
    applications: [{
      id: 'core_hive/customers', name: 'Airflow', description: 'Airflow with id core_hive/customers',
      application_url: 'https://airflow.example.org/dags/core_hive/grid?task_id=customers', kind: 'Producing',
    }],
    programmatic_descriptions: [{ source: 'quality_service', text: '### Data quality\n\n* freshness: 1 h\n* duplicate customer_id: 0' }],
    resource_reports: [{ name: 'Data Profile', url: 'https://reports.example.org/profile/hive/core/customers' }],
  };
  customers.columns[0].stats = [
    { stat_type: 'distinct_values', stat_val: '1843211', start_epoch: null, end_epoch: null, is_metric: null },
    { stat_type: 'num_nulls', stat_val: '0', start_epoch: null, end_epoch: null, is_metric: null },
  ];
  datedStats(customers.columns, customersUpdated);
  const orders: TableRecord = {
    database: 'hive', cluster: 'gold', schema: 'sales', schema_description: 'Orders, returns and the sales pipeline',
    name: 'orders',
    description: 'Every order placed in the web shop, one row per order',
    description_source: 'description',
    last_updated_timestamp: ordersUpdated,
    columns: [
      col('order_id', 'bigint', 'Unique id of the order', ['PK']),
      col('customer_id', 'bigint', 'Customer who placed the order; joins core.customers', ['FK']),
      col('ordered_at', 'timestamp', 'When the customer confirmed the order (UTC)'),
      col('status', 'string', 'placed, paid, shipped, delivered, cancelled or returned'),
      col('channel', 'string', 'web or app'),
      col('currency', 'string', 'ISO 4217 currency the customer paid in'),
      col('total_amount', 'decimal(12,2)', 'Order total including tax and shipping, in currency'),
      col('discount_amount', 'decimal(12,2)', 'Discounts applied to the order, in currency'),
      col('shipping_country', 'string', 'ISO 3166-1 alpha-2 country the order ships to'),
      col('ds', 'date', 'Partition: day the order was placed (UTC)'),
    ],
    tags: ['sales', 'revenue', 'kpi'],
    badges: [{ badge_name: 'certified', category: 'table_status' }],
    owners: [FRIDTJOF],
    readers: buildReaders(users, [ROALD, FRIDTJOF, LIV, BORGE], 30, 2200),
    watermarks: buildWatermarks(createSeededRandom(1), ordersUpdated),
    source: { source_type: 'github', source: 'https://github.com/example-org/dbt-models/blob/main/models/sales/orders.sql' },
    applications: [{
      id: 'sales_hive/orders', name: 'Airflow', description: 'Airflow with id sales_hive/orders',
      application_url: 'https://airflow.example.org/dags/sales_hive/grid?task_id=orders', kind: 'Producing',
    }],
  };
  const monthlyRevenue: TableRecord = {
    database: 'snowflake', cluster: 'prod', schema: 'finance', schema_description: 'Revenue, payments and the general ledger',
    name: 'monthly_revenue',
    description: 'Recognised revenue per calendar month, region and product line, as reported to the board',
    description_source: 'description',
    // Closed each night for the month so far.
    last_updated_timestamp: lastScheduledUpdate(NIGHTLY, now, 0.4),
    columns: [
      col('month', 'DATE', 'First day of the calendar month', ['PK']),
      col('region', 'VARCHAR', 'EMEA, AMER or APAC'),
      col('product_line', 'VARCHAR', 'Product line as defined by finance'),
      col('gross_revenue_usd', 'NUMBER(14,2)', 'Revenue before refunds and discounts, in USD'),
      col('refunds_usd', 'NUMBER(14,2)', 'Refunds booked in the month, in USD'),
      col('net_revenue_usd', 'NUMBER(14,2)', 'gross_revenue_usd minus refunds and discounts'),
      col('order_count', 'NUMBER(10,0)', 'Orders contributing to the month'),
    ],
    tags: ['finance', 'revenue', 'kpi', 'sox'],
    badges: [{ badge_name: 'certified', category: 'table_status' }],
    owners: [BORGE, FRIDTJOF],
    readers: buildReaders(users, [BORGE, FRIDTJOF], 14, 400),
    watermarks: [],
  };
  return [customers, orders, monthlyRevenue];
}
