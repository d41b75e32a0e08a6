import { queryOptions, useQuery } from '@tanstack/react-query';
import { SearchResponseSchema, type SearchRequest, type TableSearchResult } from '../../../../contract/bff-api';
import { requestJson } from '../../../lib/api-client';

export const RESULTS_PER_PAGE = 10;

export interface TableSearchPage {
  pageIndex: number;
  totalResults: number;
  results: TableSearchResult[];
  /** The corrected term the results are for, when nothing matched the term as typed. */
  didYouMean?: string;
}

export interface TableSearchInput {
  term: string;
  pageIndex: number;
}

export function buildSearchRequest({ term, pageIndex }: TableSearchInput): SearchRequest {
  return {
    searchTerm: term,
    pageIndex,
    resultsPerPage: RESULTS_PER_PAGE,
    resources: ['table'],
    filters: {},
    highlightingOptions: { table: { enableHighlight: true } },
  };
}

export async function searchTables(input: TableSearchInput, signal?: AbortSignal): Promise<TableSearchPage> {
  const body = await requestJson('/api/search/v1/search', SearchResponseSchema, {
    method: 'POST',
    body: buildSearchRequest(input),
    signal,
  });
  const page = body.table ?? { page_index: input.pageIndex, results: [], total_results: 0 };
  return { pageIndex: page.page_index, totalResults: page.total_results, results: page.results, didYouMean: body.did_you_mean };
}

export const searchTablesQueryOptions = (input: TableSearchInput) =>
  queryOptions({
    queryKey: ['search', 'table', input.term, input.pageIndex] as const,
    queryFn: ({ signal }) => searchTables(input, signal),
    enabled: input.term !== '',
  });

export function useSearchTables(input: TableSearchInput) {
  // While paging through one term, keep the previous page on screen until the next one arrives.
  return useQuery({
    ...searchTablesQueryOptions(input),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === input.term ? previous : undefined),
  });
}
