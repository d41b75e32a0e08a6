// Validates the body of POST /v2/search (Amundsen's SearchRequest). Amundsen answers 500 for a
// malformed body; we answer 400 with a message naming the offending field.
import { z } from 'zod';
import { InputError } from '../http/catalog-errors';
import { TABLE_SEARCH_SORTS } from '../../../contract/search-sort';

export const SEARCHABLE_RESOURCE_TYPES = ['table', 'dashboard', 'feature', 'user'] as const;
export type SearchResourceType = (typeof SEARCHABLE_RESOURCE_TYPES)[number];

export const MAX_RESULTS_PER_PAGE = 1000;

const FilterSchema = z.strictObject({
  name: z.string({ error: 'must be a string' }),
  values: z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of strings' }),
  operation: z.enum(['AND', 'OR'], { error: 'must be "AND" or "OR"' }).default('OR'),
});

export const SearchRequestSchema = z.strictObject({
  query_term: z.string({ error: 'is required and must be a string (send "" to browse)' }),
  resource_types: z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of strings' }).default([]),
  page_index: z.int({ error: 'must be a whole number' }).min(0, { error: 'must be ≥ 0' }).default(0),
  results_per_page: z
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be ≥ 1' })
    .max(MAX_RESULTS_PER_PAGE, { error: `must be ≤ ${MAX_RESULTS_PER_PAGE}` })
    .default(10),
  filters: z.array(FilterSchema, { error: 'must be an array of {name, values, operation}' }).default([]),
  highlight_options: z
    .record(z.string(), z.looseObject({ enable_highlight: z.boolean().optional() }), { error: 'must be an object' })
    .default({}),
  // Nansen's extension (decision 107): the order of table hits; absent = relevance, as Amundsen.
  sort: z.enum(['relevance', ...TABLE_SEARCH_SORTS], { error: `must be one of "relevance", ${TABLE_SEARCH_SORTS.map((s) => `"${s}"`).join(', ')}` }).optional(),
});

export type SearchRequest = z.infer<typeof SearchRequestSchema>;
export type SearchFilter = SearchRequest['filters'][number];

export interface ParsedSearchRequest extends SearchRequest {
  /** The resource types to search, defaulted to all and validated. */
  types: SearchResourceType[];
}

export function parseSearchRequest(body: unknown): ParsedSearchRequest {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object like {"query_term": "orders"}.');
  }
  const result = SearchRequestSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const prefix = field ? `${field}: ` : '';
      throw new InputError(`Invalid search request: ${prefix}unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`);
    }
    throw new InputError(`Invalid search request: ${field || 'body'} ${issue.message}`);
  }
  const request = result.data;
  const types = request.resource_types.length ? request.resource_types : [...SEARCHABLE_RESOURCE_TYPES];
  for (const type of types) {
    if (!(SEARCHABLE_RESOURCE_TYPES as readonly string[]).includes(type)) {
      throw new InputError(`Search for invalid resource "${type}" requested`);
    }
  }
  return { ...request, types: [...new Set(types)] as SearchResourceType[] };
}
