// A PostgreSQL schema of a few dozen tables in five schemas, for the importer's tests: tables with
// comments on some of them and their columns, single and composite primary keys, foreign keys within
// and across schemas, a view and a materialized view, a partitioned table (whose partitions the
// importer leaves out), a table whose name needs quoting, and one table never analyzed.

export interface ShopSchema {
  sql: string;
  /** Schema → its tables and views, as the importer should find them. */
  relations: Record<string, string[]>;
}

const PER_SCHEMA = 7;
const SCHEMAS = ['sales', 'inventory', 'hr', 'staging', 'scratch_tmp'] as const;

export function generateShopSchema(): ShopSchema {
  const statements: string[] = [];
  const relations: Record<string, string[]> = {};
  for (const schema of SCHEMAS) {
    relations[schema] = [];
    statements.push(`CREATE SCHEMA ${schema};`, `COMMENT ON SCHEMA ${schema} IS 'The ${schema} area.';`);
    for (let i = 0; i < PER_SCHEMA; i++) {
      const table = `${schema}_t${i}`;
      relations[schema].push(table);
      const fk = i > 0 ? `, parent_id bigint REFERENCES ${schema}.${schema}_t${i - 1} (id)` : '';
      statements.push(
        `CREATE TABLE ${schema}.${table} (id bigint PRIMARY KEY, name varchar(64) NOT NULL, amount numeric(12,2), ` +
          `created_at timestamptz DEFAULT now(), tags text[]${fk});`,
        `INSERT INTO ${schema}.${table} (id, name, amount) SELECT g, 'row ' || g, g * 1.5 FROM generate_series(1, ${(i + 1) * 10}) g;`,
      );
      if (i % 2 === 0) {
        statements.push(
          `COMMENT ON TABLE ${schema}.${table} IS 'Table ${i} of ${schema}.';`,
          `COMMENT ON COLUMN ${schema}.${table}.amount IS 'Amount in NOK.';`,
        );
      }
    }
    relations[schema].push(`${schema}_summary`);
    statements.push(
      `CREATE VIEW ${schema}.${schema}_summary AS SELECT name, sum(amount) AS total FROM ${schema}.${schema}_t0 GROUP BY name;`,
      `COMMENT ON VIEW ${schema}.${schema}_summary IS 'Totals per name.';`,
    );
  }
  // Across schemas: an order line (composite key) points at a sales table and an inventory table.
  relations.sales.push('order_lines', 'monthly_totals', 'events', 'Odd Name', 'recent_events');
  statements.push(
    `CREATE TABLE sales.order_lines (order_id bigint REFERENCES sales.sales_t0 (id), line_no int, ` +
      `item_id bigint REFERENCES inventory.inventory_t0 (id), quantity int, PRIMARY KEY (order_id, line_no));`,
    `COMMENT ON COLUMN sales.order_lines.quantity IS 'Units ordered.';`,
    `CREATE MATERIALIZED VIEW sales.monthly_totals AS SELECT date_trunc('month', created_at) AS month, sum(amount) AS total FROM sales.sales_t1 GROUP BY 1;`,
    `CREATE TABLE sales.events (id bigint, at date NOT NULL, payload jsonb, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);`,
    `CREATE TABLE sales.events_2026 PARTITION OF sales.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');`,
    `CREATE TABLE sales."Odd Name" ("Mixed Case" int, plain text);`,
    // Reads a partition (lineage from its root table) and a catalog of PostgreSQL's own (no lineage).
    `CREATE VIEW sales.recent_events AS SELECT e.id, c.relname FROM sales.events_2026 e, pg_catalog.pg_class c WHERE c.oid = e.id;`,
    'ANALYZE;',
    // Created after ANALYZE: no estimate.
    `CREATE TABLE hr.never_analyzed (id int PRIMARY KEY);`,
  );
  relations.hr.push('never_analyzed');
  return { sql: statements.join('\n'), relations };
}

/** Every table and view the importer should find, with all schemas included. */
export const shopRelationCount = (schema: ShopSchema) => Object.values(schema.relations).reduce((n, r) => n + r.length, 0);
