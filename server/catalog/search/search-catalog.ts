// POST /v2/search behind the HTTP layer: one tiered search per resource type (tiered-search.ts),
// Amundsen's hit shapes, highlights for the page's hits, and the typo fallback.
import type {
  AmundsenDashboardSearchHit, AmundsenSearchGroup, AmundsenSearchResponse, AmundsenTableSearchHit, AmundsenUserSearchHit,
} from '../../../contract/amundsen-shapes';
import type { CatalogDatabase } from '../store/open-catalog-database';
import { createFilterCompiler } from './compile-filters';
import { dashboardReference, tableReference } from './exact-references';
import { buildHighlight } from './highlight';
import { createNamedFilterLookup, typedFilter } from './named-filter';
import type { ParsedSearchRequest, SearchResourceType } from './parse-search-request';
import { parseQuerySyntax, positiveTokens, type QuerySyntax } from './parse-query-syntax';
import { tokenizeQuery } from './search-terms';
import { createCorrector } from './suggest-correction';
import { createTieredSearch, type RankedDoc } from './tiered-search';
import { createTableHitSorter, SORT_CANDIDATES } from './sort-table-hits';
import { createNestedTreeReader, NESTED_FIELDS_PER_TABLE, type NestedTreesByTable, walkNestedFields } from '../store/nested-fields';

type Hit = AmundsenTableSearchHit | AmundsenDashboardSearchHit | AmundsenUserSearchHit;
type SearchGroup = AmundsenSearchGroup<Hit>;

interface TableDocRow {
  doc_id: number; table_id: number; key: string; description: string | null; badge_names: string; tag_names: string;
  schema_name: string; name: string; column_names: string; database: string; cluster: string; popularity: number;
  last_updated_timestamp: number | null;
}
interface DashboardDocRow {
  doc_id: number; key: string; name: string; description: string | null; product: string | null; cluster: string | null;
  group_name: string | null; group_url: string | null; url: string | null; last_successful_run_timestamp: number | null;
  chart_names: string; query_names: string; tag_names: string; badge_names: string; popularity: number;
}
interface UserDocRow {
  doc_id: number; user_id: string; email: string | null; first_name: string | null; last_name: string | null;
  full_name: string | null; popularity: number; team_name: string | null; role_name: string | null; is_active: number;
}

/** Tier first, popularity as the fraction: scores fall monotonically down the result list. */
const score = (tier: number, popularity: number) => Number((tier + popularity / (popularity + 1)).toFixed(6));
const list = (json: string) => JSON.parse(json) as string[];

export function createCatalogSearch(db: CatalogDatabase) {
  const compileFilters = createFilterCompiler(db);
  const namedFilters = createNamedFilterLookup(db);
  const corrector = createCorrector(db);
  const engines = {
    table: createTieredSearch(db, { docs: 'table_search', nameFts: 'table_name_fts', nameColumn: 'name', nameFacetsColumn: 'facets',
      textFts: 'table_text_fts', textColumn: '', vocabulary: 'search_vocabulary', textPrefixIndexes: 2,
      reference: tableReference, columnFacets: true,
      phraseTexts: ['s.name', "s.schema_name || '.' || s.name", 's.description', 's.column_names', 's.nested_paths', 's.tag_names', 's.badge_names'] }),
    dashboard: createTieredSearch(db, { docs: 'dashboard_search', nameFts: 'dashboard_search_fts', nameColumn: 'name',
      textFts: 'dashboard_search_fts', textColumn: 'text', reference: dashboardReference,
      phraseTexts: ['s.name', 's.description', 's.group_name', 's.chart_names', 's.query_names', 's.tag_names', 's.badge_names', 's.product'] }),
    user: createTieredSearch(db, { docs: 'user_search', nameFts: 'user_search_fts', nameColumn: 'name',
      textFts: 'user_search_fts', textColumn: 'text',
      phraseTexts: ['s.full_name', 's.first_name', 's.last_name', 's.email', 's.user_id',
        '(SELECT json_array(team_name, role_name) FROM users WHERE id = s.user_row_id)'] }),
  };
  const rowsOf = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE doc_id IN (SELECT value FROM json_each(?))`);
  // When the table was last updated is the metadata's (`tables`), not the search document's: read for
  // the page's hits only, one primary-key lookup each (decision 107), so no migration or re-index.
  const tableRows = db.prepare(`SELECT s.*, t.last_updated_timestamp FROM table_search s JOIN tables t ON t.id = s.table_id
    WHERE s.doc_id IN (SELECT value FROM json_each(?))`);
  const sortTableHits = createTableHitSorter(db);
  const dashboardRows = rowsOf('dashboard_search');
  // A person's team, role and whether they are still active come from their record, as Amundsen's
  // search service sends them with each person.
  const userRows = db.prepare(`SELECT s.*, u.team_name, u.role_name, u.is_active FROM user_search s JOIN users u ON u.id = s.user_row_id
    WHERE s.doc_id IN (SELECT value FROM json_each(?))`);
  // Column descriptions are indexed (their words are in table_text_fts) but not stored in the search
  // document, so the `column_descriptions` highlight reads them from `columns` — for the page's hits
  // only, and only when highlighting was asked for: one query over the (table_id, name) index per page.
  const columnDescriptionRows = db.prepare(`SELECT table_id, description FROM columns
    WHERE table_id IN (SELECT value FROM json_each(?)) AND description IS NOT NULL AND description <> ''
    ORDER BY table_id, sort_order, name`);

  function readColumnDescriptions(tableIds: number[]): Map<number, string[]> {
    const byTable = new Map<number, string[]>();
    const rows = columnDescriptionRows.iterate(JSON.stringify(tableIds)) as Iterable<{ table_id: number; description: string }>;
    for (const { table_id, description } of rows) {
      const descriptions = byTable.get(table_id);
      if (descriptions) descriptions.push(description);
      else byTable.set(table_id, [description]);
    }
    return byTable;
  }

  // Nested fields (decision 058) likewise: read from type_metadata for the page's hits when
  // highlighting, walked as the document writer walks them (the same fields, the same bound).
  const nestedTrees = createNestedTreeReader(db);

  /** A hit's nested field paths (named fields only) and nested descriptions, its columns in order. */
  function nestedTextsOf(trees: NestedTreesByTable, tableId: number, columns: readonly string[]): { paths: (readonly string[])[]; descriptions: string[] } {
    const paths: (readonly string[])[] = [];
    const descriptions: string[] = [];
    const ofTable = trees.get(tableId);
    if (!ofTable) return { paths, descriptions };
    const budget = { left: NESTED_FIELDS_PER_TABLE };
    for (const column of columns) {
      const root = ofTable.get(column);
      if (!root) continue;
      walkNestedFields(root, budget, (field, path, named) => {
        if (named) paths.push(path);
        if (field.description) descriptions.push(field.description);
      });
    }
    return { paths, descriptions };
  }

  function fetch<T extends { doc_id: number }>(statement: ReturnType<typeof rowsOf>, page: RankedDoc[]): { row: T; tier: number }[] {
    const rows = new Map((statement.all(JSON.stringify(page.map((p) => p.docId))) as T[]).map((r) => [r.doc_id, r]));
    return page.flatMap(({ docId, tier }) => {
      const row = rows.get(docId);
      return row ? [{ row, tier }] : [];
    });
  }

  function searchGroup(
    type: SearchResourceType, request: ParsedSearchRequest, tokens: string[], term: string | undefined, highlight: boolean,
    syntax?: QuerySyntax,
  ): SearchGroup {
    if (type === 'feature') return { total_results: 0, results: [] }; // the catalog has no ML features
    const offset = request.page_index * request.results_per_page;
    // Another order (tables only, decision 107): the SORT_CANDIDATES most relevant matches, ordered.
    const sort = type === 'table' && request.sort !== undefined && request.sort !== 'relevance' ? request.sort : undefined;
    const found = engines[type].search({
      tokens,
      term,
      syntax,
      filters: compileFilters(type, request.filters),
      offset: sort ? 0 : offset,
      limit: sort ? SORT_CANDIDATES : request.results_per_page,
    });
    const total = found.total;
    const page = sort ? sortTableHits(found.page, sort, offset, request.results_per_page) : found.page;
    const highlighting = highlight && tokens.length > 0;
    const hl = (fields: Parameters<typeof buildHighlight>[0]) => (highlighting ? buildHighlight(fields, tokens) : {});
    let results: Hit[];
    if (type === 'table') {
      const rows = fetch<TableDocRow>(tableRows, page);
      const tableIds = rows.map(({ row }) => row.table_id);
      const columnDescriptions = highlighting ? readColumnDescriptions(tableIds) : new Map<number, string[]>();
      const trees: NestedTreesByTable = highlighting ? nestedTrees.ofTables(JSON.stringify(tableIds)) : new Map();
      results = rows.map(({ row: r, tier }): AmundsenTableSearchHit => {
        const columns = list(r.column_names);
        const nested = highlighting ? nestedTextsOf(trees, r.table_id, columns) : { paths: [], descriptions: [] };
        return {
          key: r.key,
          description: r.description,
          badges: list(r.badge_names),
          tag: list(r.tag_names),
          schema: r.schema_name,
          table: r.name,
          column: columns,
          database: r.database,
          cluster: r.cluster,
          resource_type: 'table',
          search_score: score(tier, r.popularity),
          // Nansen's (decision 107): Amundsen's table hits have no date; the page shows "Updated …".
          last_updated_timestamp: r.last_updated_timestamp,
          // The table highlight keys of API.md §5.1, and Nansen's `nested_fields` (the dotted paths of
          // matching nested fields; their descriptions are quoted with the columns'). Tags, badges and
          // the schema are searched too but have no highlight key there, so a hit found only through
          // them keeps `{}`.
          highlight: hl({
            name: r.name, description: r.description, columns,
            column_descriptions: { longTexts: [...(columnDescriptions.get(r.table_id) ?? []), ...nested.descriptions] },
            nested_fields: { paths: nested.paths },
          }),
        };
      });
    } else if (type === 'dashboard') {
      results = fetch<DashboardDocRow>(dashboardRows, page).map(({ row: r, tier }): AmundsenDashboardSearchHit => {
        const chartNames = list(r.chart_names);
        const queryNames = list(r.query_names);
        return {
          key: r.key,
          description: r.description,
          resource_type: 'dashboard',
          url: r.url,
          uri: r.key,
          last_successful_run_timestamp: r.last_successful_run_timestamp,
          group_name: r.group_name,
          chart_names: chartNames,
          query_names: queryNames,
          name: r.name,
          tag: list(r.tag_names),
          // V2 (legacy proxy) fields the stock frontend also reads.
          product: r.product,
          cluster: r.cluster,
          group_url: r.group_url,
          badges: list(r.badge_names),
          search_score: score(tier, r.popularity),
          highlight: hl({ name: r.name, description: r.description, chart_names: chartNames, query_names: queryNames }),
        };
      });
    } else {
      results = fetch<UserDocRow>(userRows, page).map(({ row: r, tier }): AmundsenUserSearchHit => ({
        full_name: r.full_name,
        email: r.email,
        first_name: r.first_name,
        last_name: r.last_name,
        resource_type: 'user',
        user_id: r.user_id,
        team_name: r.team_name,
        role_name: r.role_name,
        is_active: r.is_active !== 0,
        search_score: score(tier, r.popularity),
        // Nansen's `team_name` and `role_name` too: a person found by their team or role says why.
        highlight: hl({ full_name: r.full_name, email: r.email, team_name: r.team_name, role_name: r.role_name }),
      }));
    }
    return { total_results: total, results };
  }

  function search(request: ParsedSearchRequest): AmundsenSearchResponse {
    // The term as typed goes with the first run only (a key or a column name is not corrected).
    const run = (tokens: string[], term?: string, syntax?: QuerySyntax) => {
      const results: Record<string, SearchGroup> = {};
      for (const type of request.types) {
        results[type] = searchGroup(type, request, tokens, term, request.highlight_options[type]?.enable_highlight === true, syntax);
      }
      return results;
    };
    // Phrases, exclusions and OR (decision 097): the words found are highlighted; only a term that is
    // one quoted phrase is looked up as a reference (`"core.customers"`); no typo correction.
    const syntax = parseQuerySyntax(request.query_term);
    const tokens = syntax ? positiveTokens(syntax) : tokenizeQuery(request.query_term);
    const first = syntax ? run(tokens, syntax.quotedTerm, syntax) : run(tokens, request.query_term);
    const body: AmundsenSearchResponse = {
      msg: 'Success',
      page_index: request.page_index,
      results_per_page: request.results_per_page,
      results: first,
      status_code: 200,
    };
    const searchable = request.types.filter((t) => t !== 'feature');
    if (!syntax && tokens.length && searchable.length && searchable.every((t) => first[t].total_results === 0)) {
      const corrected = corrector.correct(tokens);
      if (corrected) {
        const results = run(corrected.tokens);
        if (searchable.some((t) => results[t].total_results > 0)) {
          body.results = results;
          // `odegard` for `ødegard` is the same word typed without the letter FTS5 keeps: the
          // results are the term's own, with no "nothing matched" (suggest-correction.ts).
          if (!corrected.folded) {
            const term = corrected.tokens.join(' ');
            body.msg = `Success; no results for "${request.query_term}", showing results for "${term}"`;
            body.did_you_mean = term;
          }
        }
      }
    }
    // Still nothing, and the term is a source, cluster or schema: the tables of that filter, and
    // did_you_mean names it (named-filter.ts).
    if (!syntax && !body.did_you_mean && request.types.includes('table') && searchable.every((t) => body.results[t]?.total_results === 0)) {
      for (const named of namedFilters(request.query_term)) {
        const filters = [...request.filters, { name: named.field, values: [named.value], operation: 'OR' as const }];
        const tables = searchGroup('table', { ...request, filters }, [], undefined, false);
        if (tables.total_results === 0) continue;
        const term = typedFilter(named);
        body.results = { ...body.results, table: tables as AmundsenSearchGroup<AmundsenTableSearchHit> };
        body.msg = `Success; no results for "${request.query_term}", showing the tables of ${named.field} "${named.value}" (${term})`;
        body.did_you_mean = term;
        break;
      }
    }
    return body;
  }

  return { search, invalidateVocabulary: corrector.invalidate };
}

export type CatalogSearch = ReturnType<typeof createCatalogSearch>;
