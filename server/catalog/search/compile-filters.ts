// Turns Amundsen search filters into predicates, per resource type. Values are ES-style wildcard
// patterns (`*`, `?`), matched with case and accents aside, as words are (`foldWord`: `schema:café`
// is `cafe`, decision 076); `operation` OR = any value, AND = every value.
// Filter names a resource does not know are ignored, as Amundsen does.
//
// For tables, equality-style fields (database, cluster, schema, tag, badges, column) are also
// compiled to an FTS5 expression over facet tokens (search-terms.ts): wildcard patterns are first
// expanded against the (small) list of distinct values. The text tier lets FTS5 apply them. The
// name index holds the facet tokens of every field but `column` (a table's ~20 column tokens would
// double its size), so the name tiers let FTS5 apply the others and check a column filter per
// candidate, with the equivalent SQL predicate on the document row. A `column` value matches a
// column's name or the path of one of its nested fields (`payload.address.city`, decision 067): the
// document holds a facet token for each, and its row the paths (`nested_paths`) beside the names.
import type { Statement } from 'better-sqlite3';
import type { CatalogDatabase } from '../store/open-catalog-database';
import type { SearchFilter, SearchResourceType } from './parse-search-request';
import { facetToken, foldWord, quoteFts, type FacetField } from './search-terms';

type FieldSpec =
  | { kind: 'scalar'; sql: string; facet?: FacetField; vocabulary?: string }
  // `alsoSql`: more JSON arrays (or NULL) a value may be found in.
  | { kind: 'list'; sql: string; alsoSql?: string; facet?: FacetField; vocabulary?: string };

const FIELDS: Record<Exclude<SearchResourceType, 'feature'>, Record<string, FieldSpec>> = {
  table: {
    database: { kind: 'scalar', sql: 's.database', facet: 'database', vocabulary: 'SELECT DISTINCT database FROM schemas' },
    cluster: { kind: 'scalar', sql: 's.cluster', facet: 'cluster', vocabulary: 'SELECT DISTINCT cluster FROM schemas' },
    schema: { kind: 'scalar', sql: 's.schema_name', facet: 'schema', vocabulary: 'SELECT DISTINCT name FROM schemas' },
    tag: { kind: 'list', sql: 's.tag_names', facet: 'tag', vocabulary: "SELECT name FROM tags WHERE tag_type = 'default'" },
    badges: { kind: 'list', sql: 's.badge_names', facet: 'badges', vocabulary: 'SELECT DISTINCT name FROM badges' },
    // Distinct column names are too many to list per query: wildcard column patterns use SQL.
    column: { kind: 'list', sql: 's.column_names', alsoSql: 's.nested_paths', facet: 'column' },
    table: { kind: 'scalar', sql: 's.name' },
    key: { kind: 'scalar', sql: 's.key' },
    description: { kind: 'scalar', sql: 's.description' },
  },
  dashboard: {
    key: { kind: 'scalar', sql: 's.key' },
    uri: { kind: 'scalar', sql: 's.key' },
    name: { kind: 'scalar', sql: 's.name' },
    description: { kind: 'scalar', sql: 's.description' },
    url: { kind: 'scalar', sql: 's.url' },
    product: { kind: 'scalar', sql: 's.product' },
    cluster: { kind: 'scalar', sql: 's.cluster' },
    group_name: { kind: 'scalar', sql: 's.group_name' },
    group_url: { kind: 'scalar', sql: 's.group_url' },
    last_successful_run_timestamp: { kind: 'scalar', sql: 'CAST(s.last_successful_run_timestamp AS TEXT)' },
    chart_names: { kind: 'list', sql: 's.chart_names' },
    query_names: { kind: 'list', sql: 's.query_names' },
    tag: { kind: 'list', sql: 's.tag_names' },
    badges: { kind: 'list', sql: 's.badge_names' },
  },
  user: {
    full_name: { kind: 'scalar', sql: 's.full_name' },
    first_name: { kind: 'scalar', sql: 's.first_name' },
    last_name: { kind: 'scalar', sql: 's.last_name' },
    email: { kind: 'scalar', sql: 's.email' },
    user_id: { kind: 'scalar', sql: 's.user_id' },
  },
};

export interface CompiledFilters {
  /** No document can match (e.g. a resource_type filter for another type). */
  impossible: boolean;
  /** Every filter as one SQL predicate over the document row `s` ("1" = none). */
  sql: string;
  params: unknown[];
  /** Tables: the facet filters as an FTS5 expression over the facet tokens of the text index, or null. */
  facetExpr: string | null;
  /** The part of `sql` that `facetExpr` does not cover. */
  residualSql: string;
  residualParams: unknown[];
  /** Tables: the facet filters the name index holds (all but `column`) as an FTS5 expression, or null. */
  nameFacetExpr: string | null;
  /** The part of `sql` that `nameFacetExpr` does not cover. */
  nameResidualSql: string;
  nameResidualParams: unknown[];
}

/** Facet fields whose tokens the table name index holds too (migration 6). */
const NAME_INDEX_FACETS: ReadonlySet<FacetField> = new Set(['database', 'cluster', 'schema', 'tag', 'badges']);

export function convertWildcardToGlob(pattern: string): string {
  // `[` starts a character class in GLOB; everything else maps 1:1 (`*`, `?`).
  return foldWord(pattern).replace(/\[/g, '[[]');
}

export function matchesWildcard(pattern: string, text: string): boolean {
  const source = foldWord(pattern).replace(/[.+^${}()|[\]\\]|\*|\?/g, (m) => (m === '*' ? '.*' : m === '?' ? '.' : `\\${m}`));
  return new RegExp(`^${source}$`, 's').test(foldWord(text));
}

const hasWildcard = (v: string) => v.includes('*') || v.includes('?');

/**
 * SQLite's lower() folds ASCII letters only, while patterns and facet tokens are lower-cased and
 * stripped of accents in JS (`foldWord`, every script): a filter on "Über" or "café" must match the
 * same rows in SQL as in the facet index, or a name tier and the text tier would disagree. So the
 * SQL checks fold with the same function.
 */
const FOLD = 'nansen_fold';

export function createFilterCompiler(db: CatalogDatabase) {
  db.function(FOLD, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldWord(value) : value));
  const vocabularies = new Map<string, Statement<unknown[]>>();
  const vocabulary = (sql: string): string[] => {
    let statement = vocabularies.get(sql);
    if (!statement) vocabularies.set(sql, (statement = db.prepare<unknown[]>(sql).pluck()));
    return statement.all() as string[];
  };

  return function compileFilters(type: SearchResourceType, filters: readonly SearchFilter[]): CompiledFilters {
    const fields = type === 'feature' ? {} : FIELDS[type];
    const all: string[] = [];
    const allParams: unknown[] = [];
    const residual: string[] = [];
    const residualParams: unknown[] = [];
    const facetParts: string[] = [];
    const nameResidual: string[] = [];
    const nameResidualParams: unknown[] = [];
    const nameFacetParts: string[] = [];
    let impossible = false;
    for (const filter of filters) {
      const values = filter.values.filter((v) => v !== '');
      if (!values.length) continue;
      const and = filter.operation === 'AND';
      if (filter.name === 'resource_type') {
        const hits = values.map((v) => matchesWildcard(v, type));
        if (!(and ? hits.every(Boolean) : hits.some(Boolean))) impossible = true;
        continue;
      }
      const spec = (fields as Record<string, FieldSpec | undefined>)[filter.name];
      if (!spec) continue;
      const inList = (list: string) => `EXISTS (SELECT 1 FROM json_each(${list}) WHERE ${FOLD}(value) GLOB ?)`;
      const lists = spec.kind === 'list' ? [spec.sql, ...(spec.alsoSql ? [spec.alsoSql] : [])] : [];
      const one = spec.kind === 'scalar' ? `${FOLD}(${spec.sql}) GLOB ?` : lists.length === 1 ? inList(spec.sql) : `(${lists.map(inList).join(' OR ')})`;
      const sql = `(${values.map(() => one).join(and ? ' AND ' : ' OR ')})`;
      const params = values.flatMap((v) => Array<string>(Math.max(lists.length, 1)).fill(convertWildcardToGlob(v)));
      all.push(sql);
      allParams.push(...params);

      const facet = spec.facet;
      const expandable = facet && (spec.vocabulary || !values.some(hasWildcard));
      if (!facet || !expandable) {
        residual.push(sql);
        residualParams.push(...params);
        nameResidual.push(sql);
        nameResidualParams.push(...params);
        continue;
      }
      // Facet parts of this filter, added to the text index's expression and, when the name index
      // holds this field, to the name index's; otherwise the name tiers check it per candidate.
      const inNameIndex = NAME_INDEX_FACETS.has(facet);
      if (!inNameIndex) {
        nameResidual.push(sql);
        nameResidualParams.push(...params);
      }
      const addPart = (part: string) => {
        facetParts.push(part);
        if (inNameIndex) nameFacetParts.push(part);
      };
      const known = values.some(hasWildcard) ? vocabulary(spec.vocabulary!) : [];
      const groups = values.map((v) => {
        const exact = hasWildcard(v) ? [...new Set(known.filter((k) => matchesWildcard(v, k)).map(foldWord))] : [v];
        return exact.map((e) => quoteFts(facetToken(facet, e)));
      });
      if (and) {
        if (groups.some((g) => !g.length)) impossible = true;
        else for (const g of groups) addPart(`(${g.join(' OR ')})`);
      } else {
        const tokens = groups.flat();
        if (!tokens.length) impossible = true;
        else addPart(`(${tokens.join(' OR ')})`);
      }
    }
    return {
      impossible,
      sql: all.length ? all.join(' AND ') : '1',
      params: allParams,
      facetExpr: facetParts.length ? facetParts.join(' AND ') : null,
      residualSql: residual.length ? residual.join(' AND ') : '1',
      residualParams,
      nameFacetExpr: nameFacetParts.length ? nameFacetParts.join(' AND ') : null,
      nameResidualSql: nameResidual.length ? nameResidual.join(' AND ') : '1',
      nameResidualParams,
    };
  };
}

export type CompileFilters = ReturnType<typeof createFilterCompiler>;
