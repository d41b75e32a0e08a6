import { describe, expect, it } from 'vitest';
import type { SearchInput } from './search-request';
import * as v from 'valibot';
import { toClientConfig, UiConfigFileSchema } from './ui-config';
import { configuredCategories, firstSearchInputs, operationOf, panelCategories, parseSearchState, planSearch } from './search-url';
import { searchPath } from './page-paths';
import { buildSearchRequest } from './search-request';

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

describe('the people tab filters', () => {
  const config = toClientConfig(v.parse(UiConfigFileSchema, { resourceConfig: { user: { filterCategories: [{ categoryId: 'email', displayName: 'Email', allowableOperation: 'OR' }] } } }), {
    providerName: 'Test', indexUsers: true, indexDashboards: true, logoUrl: null,
  });

  it('are the ones the UI config lists for people', () => {
    expect(configuredCategories(config, 'user')).toStrictEqual([{ categoryId: 'email', displayName: 'Email', allowableOperation: 'OR', type: 'inputFilter' }]);
  });

  it('filter the people search with the configured operation', () => {
    const plan = planSearch({ term: 'roald', resource: 'user', filters: { email: { value: ' *@example.org ,', filterOperation: 'AND' } }, pageIndex: 0 }, config);
    expect(plan.categories.map((c) => c.displayName)).toStrictEqual(['Email']);
    expect(plan.page).toStrictEqual({ term: 'roald', resources: ['user'], filters: { user: { email: { value: '*@example.org', filterOperation: 'OR' } } }, pageIndex: 0, resultsPerPage: 10 });
  });
});

describe('the order of table results in the URL and the requests (decision 107)', () => {
  const config = (tableSort: boolean) =>
    toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'T', indexUsers: false, indexDashboards: true, logoUrl: null, tableSort });
  const state = (query: string) => parseSearchState(new URLSearchParams(query));

  it('reads `sort` (name, last_updated) and writes it back; anything else is relevance', () => {
    expect(state('term=a&sort=name').sort).toBe('name');
    expect(state('term=a&sort=last_updated').sort).toBe('last_updated');
    expect(state('term=a&sort=relevance').sort).toBeUndefined();
    expect(state('term=a&sort=popularity').sort).toBeUndefined();
    expect(searchPath({ term: 'a', sort: 'name', pageIndex: 2 })).toBe('/search?term=a&page=3&sort=name');
    expect(searchPath({ term: 'a' })).toBe('/search?term=a');
  });

  it('asks for it with the requests that search tables, when the search service sorts', () => {
    const plan = planSearch(state('term=orders&sort=name'), config(true));
    expect(plan.overview).toMatchObject({ resources: ['table', 'dashboard'], sort: 'name' });
    expect(buildSearchRequest(plan.overview!)).toMatchObject({ sort: 'name' });
    const dashboards = planSearch(state('term=orders&sort=name&resource=dashboard&filters={"name":{"value":"x"}}'), config(true));
    expect(dashboards.page).not.toHaveProperty('sort');
    const amundsen = planSearch(state('term=orders&sort=name'), config(false));
    expect(amundsen.overview).not.toHaveProperty('sort');
    expect(buildSearchRequest(amundsen.overview!)).not.toHaveProperty('sort');
  });
});
