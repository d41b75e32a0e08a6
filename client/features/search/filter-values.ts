// The values a filter can take that the catalog lists without searching, for completing a filter: one
// typed in the search box (`tag:pi`, decision 076) and the filter panel's fields. Tags and badges come
// from the catalog's lists (the Browse page's, fetched once and kept); sources and a checkbox filter's
// options from the UI config. Amundsen's APIs list nothing else (no schemas, clusters, columns, groups:
// the search service aggregates nothing), so those filters are completed by no one.
import { useQuery } from '@tanstack/react-query';
import type { ClientConfig, FilterCategory } from '../../../contract/ui-config';
import { configuredCategories } from '../../../contract/search-url';
import type { SearchResource } from '../../app/paths';
import { badgesQueryOptions, splitBadges, tagsQueryOptions } from '../../app/catalog-caches';
import { completions } from './typed-suggestions';

/** A value a filter can take, how people know it when that differs (a source's display name), and how many resources carry it where the catalog counts (tags). */
export interface FilterValue {
  value: string;
  name?: string;
  count?: number;
}

/** Where a filter's values come from: the catalog's tags or badges, the UI config's list, or nowhere (null). */
export function valueSourceOf(category: FilterCategory | null | undefined, resources: readonly SearchResource[], config: ClientConfig): 'tags' | 'badges' | FilterValue[] | null {
  if (!category) return null;
  if (category.type === 'checkboxFilter') return (category.options ?? []).map((o) => ({ value: o.value, name: o.displayName }));
  const id = category.categoryId;
  if (id === 'tag') return 'tags';
  if (id === 'badges') return 'badges';
  // A source: the database (tables) or product (dashboards) the UI config names.
  const resource = resources.find((r) => configuredCategories(config, r).includes(category));
  const sources =
    resource === 'table' && id === 'database'
      ? config.resourceConfig.table.supportedSources
      : resource === 'dashboard' && id === 'product'
        ? config.resourceConfig.dashboard.supportedSources
        : null;
  return sources && Object.entries(sources).map(([value, { displayName }]) => ({ value, name: displayName }));
}

/**
 * The values the catalog lists for `category` (the most used tags first). Null: a filter whose values
 * are not listed (schema, column…), or whose list failed to load; undefined: not loaded yet. With `ask`
 * false, nothing is fetched until it turns true (a panel field asks once it is used).
 */
export function useFilterValues(category: FilterCategory | null | undefined, resources: readonly SearchResource[], config: ClientConfig, ask = true): FilterValue[] | null | undefined {
  const source = valueSourceOf(category, resources, config);
  const tags = useQuery({ ...tagsQueryOptions(), enabled: ask && source === 'tags' });
  const badges = useQuery({ ...badgesQueryOptions(), enabled: ask && source === 'badges' });
  if (source === 'tags') return tags.isError ? null : tags.data && [...tags.data].sort((a, b) => b.tag_count - a.tag_count).map((t) => ({ value: t.tag_name, count: t.tag_count }));
  // Table badges only: a column badge (PK, PII) marks columns, and the table search never finds it.
  if (source === 'badges') return badges.isError ? null : badges.data && splitBadges(badges.data).table.map((name) => ({ value: name }));
  return source;
}

/**
 * The values completing `partial`, `limit` at most: by value (starting with it, then containing it), then
 * by name (`snow` finds snowflake as "Snowflake"); none of those in `earlier` (already in the list).
 * With nothing typed, the first values (the most used tags first).
 */
export function matchingValues(partial: string, earlier: readonly string[], values: readonly FilterValue[], limit = 6): string[] {
  const byValue = completions(partial, values.map((v) => v.value), earlier, limit);
  const byName = completions(partial, values.filter((v) => v.name).map((v) => v.name!), [], limit).flatMap((name) => values.find((v) => v.name === name)?.value ?? []);
  return [...new Set([...byValue, ...byName.filter((v) => !earlier.includes(v))])].slice(0, limit);
}
