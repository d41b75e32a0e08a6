import { describe, expect, it } from 'vitest';
import type { SearchInput } from './search-request';
import { firstSearchInputs, operationOf, panelCategories } from './search-url';

describe('operationOf', () => {
  it('takes the chosen operation when there is no category, and OR when nothing is chosen', () => {
    expect(operationOf(undefined, { value: 'a,b', filterOperation: 'AND' })).toBe('AND');
    expect(operationOf(undefined, undefined)).toBe('OR');
    expect(operationOf({ allowableOperation: 'AND' }, undefined)).toBe('AND');
    expect(operationOf({}, undefined)).toBe('OR');
  });
});

describe('panelCategories', () => {
  it('adds a text filter for a URL filter the config does not list, named with spaces for underscores', () => {
    expect(panelCategories([], { group_name: { value: 'ops' } })).toStrictEqual([{ categoryId: 'group_name', displayName: 'group name', type: 'inputFilter' }]);
  });
});

describe('firstSearchInputs', () => {
  const input: SearchInput = { term: 'a', resources: ['table'], filters: {}, pageIndex: 0, resultsPerPage: 10 };
  const page: SearchInput = { ...input, pageIndex: 1 };

  it('lists the overview and the page, once when they are the same, never a missing one', () => {
    expect(firstSearchInputs({ overview: input, page })).toStrictEqual([input, page]);
    expect(firstSearchInputs({ overview: input, page: input })).toStrictEqual([input]);
    expect(firstSearchInputs({ overview: null, page })).toStrictEqual([page]);
    expect(firstSearchInputs({ overview: null, page: null })).toStrictEqual([]);
  });
});
