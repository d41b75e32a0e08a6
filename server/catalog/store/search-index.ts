// Keeps the search documents (tables, dashboards, users) in step with the store.
//
// Documents are built in JS (search/search-terms.ts decides the tokens) and written to a document
// table plus contentless FTS5 tables; see migration 3 for the layout. Every write path calls the
// same functions for the rows it touched, inside its own transaction:
//   refreshPopularity(tableIds) → refreshDocuments(tableIds)   after table/reader changes
//   refreshTableDescription(tableId)                           after an edit of a table's own description
//   refreshDashboards(ids), refreshUsers(ids)                   after dashboard/user changes
// The bulk table writer builds table documents straight from its records (writeTableDocuments),
// without reading back what it just wrote.
import type { CatalogDatabase } from './open-catalog-database';
import { deriveFullName } from '../../../contract/user';
import {
  addTokens,
  buildDocId,
  computePopularity,
  facetToken,
  normalizeName,
  type FacetField,
  tokenize,
} from '../search/search-terms';
import {
  createNestedFieldReader, forEachNestedFieldText, listNestedFields, NESTED_FIELDS_PER_TABLE, type NestedFieldsByTable, type NestedFieldText,
  type NestedNode,
} from './nested-fields';
import { formatFieldPath } from '../../../contract/nested-field-path';

/** Everything a table's search document is built from. */
export interface TableDocumentSource {
  tableId: number;
  key: string;
  database: string;
  cluster: string;
  schema: string;
  name: string;
  description: string | null;
  popularity: number;
  /** Columns in order. Their nested fields are searched too (decision 058): those of `type_metadata` (a record's tree), else `nestedFields`. */
  columns: readonly { name: string; description?: string | null; type_metadata?: NestedNode | null }[];
  /** Nested fields read back from the store, by column name (columns are not copied to carry them). */
  nestedFields?: ReadonlyMap<string, readonly NestedFieldText[]>;
  tags: readonly string[];
  badges: readonly string[];
}

export interface SearchIndexMaintainer {
  /** Recompute total_reads / reader_count / popularity of these tables from table_readers. */
  refreshPopularity(tableIds: readonly number[]): void;
  /** Rebuild the search documents of these tables from the store (call after popularity). */
  refreshDocuments(tableIds: readonly number[]): void;
  /**
   * After a table's own description alone changed: its document's description and its text index
   * row, nothing else (refreshDocuments when the document is missing or out of step).
   */
  refreshTableDescription(tableId: number): void;
  /**
   * Recompute popularity of every table and rebuild every search document (tables, dashboards,
   * users) from the store, then merge the FTS segments.
   */
  rebuildAll(): void;
  /** Rebuild the search documents of these dashboards (ids of `dashboards`). */
  refreshDashboards(dashboardIds: readonly number[]): void;
  /** Rebuild the search documents of these users (ids of `users`). */
  refreshUsers(userIds: readonly number[]): void;
  /**
   * Write documents for tables whose rows were just written (the writer builds them from its
   * records). `replace` = some of them may already have a document.
   */
  writeTableDocuments(sources: readonly TableDocumentSource[], options?: { replace?: boolean }): void;
  /** Rebuild every dashboard and user document (small) — e.g. after a bulk load. */
  refreshAllDashboardsAndUsers(): void;
  /** Merge FTS5 segments into one per index (after bulk loads: faster queries, smaller file). */
  optimize(): void;
}

const CHUNK = 2000;

// Column descriptions, tags and schema names repeat across thousands of tables: memoise their
// tokens and facet tokens (bounded caches, cleared when full).
const CACHE_LIMIT = 200_000;
const tokenCache = new Map<string, string[]>();
/** Per facet field: value → facet token (no concatenated cache keys: they cost a hash per lookup). */
const facetCache = new Map<FacetField, Map<string, string>>();
let facetCacheSize = 0;

function cachedTokens(text: string | null | undefined): readonly string[] {
  if (!text) return [];
  let tokens = tokenCache.get(text);
  if (!tokens) {
    if (tokenCache.size >= CACHE_LIMIT) tokenCache.clear();
    tokens = [...new Set(tokenize(text))];
    tokenCache.set(text, tokens);
  }
  return tokens;
}

function cachedFacet(field: FacetField, value: string): string {
  let byValue = facetCache.get(field);
  if (!byValue) facetCache.set(field, (byValue = new Map()));
  let token = byValue.get(value);
  if (token === undefined) {
    if (facetCacheSize >= CACHE_LIMIT) {
      for (const m of facetCache.values()) m.clear();
      facetCacheSize = 0;
    }
    token = facetToken(field, value);
    byValue.set(value, token);
    facetCacheSize++;
  }
  return token;
}

/**
 * The distinct words of a table document (for the text column and the vocabulary: name, schema,
 * description, tags, badges, columns and their first NESTED_FIELDS_PER_TABLE nested fields, names
 * and descriptions), and its facet tokens: all of them for the text index, all but the column ones
 * for the name index (migration 6). The `column` filter's values are the columns' names and the
 * paths of those nested fields (decision 067): `payload.address.city` as typed, and, when a name on
 * the way holds a dot, also as search hits write it (`` `geo.home`.city ``); `nestedPaths` lists them
 * for the filter's SQL check.
 */
function buildTableTokens(s: TableDocumentSource): { words: Set<string>; facets: string; nameFacets: string; nestedPaths: string[] } {
  const words = new Set<string>();
  const add = (text: string | null | undefined) => {
    for (const t of cachedTokens(text)) words.add(t);
  };
  // Names and descriptions are mostly unique: tokenised directly, not through the cache.
  addTokens(words, s.name);
  add(s.schema);
  addTokens(words, s.description);
  const facets = [cachedFacet('database', s.database), cachedFacet('cluster', s.cluster), cachedFacet('schema', s.schema)];
  for (const tag of s.tags) {
    add(tag);
    facets.push(cachedFacet('tag', tag));
  }
  for (const badge of s.badges) {
    add(badge);
    facets.push(cachedFacet('badges', badge));
  }
  const nameFacets = facets.join(' ');
  let nested: { left: number } | undefined;
  const nestedPaths: string[] = [];
  const addPath = (path: readonly string[]) => {
    const typed = path.join('.');
    const quoted = formatFieldPath(path);
    for (const value of typed === quoted ? [typed] : [typed, quoted]) {
      nestedPaths.push(value);
      facets.push(cachedFacet('column', value));
    }
  };
  for (const c of s.columns) {
    add(c.name);
    add(c.description);
    facets.push(cachedFacet('column', c.name));
    // Nested fields weigh as columns do: their names and descriptions are words of the text. A path's
    // words are its column's and its fields' names, so each field adds its own name only.
    const fields = c.type_metadata ? listNestedFields(c.type_metadata) : s.nestedFields?.get(c.name);
    if (fields) {
      nested ??= { left: NESTED_FIELDS_PER_TABLE };
      forEachNestedFieldText(fields, nested, add, addPath);
    }
  }
  return { words, facets: facets.join(' '), nameFacets, nestedPaths };
}

export interface DashboardTextSource {
  name: string; description: string | null; group_name: string | null; product: string | null;
  chart_names: readonly string[]; query_names: readonly string[]; tag_names: readonly string[]; badge_names: readonly string[];
}

/** FTS columns (name, text) of a dashboard document. */
export function buildDashboardText(d: DashboardTextSource): { name: string; text: string } {
  const words = new Set<string>();
  for (const text of [d.name, d.description, d.group_name, d.product, ...d.chart_names, ...d.query_names, ...d.tag_names, ...d.badge_names]) {
    addTokens(words, text);
  }
  return { name: tokenize(d.name).join(' '), text: [...words].join(' ') };
}

/**
 * SQL over `users u`: a user known by nothing but an id — no name of any kind, no email but the id
 * itself (what a bare row, user-rows.ts, holds), and an id that is no email address either ("roald",
 * "ROALD"; Amundsen's user ids are emails). Such a user has no search document. A bare row whose id
 * is an email stays findable by that email, as an owner named by email always was.
 */
export const BARE_USER = `coalesce(u.first_name, u.last_name, u.full_name, u.display_name) IS NULL
  AND (u.email IS NULL OR u.email = u.user_id) AND instr(u.user_id, '@') = 0`;

export interface UserTextSource {
  shown_name: string; first_name: string | null; last_name: string | null; email: string | null; user_id: string;
  team_name?: string | null; role_name?: string | null;
}

/** FTS columns (name, text) of a user document. */
export function buildUserText(u: UserTextSource): { name: string; text: string } {
  const words = new Set<string>();
  for (const text of [u.shown_name, u.first_name, u.last_name, u.email, u.user_id, u.team_name, u.role_name]) addTokens(words, text);
  return { name: tokenize(u.shown_name).join(' '), text: [...words].join(' ') };
}

export function createSearchIndexMaintainer(db: CatalogDatabase): SearchIndexMaintainer {
  const json = (ids: readonly number[]) => JSON.stringify(ids);

  // ---- tables -------------------------------------------------------------------------------
  const popularity = db.prepare(`
    UPDATE tables AS t SET total_reads = r.total, reader_count = r.readers,
      popularity = CASE WHEN r.total > 0 THEN r.readers * ln(1 + r.total) ELSE 0 END
    FROM (SELECT ids.value AS table_id, coalesce(sum(tr.read_count), 0) AS total, count(tr.user_id) AS readers
          FROM json_each(?) AS ids LEFT JOIN table_readers tr ON tr.table_id = ids.value
          GROUP BY ids.value) AS r
    WHERE t.id = r.table_id`);
  // Every table, those without readers too (0, 0, 0); a row is only written when a value changes,
  // so there is one pass over the tables, not one to zero them and one to count.
  const popularityOfAll = db.prepare(`
    UPDATE tables AS t SET total_reads = r.total, reader_count = r.readers, popularity = r.popularity
    FROM (SELECT table_id, total, readers, CASE WHEN total > 0 THEN readers * ln(1 + total) ELSE 0 END AS popularity
          FROM (SELECT t2.id AS table_id, coalesce(sum(tr.read_count), 0) AS total, count(tr.user_id) AS readers
                FROM tables t2 LEFT JOIN table_readers tr ON tr.table_id = t2.id GROUP BY t2.id)) AS r
    WHERE t.id = r.table_id
      AND (t.total_reads IS NOT r.total OR t.reader_count IS NOT r.readers OR t.popularity IS NOT r.popularity)`);
  const deleteTableDocs = db.prepare('DELETE FROM table_search WHERE table_id IN (SELECT value FROM json_each(?))');
  const insertTableDoc = db.prepare(`
    INSERT INTO table_search (doc_id, table_id, key, database, cluster, schema_name, name, name_norm, description,
      column_names, tag_names, badge_names, popularity, nested_paths)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTableName = db.prepare('INSERT INTO table_name_fts (rowid, name, facets) VALUES (?, ?, ?)');
  const insertTableText = db.prepare('INSERT INTO table_text_fts (rowid, text) VALUES (?, ?)');
  const tableRows = db.prepare(`
    SELECT t.id, t.key, t.name, t.description, t.popularity, s.database, s.cluster, s.name AS schema
    FROM json_each(?) AS ids JOIN tables t ON t.id = ids.value JOIN schemas s ON s.id = t.schema_id`);
  const columnRows = db.prepare(`
    SELECT table_id, name, description FROM columns WHERE table_id IN (SELECT value FROM json_each(?))
    ORDER BY table_id, sort_order, name`);
  const tagRows = db.prepare(`
    SELECT tt.table_id, g.name FROM table_tags tt JOIN tags g ON g.id = tt.tag_id
    WHERE tt.table_id IN (SELECT value FROM json_each(?)) AND g.tag_type = 'default' ORDER BY g.name`);
  const badgeRows = db.prepare(`
    SELECT tb.table_id, b.name FROM table_badges tb JOIN badges b ON b.id = tb.badge_id
    WHERE tb.table_id IN (SELECT value FROM json_each(?)) ORDER BY b.name`);
  const tablePopularities = db.prepare('SELECT id, popularity FROM tables').raw();
  const nestedFields = createNestedFieldReader(db);

  interface TableRow { id: number; key: string; name: string; description: string | null; popularity: number; database: string; cluster: string; schema: string }
  interface ChildRow { table_id: number; name: string; description?: string | null }

  function groupBy<T extends { table_id: number }>(rows: T[]): Map<number, T[]> {
    const map = new Map<number, T[]>();
    for (const r of rows) {
      const list = map.get(r.table_id);
      if (list) list.push(r);
      else map.set(r.table_id, [r]);
    }
    return map;
  }

  function assembleSources(
    tables: TableRow[], columns: ChildRow[], tags: ChildRow[], badges: ChildRow[], nested: NestedFieldsByTable,
  ): TableDocumentSource[] {
    const columnsBy = groupBy(columns);
    const tagsBy = groupBy(tags);
    const badgesBy = groupBy(badges);
    return tables.map((t) => ({
      tableId: t.id,
      key: t.key,
      database: t.database,
      cluster: t.cluster,
      schema: t.schema,
      name: t.name,
      description: t.description,
      popularity: t.popularity,
      columns: columnsBy.get(t.id) ?? [],
      nestedFields: nested.get(t.id),
      tags: (tagsBy.get(t.id) ?? []).map((r) => r.name),
      badges: (badgesBy.get(t.id) ?? []).map((r) => r.name),
    }));
  }

  // Document counts are added up per call and written once per distinct word.
  const countTerm = db.prepare(`
    INSERT INTO search_vocabulary (term, docs) VALUES (?, ?)
    ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs`);

  function writeTableDocuments(sources: readonly TableDocumentSource[], options?: { replace?: boolean }): void {
    if (!sources.length) return;
    if (options?.replace) deleteTableDocs.run(json(sources.map((s) => s.tableId)));
    // Insert in doc_id order: FTS5 appends rowids to its in-memory segment as long as they grow.
    const docs = sources.map((s) => ({ s, docId: buildDocId(s.popularity, s.tableId) })).sort((a, b) => a.docId - b.docId);
    const tokens = docs.map(({ s }) => buildTableTokens(s));
    // The name's tokens joined by spaces: the document's exact-name form and the name index's text.
    const names = docs.map(({ s }) => normalizeName(s.name));
    docs.forEach(({ s, docId }, i) => {
      const { nestedPaths } = tokens[i];
      insertTableDoc.run(docId, s.tableId, s.key, s.database, s.cluster, s.schema, s.name, names[i],
        s.description, JSON.stringify(s.columns.map((c) => c.name)), JSON.stringify(s.tags), JSON.stringify(s.badges),
        s.popularity, nestedPaths.length > 0 ? JSON.stringify(nestedPaths) : null);
    });
    docs.forEach(({ docId }, i) => insertTableName.run(docId, names[i], tokens[i].nameFacets));
    const counts = new Map<string, number>();
    docs.forEach(({ docId }, i) => {
      const { words, facets } = tokens[i];
      insertTableText.run(docId, `${[...words].join(' ')} ${facets}`);
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    });
    for (const [term, n] of counts) countTerm.run(term, n);
  }

  /** The document sources of these tables (a JSON array of ids), read from the store. */
  const sourcesOf = (ids: string) => assembleSources(
    tableRows.all(ids) as TableRow[],
    columnRows.all(ids) as ChildRow[],
    tagRows.all(ids) as ChildRow[],
    badgeRows.all(ids) as ChildRow[],
    nestedFields.ofTables(ids),
  );

  function refreshDocuments(tableIds: readonly number[]): void {
    for (let i = 0; i < tableIds.length; i += CHUNK) {
      const ids = json(tableIds.slice(i, i + CHUNK));
      deleteTableDocs.run(ids);
      writeTableDocuments(sourcesOf(ids));
    }
  }

  const searchDocOf = db.prepare('SELECT doc_id AS docId, description FROM table_search WHERE table_id = ?');
  const updateDocDescription = db.prepare('UPDATE table_search SET description = ? WHERE doc_id = ?');
  const deleteTableText = db.prepare('DELETE FROM table_text_fts WHERE rowid = ?');

  // A description edit changes one column of the document and the words of its text index row: the
  // name index (name and facets), the other columns and the doc_id (popularity) stay. Rewriting just
  // those is about half the work of refreshDocuments (docs/benchmarks.md, "Many signed-in sessions").
  function refreshTableDescription(tableId: number): void {
    const ids = json([tableId]);
    const [source] = sourcesOf(ids);
    const doc = searchDocOf.get(tableId) as { docId: number; description: string | null } | undefined;
    if (!source || !doc || doc.docId !== buildDocId(source.popularity, tableId)) {
      refreshDocuments([tableId]);
      return;
    }
    updateDocDescription.run(source.description, doc.docId);
    const { words, facets } = buildTableTokens(source);
    deleteTableText.run(doc.docId);
    insertTableText.run(doc.docId, `${[...words].join(' ')} ${facets}`);
    // Counted up: the words the document did not hold before (the rest of it is unchanged).
    const before = buildTableTokens({ ...source, description: doc.description }).words;
    for (const word of words) if (!before.has(word)) countTerm.run(word, 1);
  }

  // ---- dashboards -----------------------------------------------------------------------------
  const deleteDashboardDocs = db.prepare('DELETE FROM dashboard_search WHERE dashboard_id IN (SELECT value FROM json_each(?))');
  const dashboardRows = db.prepare(`
    SELECT d.id, d.key, d.name, d.description, d.url, d.last_successful_run_timestamp,
      g.name AS group_name, g.url AS group_url, g.product, g.cluster,
      CASE WHEN d.popularity > 0 THEN d.popularity
        ELSE coalesce((SELECT count(*) * ln(1 + sum(v.view_count)) FROM dashboard_viewers v WHERE v.dashboard_id = d.id), 0)
      END AS popularity
    FROM json_each(?) AS ids JOIN dashboards d ON d.id = ids.value JOIN dashboard_groups g ON g.id = d.group_id`);
  const dashboardLists = db.prepare(`
    SELECT id, kind, name FROM (
      SELECT dashboard_id AS id, 'chart' AS kind, name, sort_order FROM dashboard_charts
        WHERE dashboard_id IN (SELECT value FROM json_each(@ids))
      UNION ALL
      SELECT dashboard_id, 'query', name, sort_order FROM dashboard_queries
        WHERE dashboard_id IN (SELECT value FROM json_each(@ids)) AND name IS NOT NULL
      UNION ALL
      SELECT dt.dashboard_id, 'tag', g.name, 0 FROM dashboard_tags dt JOIN tags g ON g.id = dt.tag_id
        WHERE dt.dashboard_id IN (SELECT value FROM json_each(@ids)) AND g.tag_type = 'default'
      UNION ALL
      SELECT x.dashboard_id, 'badge', b.name, 0 FROM dashboard_badges x JOIN badges b ON b.id = x.badge_id
        WHERE x.dashboard_id IN (SELECT value FROM json_each(@ids)))
    ORDER BY id, kind, sort_order, name`);
  const insertDashboardDoc = db.prepare(`
    INSERT INTO dashboard_search (doc_id, dashboard_id, key, name, name_norm, description, product, cluster, group_name,
      group_url, url, last_successful_run_timestamp, chart_names, query_names, tag_names, badge_names, popularity)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertDashboardFts = db.prepare('INSERT INTO dashboard_search_fts (rowid, name, text) VALUES (?, ?, ?)');
  const allDashboardIds = db.prepare('SELECT id FROM dashboards ORDER BY id').pluck();

  interface DashboardRow {
    id: number; key: string; name: string; description: string | null; url: string | null;
    last_successful_run_timestamp: number | null; group_name: string | null; group_url: string | null;
    product: string; cluster: string; popularity: number;
  }

  function refreshDashboards(dashboardIds: readonly number[]): void {
    for (let i = 0; i < dashboardIds.length; i += CHUNK) {
      const ids = json(dashboardIds.slice(i, i + CHUNK));
      deleteDashboardDocs.run(ids);
      const lists = new Map<number, { chart: string[]; query: string[]; tag: string[]; badge: string[] }>();
      const listOf = (id: number) => {
        let l = lists.get(id);
        if (!l) lists.set(id, (l = { chart: [], query: [], tag: [], badge: [] }));
        return l;
      };
      for (const r of dashboardLists.all({ ids }) as { id: number; kind: 'chart' | 'query' | 'tag' | 'badge'; name: string }[]) {
        listOf(r.id)[r.kind].push(r.name);
      }
      const rows = (dashboardRows.all(ids) as DashboardRow[])
        .map((d) => ({ d, docId: buildDocId(d.popularity, d.id) }))
        .sort((a, b) => a.docId - b.docId);
      for (const { d, docId } of rows) {
        const l = listOf(d.id);
        insertDashboardDoc.run(docId, d.id, d.key, d.name, normalizeName(d.name), d.description, d.product, d.cluster,
          d.group_name, d.group_url, d.url, d.last_successful_run_timestamp, JSON.stringify(l.chart),
          JSON.stringify(l.query), JSON.stringify(l.tag), JSON.stringify(l.badge), d.popularity);
        const fts = buildDashboardText({ ...d, chart_names: l.chart, query_names: l.query, tag_names: l.tag, badge_names: l.badge });
        insertDashboardFts.run(docId, fts.name, fts.text);
      }
    }
  }

  // ---- users ----------------------------------------------------------------------------------
  const deleteUserDocs = db.prepare('DELETE FROM user_search WHERE user_row_id IN (SELECT value FROM json_each(?))');
  // A bare user (BARE_USER: known by nothing but an id, as an owner or reader named by an id nobody
  // had a profile for) gets no document: People search and the owner picker would otherwise rank a
  // mistyped "ROALD" above Roald Amundsen. The document comes when a profile gives a name or email.
  const userRows = db.prepare(`
    SELECT u.id, u.user_id, u.email, u.first_name, u.last_name, u.full_name, u.display_name, u.team_name, u.role_name,
      (SELECT coalesce(sum(r.read_count), 0) FROM table_readers r WHERE r.user_id = u.id) AS reads
    FROM json_each(?) AS ids JOIN users u ON u.id = ids.value WHERE NOT (${BARE_USER})`);
  const insertUserDoc = db.prepare(`
    INSERT INTO user_search (doc_id, user_row_id, user_id, email, first_name, last_name, full_name, name_norm, popularity)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertUserFts = db.prepare('INSERT INTO user_search_fts (rowid, name, text) VALUES (?, ?, ?)');
  const allUserIds = db.prepare('SELECT id FROM users ORDER BY id').pluck();

  interface UserRow {
    id: number; user_id: string; email: string | null; first_name: string | null; last_name: string | null;
    full_name: string | null; display_name: string | null; team_name: string | null; role_name: string | null; reads: number;
  }

  function refreshUsers(userIds: readonly number[]): void {
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const ids = json(userIds.slice(i, i + CHUNK));
      deleteUserDocs.run(ids);
      const rows = (userRows.all(ids) as UserRow[])
        .map((u) => ({ u, pop: Math.log(1 + u.reads) }))
        .map((x) => ({ ...x, docId: buildDocId(x.pop, x.u.id) }))
        .sort((a, b) => a.docId - b.docId);
      for (const { u, pop, docId } of rows) {
        // Amundsen: full_name defaults to "first last" (deriveFullName); the display name falls back to the email.
        const fullName = deriveFullName(u);
        const email = u.email ?? u.user_id;
        const shownName = fullName ?? u.display_name ?? email;
        insertUserDoc.run(docId, u.id, u.user_id, email, u.first_name, u.last_name, fullName, normalizeName(shownName), pop);
        const fts = buildUserText({ ...u, shown_name: shownName, email });
        insertUserFts.run(docId, fts.name, fts.text);
      }
    }
  }

  // ---- whole index ----------------------------------------------------------------------------
  const clearAll = () =>
    db.exec(`
      INSERT INTO table_name_fts(table_name_fts) VALUES ('delete-all');
      INSERT INTO table_text_fts(table_text_fts) VALUES ('delete-all');
      INSERT INTO dashboard_search_fts(dashboard_search_fts) VALUES ('delete-all');
      INSERT INTO user_search_fts(user_search_fts) VALUES ('delete-all');
      DELETE FROM table_search; DELETE FROM dashboard_search; DELETE FROM user_search;
      DELETE FROM search_vocabulary;`);

  const refreshAllDashboardsAndUsers = () => {
    refreshDashboards(allDashboardIds.all() as number[]);
    refreshUsers(allUserIds.all() as number[]);
  };

  const optimize = () =>
    db.exec(`
      INSERT INTO table_name_fts(table_name_fts) VALUES ('optimize');
      INSERT INTO table_text_fts(table_text_fts) VALUES ('optimize');
      INSERT INTO dashboard_search_fts(dashboard_search_fts) VALUES ('optimize');
      INSERT INTO user_search_fts(user_search_fts) VALUES ('optimize');`);

  const rebuildAll = db.transaction(() => {
    setFtsLoadMode(db, true);
    clearAll();
    popularityOfAll.run();
    // Every table in doc_id order, not in table id order: FTS5 writes its pending terms out as a
    // segment whenever a rowid is not above the last one, so chunks by table id (each sorted by
    // doc_id) made a segment per chunk, then merged by `optimize`, and put the document rows all over
    // table_search's b-tree. In one ascending order the index is written in a few big segments and
    // the documents are appended (docs/benchmarks.md, "The search index rebuild").
    const byDocId = (tablePopularities.all() as [id: number, popularity: number][])
      .map(([id, popularity]) => ({ id, docId: buildDocId(popularity, id) }))
      .sort((a, b) => a.docId - b.docId);
    for (let i = 0; i < byDocId.length; i += CHUNK) {
      writeTableDocuments(sourcesOf(json(byDocId.slice(i, i + CHUNK).map((t) => t.id))));
    }
    refreshAllDashboardsAndUsers();
    optimize();
    setFtsLoadMode(db, false);
    // Every flag that asks for a rebuild (a migration's, an interrupted ingest's) is answered now.
    db.prepare("DELETE FROM catalog_settings WHERE name IN ('search_index_stale', 'search_documents_pending')").run();
  });

  return {
    refreshPopularity(tableIds) {
      if (tableIds.length) popularity.run(json(tableIds));
    },
    refreshDocuments,
    refreshTableDescription,
    refreshDashboards,
    refreshUsers,
    rebuildAll: () => rebuildAll(),
    writeTableDocuments,
    refreshAllDashboardsAndUsers,
    optimize,
  };
}

/** The FTS5 tables that grow with the number of tables. */
const TABLE_FTS = ['table_name_fts', 'table_text_fts'] as const;

/**
 * FTS5 settings for writing many documents (a bulk load, a full rebuild): 64 MiB of pending terms
 * before a segment is written (default 1 MiB) and no incremental merging, so the index is written
 * in few big segments and merged once by `optimize`. `false` restores the defaults. The settings
 * are stored in the FTS tables' config, inside the caller's transaction.
 */
export function setFtsLoadMode(db: CatalogDatabase, on: boolean): void {
  const settings = on
    ? { automerge: 0, crisismerge: 1000, hashsize: 64 * 1024 * 1024 }
    : { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024 };
  for (const fts of TABLE_FTS) {
    for (const [option, value] of Object.entries(settings)) {
      db.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('${option}', ${Math.trunc(value)})`); // FTS5 wants literals here
    }
  }
}

/** The table popularity the store derives from readers (kept here so writers can compute it in JS). */
export { computePopularity };
