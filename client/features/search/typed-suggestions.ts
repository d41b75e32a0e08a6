// What the search box suggests when its text holds filters (decision 072's `tag:pii`, decision 076):
// a `field:` being typed at the end of the text is completed with that filter's values (tags, badges,
// sources, a checkbox filter's options), never searched as words; the other words are searched as
// before, with the filters already typed applied, in the resources whose filters they are. Pure.
import type { FilterCategory } from '../../../contract/ui-config';
import { toRequestFilters } from '../../../contract/search-url';
import type { SearchInput } from '../../../contract/search-request';
import { categoryNamed, withTypedFilters } from '../../../contract/typed-filters';
import { hasSearchableText, type SearchResource } from '../../../contract/search-state';

/** A `field:value` at the end of the box's text, its value not finished (no space after it yet). */
export interface FilterBeingTyped {
  /** The field as typed (`tags`), kept when a value is chosen. */
  field: string;
  category: FilterCategory;
  /** The values typed before it in a comma list (`tag:pii,fin` → ['pii']). */
  earlier: string[];
  /** The value being typed (`fin`); may be empty (`tag:`). */
  partial: string;
  quoted: boolean;
  /** The text before the filter, as typed. */
  before: string;
}

// A field, a colon, then an open quote and anything but a quote, or values without spaces or quotes.
const BEING_TYPED = /(^|\s)([\p{L}_]+):(?:"([^"]*)|([^\s"]*))$/u;

/** The filter being typed at the end of `text`, when its field names one of `categories` (the first that does). */
export function filterBeingTyped(text: string, categories: readonly FilterCategory[]): FilterBeingTyped | null {
  const match = BEING_TYPED.exec(text);
  if (!match) return null;
  const [, space, field, quotedValue, plainValue] = match;
  const category = categoryNamed(field!, categories);
  if (!category) return null;
  const quoted = quotedValue !== undefined;
  const values = (quoted ? quotedValue : plainValue)!.split(',');
  const partial = values.pop()!.trimStart();
  return { field: field!, category, earlier: values.map((v) => v.trim()).filter(Boolean), partial, quoted, before: text.slice(0, match.index + space!.length) };
}

/** The box's text with `value` chosen for the filter being typed, and a space to go on typing. */
export function withValueChosen(typed: FilterBeingTyped, value: string): string {
  const values = [...typed.earlier.filter((v) => v !== value), value].join(',');
  const quote = typed.quoted || /[\s,]/.test(value) || (typed.earlier.length > 0 && /\s/.test(values));
  return `${typed.before}${typed.field}:${quote ? `"${values}"` : values} `;
}

/** Case and accents aside, for matching a typed part of a value. */
const loose = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The values that complete `partial`: those starting with it first, then those containing it; `limit` at most. */
export function completions(partial: string, values: readonly string[], exclude: readonly string[] = [], limit = 6): string[] {
  const part = loose(partial);
  const taken = new Set(exclude.map(loose));
  const seen = new Set<string>();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const value of values) {
    const key = loose(value);
    if (taken.has(key) || seen.has(key)) continue;
    seen.add(key);
    if (key.startsWith(part)) starts.push(value);
    else if (part && key.includes(part)) contains.push(value);
  }
  return [...starts, ...contains].slice(0, limit);
}

/**
 * The search the box's suggestions make for `text`: its words without the filters typed in it (nor
 * the one being typed), those filters applied, over the resources whose filters they all are; null
 * when there is nothing to search (only a filter being typed, no words).
 */
export function suggestionInput(
  text: string,
  resources: readonly SearchResource[],
  categoriesOf: (resource: SearchResource) => readonly FilterCategory[],
  resultsPerPage: number,
): SearchInput | null {
  const all = resources.flatMap((r) => categoriesOf(r));
  const typing = filterBeingTyped(text, all);
  const rest = (typing ? typing.before : text).trim();
  const state = (resource: SearchResource) => ({ term: rest, resource, filters: {}, pageIndex: 0 });
  const perResource = resources.map((resource) => {
    const typed = withTypedFilters(state(resource), categoriesOf(resource));
    return { resource, words: typed?.term ?? rest, filters: typed?.filters ?? {} };
  });
  // The words: the text without any filter any resource knows; a resource that leaves some of them as
  // words (`column:x` for dashboards) is not searched: its results would not have the filter.
  const words = perResource.reduce((shortest, r) => (r.words.length < shortest.length ? r.words : shortest), rest);
  const searched = perResource.filter((r) => r.words === words);
  const filters: SearchInput['filters'] = {};
  for (const r of searched) {
    const request = toRequestFilters(r.filters, categoriesOf(r.resource));
    if (Object.keys(request).length > 0) filters[r.resource] = request;
  }
  const term = hasSearchableText(words) ? words : '';
  const filtered = Object.keys(filters).length > 0;
  if (searched.length === 0 || (!term && !filtered)) return null;
  // A filter-only search lists the resources that have the filters only (the others would list anything).
  const listed = term ? searched.map((r) => r.resource) : searched.filter((r) => filters[r.resource]).map((r) => r.resource);
  return { term, resources: listed, filters, pageIndex: 0, resultsPerPage };
}
