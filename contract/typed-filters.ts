// Filters typed in the search box, as DataHub and GitHub take them: `tag:pii`, `schema:sales`,
// `tag:"my tag"`, `column:order_id,customer_id`. A search whose term holds them becomes the same search
// with them as filters (shown in the Filters panel, in the URL) and the rest of the term as its words.
// A field is one of the shown tab's filter categories: its id (`badges`), the id without or with an
// "s" (`badge`, `tags`), or its name (`source` for Source, the database). Anything else (`foo:bar`,
// `https://…`) stays as words. Pure and shared: the SPA's search route applies it (decision 072) and
// the BFF's first search for a page load of `/search?term=tag:pii` (server/spa/first-search.ts), so
// the answer the page carries is the one the app asks for (decision 076).
import type { FilterCategory } from './client-config';
import type { SearchState } from './search-state';
import { splitValues } from './search-url';

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
  const filters = { ...state.filters };
  let found = false;
  const term = state.term.replace(TYPED_FILTER, (token, field: string, quoted: string | undefined, plain: string | undefined) => {
    const category = categoryNamed(field, categories);
    const values = category && valuesFor(category, splitValues(quoted ?? plain ?? ''));
    if (!category || !values || values.length === 0) return token;
    const name = category.categoryId;
    const current = filters[name];
    const merged = [...new Set([...splitValues(current?.value ?? ''), ...values])].join(',');
    filters[name] = { ...current, value: merged };
    found = true;
    return '';
  });
  if (!found) return null;
  return { ...state, term: term.replace(/\s+/g, ' ').trim(), filters, pageIndex: 0 };
}
