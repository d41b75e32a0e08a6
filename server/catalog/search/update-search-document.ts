// POST /v2/document and DELETE /v2/document (API.md §5.2): edit one field of one search document,
// as Amundsen does on its Elasticsearch index. The store keeps the index in step on its own (every
// metadata write refreshes the documents it touches), so this endpoint matters for clients that
// update the index themselves; an edit here lasts until the store next rewrites that document.
//
// Better than Amundsen: failures are real 4xx (400 naming the field, 404 for an unknown resource),
// not a 200 whose msg says it failed.
import { z } from 'zod';
import { deriveFullName } from '../../../contract/user';
import type { CatalogDatabase } from '../store/open-catalog-database';
import { buildDashboardText, buildUserText, createSearchIndexMaintainer, type TableDocumentSource } from '../store/search-index';
import { createNestedFieldReader } from '../store/nested-fields';
import { InputError, NotFoundError } from '../http/catalog-errors';
import { normalizeName } from './search-terms';

/** Editable fields per resource type (names as in the search filters), and whether they are lists. */
const EDITABLE: Record<string, Record<string, { column: string; list: boolean }>> = {
  table: {
    description: { column: 'description', list: false },
    tag: { column: 'tag_names', list: true },
    badges: { column: 'badge_names', list: true },
    column: { column: 'column_names', list: true },
  },
  dashboard: {
    name: { column: 'name', list: false },
    description: { column: 'description', list: false },
    group_name: { column: 'group_name', list: false },
    url: { column: 'url', list: false },
    tag: { column: 'tag_names', list: true },
    badges: { column: 'badge_names', list: true },
    chart_names: { column: 'chart_names', list: true },
    query_names: { column: 'query_names', list: true },
  },
  user: {
    full_name: { column: 'full_name', list: false },
    first_name: { column: 'first_name', list: false },
    last_name: { column: 'last_name', list: false },
  },
};

const UpdateDocumentSchema = z.strictObject({
  resource_key: z.string({ error: 'is required and must be a string' }).min(1, { error: 'must not be empty' }),
  resource_type: z.enum(['table', 'dashboard', 'user', 'feature'], { error: 'must be one of table, dashboard, user, feature' }),
  field: z.string({ error: 'is required and must be a string' }),
  value: z.union([z.string(), z.array(z.string())], { error: 'is required and must be a string (or, to overwrite a list, an array of strings)' }),
  operation: z.enum(['add', 'overwrite'], { error: 'must be "add" or "overwrite"' }),
});
export type UpdateDocumentRequest = z.infer<typeof UpdateDocumentSchema>;

export function parseUpdateDocumentRequest(body: unknown): UpdateDocumentRequest {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object like {"resource_key", "resource_type", "field", "value", "operation"}.');
  }
  const result = UpdateDocumentSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      throw new InputError(`Invalid document update: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`);
    }
    throw new InputError(`Invalid document update: ${field || 'body'} ${issue.message}`);
  }
  const request = result.data;
  const editable = EDITABLE[request.resource_type];
  if (editable && !editable[request.field]) {
    throw new InputError(`Invalid document update: field "${request.field}" cannot be edited on a ${request.resource_type}; editable: ${Object.keys(editable).join(', ')}`);
  }
  return request;
}

type Method = 'POST' | 'DELETE';

export function createDocumentUpdater(db: CatalogDatabase, onChange: () => void) {
  const maintainer = createSearchIndexMaintainer(db);
  const tableDoc = db.prepare('SELECT * FROM table_search WHERE key = ?');
  const columnDescriptions = db.prepare('SELECT name, description FROM columns WHERE table_id = ?');
  const nestedFields = createNestedFieldReader(db);
  const dashboardDoc = db.prepare('SELECT * FROM dashboard_search WHERE key = ?');
  const userDoc = db.prepare('SELECT * FROM user_search WHERE user_id = ?');

  function apply(current: unknown, list: boolean, method: Method, request: UpdateDocumentRequest): unknown {
    const values = Array.isArray(request.value) ? request.value : [request.value];
    if (!list) {
      if (Array.isArray(request.value)) throw new InputError(`Invalid document update: value must be a string for the field "${request.field}"`);
      return method === 'DELETE' ? null : request.value;
    }
    const items = JSON.parse(current as string) as string[];
    if (method === 'DELETE') return JSON.stringify(items.filter((i) => !values.includes(i)));
    if (request.operation === 'overwrite') return JSON.stringify([...new Set(values)]);
    return JSON.stringify([...items, ...values.filter((v) => !items.includes(v))]);
  }

  const update = db.transaction((method: Method, request: UpdateDocumentRequest): string => {
    const { resource_type: type, resource_key: key } = request;
    if (type === 'feature') throw new NotFoundError(`feature ${key} does not exist (the catalog holds no features)`);
    const spec = EDITABLE[type][request.field];
    if (type === 'table') {
      const row = tableDoc.get(key) as Record<string, unknown> | undefined;
      if (!row) throw new NotFoundError(`table ${key} does not exist in the search index`);
      row[spec.column] = apply(row[spec.column], spec.list, method, request);
      const descriptions = new Map((columnDescriptions.all(row.table_id) as { name: string; description: string | null }[]).map((c) => [c.name, c.description]));
      const source: TableDocumentSource = {
        tableId: row.table_id as number,
        key,
        database: row.database as string,
        cluster: row.cluster as string,
        schema: row.schema_name as string,
        name: row.name as string,
        description: row.description as string | null,
        popularity: row.popularity as number,
        columns: (JSON.parse(row.column_names as string) as string[]).map((name) => ({ name, description: descriptions.get(name) ?? null })),
        nestedFields: nestedFields.ofTables(JSON.stringify([row.table_id])).get(row.table_id as number),
        tags: JSON.parse(row.tag_names as string) as string[],
        badges: JSON.parse(row.badge_names as string) as string[],
      };
      maintainer.writeTableDocuments([source], { replace: true });
    } else if (type === 'dashboard') {
      const row = dashboardDoc.get(key) as Record<string, unknown> | undefined;
      if (!row) throw new NotFoundError(`dashboard ${key} does not exist in the search index`);
      const value = apply(row[spec.column], spec.list, method, request);
      if (spec.column === 'name' && (typeof value !== 'string' || !value)) throw new InputError('Invalid document update: a dashboard name cannot be removed');
      row[spec.column] = value;
      const lists = (c: string) => JSON.parse(row[c] as string) as string[];
      db.prepare(`UPDATE dashboard_search SET ${spec.column} = ?, name_norm = ? WHERE doc_id = ?`)
        .run(value, normalizeName(row.name as string), row.doc_id);
      const fts = buildDashboardText({
        name: row.name as string, description: row.description as string | null, group_name: row.group_name as string | null,
        product: row.product as string | null, chart_names: lists('chart_names'), query_names: lists('query_names'),
        tag_names: lists('tag_names'), badge_names: lists('badge_names'),
      });
      db.prepare('DELETE FROM dashboard_search_fts WHERE rowid = ?').run(row.doc_id);
      db.prepare('INSERT INTO dashboard_search_fts (rowid, name, text) VALUES (?, ?, ?)').run(row.doc_id, fts.name, fts.text);
    } else {
      const row = userDoc.get(key) as Record<string, unknown> | undefined;
      if (!row) throw new NotFoundError(`user ${key} does not exist in the search index`);
      row[spec.column] = apply(row[spec.column], spec.list, method, request);
      const shown = deriveFullName(row as { full_name: string | null; first_name: string | null; last_name: string | null }) ?? ((row.email as string | null) || key);
      db.prepare(`UPDATE user_search SET ${spec.column} = ?, name_norm = ? WHERE doc_id = ?`)
        .run(row[spec.column], normalizeName(shown), row.doc_id);
      const fts = buildUserText({ shown_name: shown, first_name: row.first_name as string | null, last_name: row.last_name as string | null,
        email: row.email as string | null, user_id: key });
      db.prepare('DELETE FROM user_search_fts WHERE rowid = ?').run(row.doc_id);
      db.prepare('INSERT INTO user_search_fts (rowid, name, text) VALUES (?, ?, ?)').run(row.doc_id, fts.name, fts.text);
    }
    const verb = method === 'DELETE' ? 'removed from' : request.operation === 'overwrite' ? 'overwritten in' : 'added to';
    return `${request.field} ${verb} ${type} ${key}`;
  });

  return {
    update(method: Method, body: unknown): string {
      const message = update(method, parseUpdateDocumentRequest(body));
      onChange();
      return message;
    },
  };
}
