import { describe, expect, it } from 'vitest';
import type { SearchResource } from '../../app/paths';
import { testConfig } from './testing/search-fixtures';
import { completions, filterBeingTyped, suggestionInput, withValueChosen } from './typed-suggestions';

const config = testConfig();
const tables = config.resourceConfig.table.filterCategories;
const categoriesOf = (resource: SearchResource) => config.resourceConfig[resource].filterCategories;
const input = (text: string, resources: SearchResource[] = ['table', 'dashboard']) => suggestionInput(text, resources, categoriesOf, 3);

describe('the filter being typed at the end of the search box', () => {
  it('is a known field, a colon and the value so far', () => {
    expect(filterBeingTyped('tag:pi', tables)).toMatchObject({ field: 'tag', category: { categoryId: 'tag' }, partial: 'pi', earlier: [], quoted: false, before: '' });
    expect(filterBeingTyped('orders Tags:', tables)).toMatchObject({ field: 'Tags', category: { categoryId: 'tag' }, partial: '', before: 'orders ' });
    expect(filterBeingTyped('source:sno', tables)?.category.categoryId).toBe('database');
    expect(filterBeingTyped('tag:pii,fin', tables)).toMatchObject({ earlier: ['pii'], partial: 'fin' });
    expect(filterBeingTyped('x tag:"my ta', tables)).toMatchObject({ partial: 'my ta', quoted: true, before: 'x ' });
  });

  it('is none once a space ends it, for an unknown field, or a colon inside a word', () => {
    for (const text of ['tag:pii ', 'foo:ba', 'https://x', 'a,tag:pi', 'tag:"my tag"', 'orders']) expect(filterBeingTyped(text, tables), text).toBeNull();
  });

  it('takes the chosen value in place of the part typed, quoted when it has a space, and a space after it', () => {
    const typed = (text: string) => filterBeingTyped(text, tables)!;
    expect(withValueChosen(typed('orders tag:pi'), 'pii')).toBe('orders tag:pii ');
    expect(withValueChosen(typed('Tags:pii,fin'), 'finance')).toBe('Tags:pii,finance ');
    expect(withValueChosen(typed('tag:my'), 'my tag')).toBe('tag:"my tag" ');
    expect(withValueChosen(typed('tag:"my'), 'my tag')).toBe('tag:"my tag" ');
    expect(withValueChosen(typed('tag:pii,my'), 'my tag')).toBe('tag:"pii,my tag" ');
  });
});

describe('completions', () => {
  it('lists the values starting with the part typed, then those containing it, case and accents aside, without those already typed', () => {
    expect(completions('pi', ['api_keys', 'pii', 'PIPELINE', 'finance'])).toEqual(['pii', 'PIPELINE', 'api_keys']);
    expect(completions('donne', ['données', 'x'])).toEqual(['données']);
    expect(completions('', ['a', 'b', 'c'], ['b'], 2)).toEqual(['a', 'c']);
  });
});

describe('the search the suggestions make', () => {
  it('never searches the filter being typed as words', () => {
    expect(input('tag:pi')).toBeNull();
    expect(input('orders tag:pi')).toEqual({ term: 'orders', resources: ['table', 'dashboard'], filters: {}, pageIndex: 0, resultsPerPage: 3 });
  });

  it('applies the filters typed before, in the resources that have them', () => {
    const tagged = { tag: { value: 'pii', filterOperation: 'OR' } };
    expect(input('tag:pii orders')).toEqual({ term: 'orders', resources: ['table', 'dashboard'], filters: { table: tagged, dashboard: tagged }, pageIndex: 0, resultsPerPage: 3 });
    // column: is a tables filter: dashboards are not searched (their results would not have it).
    expect(input('column:order_id orders sch')).toMatchObject({ term: 'orders sch', resources: ['table'], filters: { table: { column: { value: 'order_id' } } } });
    expect(input('group:sales kpi')).toMatchObject({ term: 'kpi', resources: ['dashboard'], filters: { dashboard: { group_name: { value: 'sales' } } } });
    // Filters alone: the resources carrying them, no words.
    expect(input('schema:sales ')).toMatchObject({ term: '', resources: ['table'], filters: { table: { schema: { value: 'sales' } } } });
  });

  it('searches the words as before when there is no filter', () => {
    expect(input('orders')).toEqual({ term: 'orders', resources: ['table', 'dashboard'], filters: {}, pageIndex: 0, resultsPerPage: 3 });
    expect(input('foo:bar')).toMatchObject({ term: 'foo:bar', filters: {} });
  });
});
