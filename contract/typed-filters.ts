// Filters typed in the search box, as DataHub and GitHub take them: `tag:pii`, `schema:sales`,
// `tag:"my tag"`, `column:order_id,customer_id`. A search whose term holds them becomes the same search
// with them as filters (shown in the Filters panel, in the URL) and the rest of the term as its words.
// A field is one of the shown tab's filter categories: its id (`badges`), the id without or with an
// "s" (`badge`, `tags`), or its name (`source` for Source, the database). Anything else (`foo:bar`,
// `https://…`) stays as words. Pure and shared: the SPA's search route applies it (decision 072) and
// the BFF's first search for a page load of `/search?term=tag:pii` (server/spa/first-search.ts), so
// the answer the page carries is the one the app asks for (decision 076).
// Filters that only another tab has (`group:sales` on the tables tab, where the home page's box
// searches) open that tab with them (withTypedFiltersOnAnyTab), instead of being searched as words.
import type { ClientConfig, FilterCategory } from './client-config';
import { searchableResources } from './search-request';
import type { SearchState } from './search-state';
import { configuredCategories, splitValues } from './search-url';

// A field, a colon, then a quoted value or one without spaces; a token of its own (space or edge around).
const TYPED_FILTER = /(?<=^|\s)([\p{L}_]+):(?:"([^"]*)"|([^\s"]\S*))(?=\s|$)/gu;

const namesOf = (category: FilterCategory) => {
  const id = category.categoryId.toLowerCase();
  return [id, id.endsWith('s') ? id.slice(0, -1) : `${id}s`, category.displayName.toLowerCase().replace(/\s+/g, '_')];
};

/** The category a typed field names (`tag`, `Tags`, `source`), or undefined. */
export function categoryNamed(field: string, categories: readonly FilterCategory[]): FilterCategory | undefined {
  const name = field.toLowerCase();
  return categories.find((category) => namesOf(category).includes(name));
}

/**
 * A checkbox category's values as its options spell them (`PII` → `pii`), or null when one is not an
 * option: the panel could not show it, and a filter never applies unseen.
 */
function valuesFor(category: FilterCategory, values: string[]): string[] | null {
  if (category.type !== 'checkboxFilter') return values;
  const options = category.options ?? [];
  const spelled = values.map((value) => options.find((o) => [o.value, o.displayName ?? ''].some((n) => n.toLowerCase() === value.toLowerCase()))?.value);
  return spelled.every((value) => value !== undefined) ? (spelled as string[]) : null;
}

/**
 * The search with the filters typed in its term moved to its filters (added to any there, the first
 * page), or null when the term has none. `categories`: the shown tab's filter categories.
 */
export function withTypedFilters(state: SearchState, categories: readonly FilterCategory[]): SearchState | null {
  return movedTypedFilters(state, categories)?.state ?? null;
}

function movedTypedFilters(state: SearchState, categories: readonly FilterCategory[]): { state: SearchState; taken: number } | null {
  const filters = { ...state.filters };
  let taken = 0;
  const term = state.term.replace(TYPED_FILTER, (token, field: string, quoted: string | undefined, plain: string | undefined) => {
    const category = categoryNamed(field, categories);
    const values = category && valuesFor(category, splitValues(quoted ?? plain ?? ''));
    if (!category || !values || values.length === 0) return token;
    const name = category.categoryId;
    const current = filters[name];
    const merged = [...new Set([...splitValues(current?.value ?? ''), ...values])].join(',');
    filters[name] = { ...current, value: merged };
    taken += 1;
    return '';
  });
  if (taken === 0) return null;
  return { state: { ...state, term: term.replace(/\s+/g, ' ').trim(), filters, pageIndex: 0 }, taken };
}

/**
 * As withTypedFilters, over the tab whose filters take the most of the typed ones, the shown tab when
 * it takes as many as any: `group:sales` (a dashboards-only filter) typed on the tables tab (the home
 * page's box searches it) opens the dashboards tab with it as a filter, not a search for the words.
 * Another tab is opened as when chosen (client/features/search/tab-filters.ts switchTab): with the
 * filters it kept, the shown tab's kept in `tabFilters`.
 */
export function withTypedFiltersOnAnyTab(state: SearchState, config: Pick<ClientConfig, 'resourceConfig' | 'indexDashboards' | 'indexUsers'>): SearchState | null {
  let best = movedTypedFilters(state, configuredCategories(config, state.resource));
  for (const resource of searchableResources(config)) {
    if (resource === state.resource) continue;
    const other = movedTypedFilters(onTab(state, resource), configuredCategories(config, resource));
    if (other && other.taken > (best?.taken ?? 0)) best = other;
  }
  return best?.state ?? null;
}

/** The search on `resource`'s tab: its kept filters, the left tab's kept in `tabFilters`. */
function onTab(state: SearchState, resource: SearchState['resource']): SearchState {
  const { [resource]: kept, ...others } = state.tabFilters ?? {};
  const tabFilters = Object.keys(state.filters).length > 0 ? { ...others, [state.resource]: state.filters } : others;
  const next: SearchState = { term: state.term, resource, filters: kept ?? {}, pageIndex: 0 };
  if (Object.keys(tabFilters).length > 0) next.tabFilters = tabFilters;
  return next;
}
