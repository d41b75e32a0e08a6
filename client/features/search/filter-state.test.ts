import { describe, expect, it } from 'vitest';
import type { FilterCategory } from '../../../contract/ui-config';
import { parseSearchState, searchPath } from '../../app/paths';
import { canChooseOperation, countFilters, operationOf, panelCategories, splitValues, toggleValue, toRequestFilters, withFilterOperation, withFilterValue } from './filter-state';

const schema: FilterCategory = { categoryId: 'schema', displayName: 'Schema', type: 'inputFilter' };
const tagAll: FilterCategory = { categoryId: 'tag', displayName: 'Tag', type: 'inputFilter', allowableOperation: 'AND' };

/** What the URL keeps of filters: through searchPath and back. */
const roundTrip = (filters: Record<string, { value: string; filterOperation?: 'AND' | 'OR' }>) =>
  parseSearchState(new URL(searchPath({ term: 'x', filters }), 'http://x').searchParams).filters;

describe('filter values', () => {
  it('splits comma-separated values, trimming and dropping empty ones', () => {
    expect(splitValues(' core, sales ,,  ')).toEqual(['core', 'sales']);
    expect(splitValues('')).toEqual([]);
  });

  it('sets a value, keeps its operation, and removes the filter when no value is left', () => {
    const filters = { schema: { value: 'core', filterOperation: 'AND' as const } };
    expect(withFilterValue(filters, 'schema', 'core,sales')).toEqual({ schema: { value: 'core,sales', filterOperation: 'AND' } });
    expect(withFilterValue(filters, 'schema', ' , ')).toEqual({});
    expect(withFilterValue({}, 'tag', 'pii')).toEqual({ tag: { value: 'pii' } });
  });

  it('toggles a checkbox value in the comma-separated list', () => {
    expect(toggleValue('mode', 'tableau', true)).toBe('mode,tableau');
    expect(toggleValue('mode,tableau', 'mode', false)).toBe('tableau');
    expect(toggleValue('mode', 'mode', true)).toBe('mode');
  });

  it('counts only filters with a value', () => {
    expect(countFilters({ a: { value: 'x' }, b: { value: ' , ' } })).toBe(1);
  });
});

describe('AND / OR', () => {
  it('uses the category\'s fixed operation, else the chosen one, else OR', () => {
    expect(operationOf(tagAll, { value: 'a,b', filterOperation: 'OR' })).toBe('AND');
    expect(operationOf(schema, { value: 'a,b', filterOperation: 'AND' })).toBe('AND');
    expect(operationOf(schema, { value: 'a,b' })).toBe('OR');
    expect(canChooseOperation(schema)).toBe(true);
    expect(canChooseOperation(tagAll)).toBe(false);
  });

  it('keeps AND in the URL and leaves OR, the default, out', () => {
    const withAnd = withFilterOperation({ schema: { value: 'a,b' } }, 'schema', 'AND');
    expect(withAnd).toEqual({ schema: { value: 'a,b', filterOperation: 'AND' } });
    expect(roundTrip(withAnd)).toEqual(withAnd);
    const backToOr = withFilterOperation(withAnd, 'schema', 'OR');
    expect(backToOr).toEqual({ schema: { value: 'a,b' } });
    expect(searchPath({ term: 'x', filters: backToOr })).not.toContain('filterOperation');
    expect(withFilterOperation({}, 'schema', 'AND')).toEqual({});
  });
});

describe('filters in the request', () => {
  it('normalizes values and resolves every operation', () => {
    expect(toRequestFilters({ schema: { value: ' core , sales,' }, tag: { value: 'pii,kpi', filterOperation: 'OR' } }, [schema, tagAll])).toEqual({
      schema: { value: 'core,sales', filterOperation: 'OR' },
      tag: { value: 'pii,kpi', filterOperation: 'AND' },
    });
  });

  it('drops filters without values', () => {
    expect(toRequestFilters({ schema: { value: ', ' } }, [schema])).toEqual({});
  });
});

describe('the panel\'s categories', () => {
  it('lists the configured ones, then any URL filter the config does not list, so none applies unseen', () => {
    const categories = panelCategories([schema], { schema: { value: 'a' }, badges: { value: 'certified' } });
    expect(categories.map((c) => [c.categoryId, c.displayName, c.type])).toEqual([
      ['schema', 'Schema', 'inputFilter'],
      ['badges', 'badges', 'inputFilter'],
    ]);
  });

  it('survives a round trip through the URL with values and operations intact', () => {
    let filters = withFilterValue({}, 'schema', 'core,sales');
    filters = withFilterOperation(filters, 'schema', 'AND');
    filters = withFilterValue(filters, 'tag', 'pii');
    expect(roundTrip(filters)).toEqual(filters);
    expect(roundTrip(withFilterValue(filters, 'schema', ''))).toEqual({ tag: { value: 'pii' } });
  });
});
