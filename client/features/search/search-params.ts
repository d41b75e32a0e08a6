// The search page's URL: `/search?term=…&pageIndex=…`. Amundsen's links (`resource`, `index`) are
// accepted: `index` is Amundsen's page index, `resource` is ignored (only tables are searched).

export const MAX_PAGE_INDEX = 10_000;
export const MAX_TERM_LENGTH = 500;

export interface SearchParamsState {
  term: string;
  pageIndex: number;
}

export function parsePageIndex(raw: string | null): number | null {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? Math.min(value, MAX_PAGE_INDEX) : null;
}

export function parseSearchParams(params: URLSearchParams): SearchParamsState {
  const term = (params.get('term') ?? '').trim().slice(0, MAX_TERM_LENGTH);
  const pageIndex = parsePageIndex(params.get('pageIndex')) ?? parsePageIndex(params.get('index')) ?? 0;
  return { term, pageIndex };
}

export function buildSearchPath({ term, pageIndex = 0 }: { term: string; pageIndex?: number }): string {
  const params = new URLSearchParams({ term: term.trim() });
  if (pageIndex > 0) params.set('pageIndex', String(pageIndex));
  return `/search?${params.toString()}`;
}
