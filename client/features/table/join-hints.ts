// "joins core.customers" in a column description names the table the column joins. The page links
// such hints to that table: all hints of a table are resolved with ONE search (filtered by their
// schemas and table names); a hint with exactly one matching table links straight to it (several
// matches: the one in the same database and cluster, if there is exactly one), any other to the
// search for it.
import type { SearchRequest, TableSearchResult } from '../../../contract/api-search';

export interface JoinHint {
  schema: string;
  table: string;
}

export type DescriptionSegment = { kind: 'text'; text: string } | { kind: 'join'; text: string; hint: JoinHint };

const JOIN_HINT = /\bjoins\s+([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\b/gi;

/** The text cut around its hints; a hint segment's text is the `schema.table` part only. */
export function splitJoinHints(text: string): DescriptionSegment[] {
  const segments: DescriptionSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(JOIN_HINT)) {
    const [whole, schema, table] = match as unknown as [string, string, string];
    const start = match.index + whole.length - (schema.length + 1 + table.length);
    if (start > at) segments.push({ kind: 'text', text: text.slice(at, start) });
    segments.push({ kind: 'join', text: `${schema}.${table}`, hint: { schema, table } });
    at = start + schema.length + 1 + table.length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

export const joinHintId = (hint: JoinHint) => `${hint.schema}.${hint.table}`.toLowerCase();

/** The distinct hints of some descriptions, in a stable order (the cache key of their search). */
export function collectJoinHints(descriptions: readonly (string | null)[]): JoinHint[] {
  const byId = new Map<string, JoinHint>();
  for (const description of descriptions) {
    if (!description) continue;
    for (const segment of splitJoinHints(description)) {
      if (segment.kind === 'join' && !byId.has(joinHintId(segment.hint))) byId.set(joinHintId(segment.hint), segment.hint);
    }
  }
  return [...byId.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, hint]) => hint);
}

const unique = (values: string[]) => [...new Set(values.map((v) => v.toLowerCase()))].sort();

export const JOIN_SEARCH_PAGE_SIZE = 100;

/** The one search that finds every hinted table: schema in the hints' schemas and name in their names. */
export function buildJoinTargetsSearch(hints: readonly JoinHint[]): SearchRequest {
  return {
    searchTerm: '',
    pageIndex: 0,
    resultsPerPage: JOIN_SEARCH_PAGE_SIZE,
    resources: ['table'],
    filters: {
      table: {
        schema: { value: unique(hints.map((h) => h.schema)).join(','), filterOperation: 'OR' },
        table: { value: unique(hints.map((h) => h.table)).join(','), filterOperation: 'OR' },
      },
    },
    highlightingOptions: {},
  };
}

export type JoinTarget = { kind: 'table'; key: string } | { kind: 'search' };

type Located = Pick<TableSearchResult, 'key' | 'schema' | 'name' | 'database' | 'cluster'>;

/** Where a hint leads, given the search's results and the table whose page it is on. */
export function resolveJoinHint(hint: JoinHint, results: readonly Located[], from: { database: string; cluster: string }): JoinTarget {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const matches = results.filter((r) => same(r.schema, hint.schema) && same(r.name, hint.table));
  if (matches.length === 1) return { kind: 'table', key: matches[0]!.key };
  const nearby = matches.filter((r) => same(r.database, from.database) && same(r.cluster, from.cluster));
  if (nearby.length === 1) return { kind: 'table', key: nearby[0]!.key };
  return { kind: 'search' };
}
