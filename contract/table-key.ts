// Amundsen table keys: `{database}://{cluster}.{schema}/{table}`.
// Parsing follows the Amundsen frontend's regex: database up to the first `://`, cluster up to the
// last `.` before the next `/`, then schema, then the rest is the table name.

export interface TableCoordinates {
  database: string;
  cluster: string;
  schema: string;
  name: string;
}

const TABLE_KEY = /^(.*?):\/\/(.*)\.(.*?)\/(.*?)$/;

export function buildTableKey({ database, cluster, schema, name }: TableCoordinates): string {
  return `${database}://${cluster}.${schema}/${name}`;
}

export function parseTableKey(key: string): TableCoordinates | null {
  const match = TABLE_KEY.exec(key);
  if (!match) return null;
  const [, database, cluster, schema, name] = match;
  if (!database || !cluster || !schema || !name) return null;
  return { database, cluster, schema, name };
}

/** The SPA page of a table, in Amundsen's URL shape so saved links keep working. */
export function buildTablePagePath({ database, cluster, schema, name }: TableCoordinates): string {
  return ['/table_detail', cluster, database, schema, name].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}
