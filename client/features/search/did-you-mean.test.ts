import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UiConfigFileSchema } from '../../../contract/ui-config';
import { categoryNamed } from '../../../contract/typed-filters';
import { didYouMeanAsShown } from './did-you-mean';

// The table filters a UI config without any of its own has: "Source" is the `database` filter.
const categories = v.parse(UiConfigFileSchema, {}).resourceConfig.table.filterCategories;

describe('didYouMeanAsShown', () => {
  it('names a filter as the Filters panel does, in a form the box takes', () => {
    expect(didYouMeanAsShown('database:snowflake', categories)).toBe('source:snowflake');
    expect(didYouMeanAsShown('cluster:gold', categories)).toBe('cluster:gold');
    expect(didYouMeanAsShown('schema:"sales eu"', categories)).toBe('schema:"sales eu"');
    expect(categoryNamed('source', categories)?.categoryId).toBe('database');
  });

  it('follows a UI config that names the source otherwise', () => {
    const renamed = categories.map((c) => (c.categoryId === 'database' ? { ...c, displayName: 'Data platform' } : c));
    expect(didYouMeanAsShown('database:snowflake', renamed)).toBe('data_platform:snowflake');
    expect(categoryNamed('data_platform', renamed)?.categoryId).toBe('database');
  });

  it('leaves words, and fields that are no filter, as they came', () => {
    expect(didYouMeanAsShown('customer orders', categories)).toBe('customer orders');
    expect(didYouMeanAsShown('https://example.org', categories)).toBe('https://example.org');
    expect(didYouMeanAsShown('foo:bar', categories)).toBe('foo:bar');
  });
});
