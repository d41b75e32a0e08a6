// The filter panel's logic, free of React: a filter in the URL holds comma-separated values and,
// when people chose it, an operation; the UI config's category may fix the operation instead.
import type { FilterOperation, SearchFilter } from '../../../contract/api-search';
import type { FilterCategory } from '../../../contract/ui-config';
import type { SearchFilters } from '../../app/paths';

/** The values of a filter's text: comma-separated, trimmed, empty ones dropped. */
export function splitValues(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The operation a filter is searched with: the category's fixed one, else the chosen one, else OR (any). */
export function operationOf(category: Pick<FilterCategory, 'allowableOperation'> | undefined, filter: SearchFilter | undefined): FilterOperation {
  return category?.allowableOperation ?? filter?.filterOperation ?? 'OR';
}

/** Whether people may choose between any (OR) and all (AND) for this category. */
export function canChooseOperation(category: Pick<FilterCategory, 'allowableOperation'>): boolean {
  return category.allowableOperation === undefined;
}

/** `filters` with `name` set to `value` (keeping its operation), or without it when `value` holds no value. */
export function withFilterValue(filters: SearchFilters, name: string, value: string): SearchFilters {
  const { [name]: current, ...rest } = filters;
  if (splitValues(value).length === 0) return rest;
  return { ...rest, [name]: { ...current, value } };
}

/** `filters` with `name`'s operation set; AND is kept in the URL, OR (the default) is left out. */
export function withFilterOperation(filters: SearchFilters, name: string, operation: FilterOperation): SearchFilters {
  const current = filters[name];
  if (!current) return filters;
  const { filterOperation: _old, ...value } = current;
  return { ...filters, [name]: operation === 'AND' ? { ...value, filterOperation: 'AND' } : value };
}

/** A checkbox filter's selected values toggled. */
export function toggleValue(value: string, option: string, checked: boolean): string {
  const values = splitValues(value).filter((v) => v !== option);
  return (checked ? [...values, option] : values).join(',');
}

/**
 * The categories the panel shows: the UI config's, then one plain text filter for each filter in the
 * URL that the config does not list (a shared link, a badge link with the badge filter configured
 * away), so no filter applies without being visible and removable.
 */
export function panelCategories(configured: readonly FilterCategory[], filters: SearchFilters): FilterCategory[] {
  const known = new Set(configured.map((c) => c.categoryId));
  const extra = Object.keys(filters)
    .filter((name) => !known.has(name))
    .map((name): FilterCategory => ({ categoryId: name, displayName: name.replace(/_/g, ' '), type: 'inputFilter' }));
  return [...configured, ...extra];
}

/** The filters as the search request takes them: normalized values, each with its operation. */
export function toRequestFilters(filters: SearchFilters, categories: readonly FilterCategory[]): Record<string, SearchFilter> {
  const byId = new Map(categories.map((c) => [c.categoryId, c]));
  const request: Record<string, SearchFilter> = {};
  for (const [name, filter] of Object.entries(filters)) {
    const values = splitValues(filter.value);
    if (values.length === 0) continue;
    request[name] = { value: values.join(','), filterOperation: operationOf(byId.get(name), filter) };
  }
  return request;
}

export function countFilters(filters: SearchFilters): number {
  return Object.values(filters).filter((f) => splitValues(f.value).length > 0).length;
}
