// The filter panel's logic, free of React: a filter in the URL holds comma-separated values and,
// when people chose it, an operation; the UI config's category may fix the operation instead.
import type { FilterOperation } from '../../../contract/api-search';
import type { FilterCategory } from '../../../contract/ui-config';
import { splitValues } from '../../../contract/search-url';
import type { SearchFilters } from '../../app/paths';

// The pure parts the BFF shares live in contract/search-url.ts.
export { operationOf, panelCategories, splitValues, toRequestFilters } from '../../../contract/search-url';

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

export function countFilters(filters: SearchFilters): number {
  return Object.values(filters).filter((f) => splitValues(f.value).length > 0).length;
}
