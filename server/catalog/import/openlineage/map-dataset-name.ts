// An OpenLineage dataset (namespace + name, as the OpenLineage naming conventions form them) → an
// Amundsen table key `{database}://{cluster}.{schema}/{table}` (docs/ingest.md#openlineage has the
// table of rules). Warehouses: the namespace's scheme is the database, the name's parts are
// cluster.schema.table — the cluster is the warehouse database / project / catalog, as Amundsen's
// databuilder and the dbt importer key them, so the same table gets the same key from every source;
// a two-part name (MySQL, Hive: `{database}.{table}`) takes the namespace's host as the cluster.
// Files and object stores: the scheme, the bucket or host, the path's first folder, the rest of the path.
import { buildTableKey, type TableCoordinates } from '../../../../contract/table-key';

export interface MappedDataset extends TableCoordinates {
  key: string;
}

/** Why a dataset has no key; `field` is `namespace` or `name`. */
export class DatasetNameError extends Error {
  constructor(readonly field: 'namespace' | 'name', message: string) {
    super(message);
  }
}

/** Scheme aliases: the OpenLineage namespace's scheme → the database part of the key. */
const DATABASE_ALIASES: Record<string, string> = {
  postgresql: 'postgres',
  awsathena: 'athena',
  sqlserver: 'mssql',
  s3a: 's3',
  s3n: 's3',
  gcs: 'gs',
};

/** Namespaces whose names are paths (object stores, file systems, streams): case is kept. */
const PATH_SCHEMES = new Set(['s3', 'gs', 'abfss', 'abfs', 'wasbs', 'wasb', 'hdfs', 'dbfs', 'file', 'adl', 'oss']);

/** Names in these databases are paths: their case is kept (in warehouses keys are lower case). */
export function keepsCase(database: string): boolean {
  return PATH_SCHEMES.has(database);
}

/** A namespace without `://` (`bigquery`, `file`, `pubsub`) names the system only. */
const DEFAULT_CLUSTER = 'default';
const DEFAULT_SCHEMA = 'default';

interface Namespace {
  scheme: string;
  /** The host (or bucket, or `container@account`), lower case, without the port; undefined for bare namespaces. */
  host: string | undefined;
}

function parseNamespace(namespace: string): Namespace {
  const trimmed = namespace.trim();
  const glue = /^arn:aws:glue:([^:]+):([^:]+)$/i.exec(trimmed);
  if (glue) return { scheme: 'glue', host: glue[2].toLowerCase() };
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(trimmed);
  if (!match) {
    if (!/^[A-Za-z][A-Za-z0-9+._-]*$/.test(trimmed)) {
      throw new DatasetNameError('namespace', `expected a namespace such as "postgres://db.example.com:5432", "bigquery" or "s3://bucket", got ${JSON.stringify(namespace)}`);
    }
    return { scheme: trimmed.toLowerCase(), host: undefined };
  }
  const scheme = match[1].toLowerCase();
  // user@host:port → host; IPv6 [::1]:5432 → ::1; `container@account` (abfss, wasbs) keeps the container.
  const authority = match[2];
  let host = PATH_SCHEMES.has(DATABASE_ALIASES[scheme] ?? scheme) ? authority : authority.replace(/^[^@]*@/, '');
  host = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return { scheme, host: host === '' ? undefined : host.toLowerCase() };
}

/** Key parts must not contain what the key's grammar splits on: `/` anywhere, `.` in the schema. */
function part(value: string, what: string): string {
  const cleaned = value.trim();
  if (cleaned === '') throw new DatasetNameError('name', `the ${what} part is empty`);
  return cleaned;
}

function mapPath(database: string, host: string | undefined, name: string): TableCoordinates {
  const segments = name.split('/').filter((s) => s !== '');
  if (segments.length === 0) throw new DatasetNameError('name', `expected a path, got ${JSON.stringify(name)}`);
  const cluster = (host ?? (database === 'file' ? 'local' : DEFAULT_CLUSTER)).replaceAll('/', '_');
  if (segments.length === 1) return { database, cluster, schema: DEFAULT_SCHEMA, name: segments[0] };
  return { database, cluster, schema: segments[0].replaceAll('.', '_'), name: segments.slice(1).join('/') };
}

function mapDotted(database: string, host: string | undefined, name: string): TableCoordinates {
  // Glue names tables `table/{database}/{table}`; Kusto `{database}/{table}`; Cosmos `colls/{table}`.
  const glue = /^table\/([^/]+)\/(.+)$/.exec(name);
  const parts = glue ? [glue[1], glue[2]] : name.includes('/') ? name.split('/').filter((s) => s !== '') : name.split('.');
  const lower = parts.map((p) => p.toLowerCase());
  if (lower.length >= 3) {
    // {database}.{schema}.{table} (a table name with dots keeps them)
    return { database, cluster: part(lower[0], 'database'), schema: part(lower[1], 'schema').replaceAll('.', '_'), name: part(lower.slice(2).join('.'), 'table') };
  }
  const cluster = host ?? DEFAULT_CLUSTER;
  if (lower.length === 2) return { database, cluster, schema: part(lower[0], 'schema').replaceAll('.', '_'), name: part(lower[1], 'table') };
  return { database, cluster, schema: DEFAULT_SCHEMA, name: part(lower[0], 'table') };
}

/** The table key of an OpenLineage dataset; throws DatasetNameError naming the field it cannot use. */
export function mapDatasetName(namespace: string, name: string): MappedDataset {
  if (namespace.trim() === '') throw new DatasetNameError('namespace', 'must not be empty');
  if (name.trim() === '') throw new DatasetNameError('name', 'must not be empty');
  const ns = parseNamespace(namespace);
  const database = DATABASE_ALIASES[ns.scheme] ?? ns.scheme;
  const coordinates = PATH_SCHEMES.has(database) ? mapPath(database, ns.host, name.trim()) : mapDotted(database, ns.host, name.trim());
  return { ...coordinates, key: buildTableKey(coordinates) };
}
