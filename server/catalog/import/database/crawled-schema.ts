// What a database reader (read-postgres-schema.ts, read-sqlite-schema.ts) finds in a database's own
// catalog, in one shape for both, before it is mapped to ingest records (map-crawled-schema.ts).

export interface CrawledForeignKey {
  /** The constraint's columns, in order, and the columns they reference. */
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export interface CrawledColumn {
  name: string;
  /** The type as the database writes it, e.g. `character varying(64)`, `numeric(12,2)`, `TEXT`. */
  type: string;
  /** The column's position in the table (1-based; PostgreSQL keeps gaps where columns were dropped). */
  position: number;
  comment: string | null;
}

export interface CrawledRelation {
  schema: string;
  name: string;
  kind: 'table' | 'view' | 'materialized view' | 'foreign table' | 'partitioned table';
  comment: string | null;
  /** The view's query as the database reproduces it (views and materialized views). */
  viewDefinition: string | null;
  columns: CrawledColumn[];
  primaryKey: string[];
  foreignKeys: CrawledForeignKey[];
  /** The database's row-count estimate; null when it has none (never analyzed, views). */
  rowEstimate: number | null;
  /** When the estimate was taken (epoch seconds), when the database says. */
  estimatedAt: number | null;
  /** The tables and views a view reads (PostgreSQL's dependencies; none for SQLite). */
  reads: { schema: string; name: string }[];
  /** Why the reader could not read it (e.g. a SQLite virtual table of a module it lacks): a bad table. */
  unreadable?: string;
}

export interface CrawledDatabase {
  /** The database's name (PostgreSQL's current_database(), the SQLite file's base name). */
  name: string;
  /** e.g. `PostgreSQL 16.4`, `SQLite 3.46.1`. */
  version: string;
  relations: CrawledRelation[];
  /** Every schema the reader saw, before the include/exclude filter (to report what it left out). */
  schemas: string[];
}
