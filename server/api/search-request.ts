import type { z } from 'zod';
import type { SearchRequestSchema } from '../../contract/bff-api';
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';

type ParsedSearchRequest = z.output<typeof SearchRequestSchema>;

/**
 * The SPA sends Amundsen-frontend filters (`{table: {schema: {value: "a,b", filterOperation}}}`);
 * the search service takes a list (`[{name: "schema", values: ["a","b"], operation: "OR"}]`).
 */
export function toAmundsenSearchRequest(request: ParsedSearchRequest): AmundsenSearchRequest {
  const filters: AmundsenSearchRequest['filters'] = [];
  const seen = new Set<string>();
  for (const resource of request.resources) {
    for (const [name, filter] of Object.entries(request.filters[resource] ?? {})) {
      const values = filter.value.split(',').map((v) => v.trim()).filter(Boolean);
      if (values.length === 0 || seen.has(name)) continue;
      seen.add(name);
      filters.push({ name, values, operation: filter.filterOperation ?? 'OR' });
    }
  }
  return {
    query_term: request.searchTerm.trim(),
    resource_types: request.resources,
    page_index: request.pageIndex,
    results_per_page: request.resultsPerPage,
    filters,
    highlight_options: Object.fromEntries(
      Object.entries(request.highlightingOptions).map(([resource, o]) => [resource, { enable_highlight: o.enableHighlight }]),
    ),
  };
}
