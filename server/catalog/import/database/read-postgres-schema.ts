// Reads a PostgreSQL database's own catalog (pg_catalog): tables, partitioned and foreign tables,
// views and materialized views (not partitions: their parent stands for them), with columns, types,
// comments, primary and foreign keys, view definitions, what each view reads, and row-count
// estimates (pg_class.reltuples, as of the last ANALYZE). Read-only, in one read-only transaction; any user who may connect can read
// these catalogs. Errors come back as DatabaseImportError naming `--url` and the fix, never the password.
import pg from 'pg';
import type { CrawledDatabase, CrawledForeignKey, CrawledRelation } from './crawled-schema';
import { DatabaseImportError } from './database-import-error';

const KINDS: Record<string, CrawledRelation['kind']> = {
  r: 'table', p: 'partitioned table', f: 'foreign table', v: 'view', m: 'materialized view',
};

const RELATIONS_SQL = `
  SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
    obj_description(c.oid, 'pg_class') AS comment,
    CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS definition,
    CASE WHEN c.relkind IN ('r', 'm', 'f') AND c.reltuples >= 0
      AND (c.reltuples > 0 OR s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL) THEN c.reltuples::float8 END AS row_estimate,
    extract(epoch FROM greatest(s.last_analyze, s.last_autoanalyze))::int8 AS estimated_at
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
  WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND NOT c.relispartition
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
  ORDER BY n.nspname, c.relname`;

const COLUMNS_SQL = `
  SELECT a.attrelid::int8 AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnum AS position,
    col_description(a.attrelid, a.attnum) AS comment
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND NOT c.relispartition
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
  ORDER BY a.attrelid, a.attnum`;

const columnNames = (relation: string, keys: string) => `array(
    SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, i)
    JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum ORDER BY k.i)`;

const KEYS_SQL = `
  SELECT con.conrelid::int8 AS oid, con.contype AS type, ${columnNames('con.conrelid', 'con.conkey')} AS columns,
    fn.nspname AS ref_schema, fc.relname AS ref_table, ${columnNames('con.confrelid', 'con.confkey')} AS ref_columns
  FROM pg_constraint con
  LEFT JOIN pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
  WHERE con.contype IN ('p', 'f') AND con.conrelid <> 0
  ORDER BY con.conrelid, con.conname`;

// What each view reads: the relations its rewrite rule depends on (a partition stands for its root
// table, as partitions are not imported), PostgreSQL's own catalogs left out.
const VIEW_READS_SQL = `
  SELECT DISTINCT r.ev_class::int8 AS oid, dn.nspname AS schema, d.relname AS name
  FROM pg_rewrite r
  JOIN pg_depend dep ON dep.classid = 'pg_rewrite'::regclass AND dep.objid = r.oid AND dep.refclassid = 'pg_class'::regclass
  JOIN pg_class read ON read.oid = dep.refobjid AND read.oid <> r.ev_class AND read.relkind IN ('r', 'p', 'f', 'v', 'm')
  JOIN pg_class d ON d.oid = CASE WHEN read.relispartition THEN pg_partition_root(read.oid) ELSE read.oid END
  JOIN pg_namespace dn ON dn.oid = d.relnamespace
  WHERE dn.nspname NOT IN ('pg_catalog', 'information_schema') AND dn.nspname !~ '^pg_(toast|temp_)'
  ORDER BY 1, 2, 3`;

const SCHEMAS_SQL = `SELECT nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname !~ '^pg_(toast|temp_)' ORDER BY 1`;

/** `postgres://user@host:5432/db`, with no password: for messages and reports. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return '(an unreadable URL)';
  }
}

export function checkPostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseImportError('--url is not a URL: give postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (the password may come from PGPASSWORD instead)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseImportError(`--url must start with postgres:// or postgresql://, got ${parsed.protocol}//…: give postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`);
  }
  if (!parsed.pathname || parsed.pathname === '/') {
    throw new DatabaseImportError(`--url names no database (${describePostgresUrl(url)}): add it after the host, e.g. postgres://${parsed.host || 'localhost'}/shop`);
  }
  return parsed;
}

/** A pg error (or a network error) → a message naming `--url` and what to do; `connectedAs` is the user pg tried. */
function explain(err: unknown, url: string, connectedAs: string | undefined): DatabaseImportError {
  const e = err as { code?: string; message?: string };
  const where = describePostgresUrl(url);
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || connectedAs || 'the current user';
  const database = decodeURIComponent(u.pathname.slice(1));
  // The server asks for a password and none was given (pg says so in SCRAM's words; with md5 the server
  // refuses the empty one it got, which 28P01 below words: the environment is config's to read).
  if (/client password must be a (non-empty )?string/.test(e.message ?? '')) {
    return new DatabaseImportError(
      `PostgreSQL asks for the password of user "${user}": put it in --url (${u.protocol}//${encodeURIComponent(user)}:…@${u.host}${u.pathname}) or PGPASSWORD`,
    );
  }
  switch (e.code) {
    case 'ECONNREFUSED':
      return new DatabaseImportError(`cannot reach PostgreSQL at ${u.host} (connection refused): is the server running, and are the host and port in --url (${where}) right?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DatabaseImportError(`cannot reach PostgreSQL: the host "${u.hostname}" in --url (${where}) is not known; check its spelling`);
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
      return new DatabaseImportError(`cannot reach PostgreSQL at ${u.host}: no answer within the time allowed; check the host and port in --url (${where}) and any firewall between`);
    case '28P01':
      return new DatabaseImportError(`PostgreSQL refused the password of user "${user}": check the password in --url (${where}) or PGPASSWORD`);
    case '28000':
      return new DatabaseImportError(`PostgreSQL does not let user "${user}" in (${e.message}): give --url a user the server's pg_hba.conf admits`);
    case '3D000':
      return new DatabaseImportError(`PostgreSQL has no database "${database}": check the database name at the end of --url (${where})`);
    case '42501':
      return new DatabaseImportError(
        `PostgreSQL: ${e.message}: user "${user}" may not read database "${database}"; ` +
          `grant it (GRANT CONNECT ON DATABASE "${database}" TO "${user}") or give --url a user that may`,
      );
    default:
      return new DatabaseImportError(`PostgreSQL at ${where}: ${e.message ?? String(err)}${e.code ? ` (${e.code})` : ''}`);
  }
}

export interface PostgresReadOptions {
  /** Connection timeout (ms). */
  connectTimeoutMs?: number;
}

export async function readPostgresSchema(url: string, options: PostgresReadOptions = {}): Promise<CrawledDatabase> {
  checkPostgresUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000, application_name: 'nansen-import' });
  // A connection that fails after connecting (server restart) emits 'error'; the query's rejection reports it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw explain((err as Error).message === 'timeout expired' ? { code: 'CONNECT_TIMEOUT' } : err, url, client.user);
  }
  try {
    await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const meta = await client.query<{ name: string; version: string }>("SELECT current_database() AS name, current_setting('server_version') AS version");
    const schemas = await client.query<{ nspname: string }>(SCHEMAS_SQL);
    const relations = await client.query<{
      oid: string; schema: string; name: string; kind: string; comment: string | null; definition: string | null;
      row_estimate: number | null; estimated_at: string | null;
    }>(RELATIONS_SQL);
    const columns = await client.query<{ oid: string; name: string; type: string; position: number; comment: string | null }>(COLUMNS_SQL);
    const keys = await client.query<{
      oid: string; type: 'p' | 'f'; columns: string[]; ref_schema: string | null; ref_table: string | null; ref_columns: string[];
    }>(KEYS_SQL);
    const reads = await client.query<{ oid: string; schema: string; name: string }>(VIEW_READS_SQL);
    await client.query('COMMIT');

    const byOid = new Map<string, CrawledRelation>();
    for (const r of relations.rows) {
      byOid.set(r.oid, {
        schema: r.schema,
        name: r.name,
        kind: KINDS[r.kind] ?? 'table',
        comment: r.comment,
        viewDefinition: r.definition,
        columns: [],
        primaryKey: [],
        foreignKeys: [],
        rowEstimate: r.row_estimate,
        estimatedAt: r.estimated_at === null ? null : Number(r.estimated_at),
        reads: [],
      });
    }
    for (const c of columns.rows) byOid.get(c.oid)?.columns.push({ name: c.name, type: c.type, position: c.position, comment: c.comment });
    for (const r of reads.rows) byOid.get(r.oid)?.reads.push({ schema: r.schema, name: r.name });
    for (const k of keys.rows) {
      const relation = byOid.get(k.oid);
      if (!relation) continue;
      if (k.type === 'p') relation.primaryKey = k.columns;
      else {
        const fk: CrawledForeignKey = { columns: k.columns, refSchema: k.ref_schema ?? '?', refTable: k.ref_table ?? '?', refColumns: k.ref_columns };
        relation.foreignKeys.push(fk);
      }
    }
    return {
      name: meta.rows[0].name,
      version: `PostgreSQL ${meta.rows[0].version.split(' ')[0]}`,
      relations: [...byOid.values()],
      schemas: schemas.rows.map((s) => s.nspname),
    };
  } catch (err) {
    throw explain(err, url, client.user);
  } finally {
    await client.end().catch(() => {});
  }
}
