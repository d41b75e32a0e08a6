import { describe, expect, it } from 'vitest';
import { createSchemaFilter } from './schema-filter';

describe('the schema filter', () => {
  it('includes every schema when given nothing', () => {
    const filter = createSchemaFilter();
    expect(['public', 'sales', 'x.y'].every((s) => filter.includes(s))).toBe(true);
    expect(filter.describe()).toBe('all schemas');
  });

  it('matches whole names by glob, * for any run and ? for one character, given repeatedly or comma-separated', () => {
    const filter = createSchemaFilter(['sales_*', 'hr?', ' public '], []);
    expect(['sales_eu', 'sales_', 'hr1', 'public'].filter((s) => filter.includes(s))).toEqual(['sales_eu', 'sales_', 'hr1', 'public']);
    expect(['sales', 'xsales_eu', 'hr', 'hr12', 'Public'].filter((s) => filter.includes(s))).toEqual([]);
    expect(createSchemaFilter(['a,b']).includes('b')).toBe(true);
  });

  it('treats other characters literally, so a dot is a dot and not any character', () => {
    const filter = createSchemaFilter(['a.b', '(x)+']);
    expect(filter.includes('a.b')).toBe(true);
    expect(filter.includes('axb')).toBe(false);
    expect(filter.includes('(x)+')).toBe(true);
    expect(filter.includes('xx')).toBe(false);
  });

  it('leaves out what an exclude matches, even when an include matches it too', () => {
    const filter = createSchemaFilter(['*'], ['*_tmp', 'scratch']);
    expect(['sales', 'sales_tmp', 'scratch', 'scratch2'].filter((s) => filter.includes(s))).toEqual(['sales', 'scratch2']);
    expect(filter.describe()).toBe('schemas * except *_tmp, scratch');
    expect(createSchemaFilter([], ['pg_*']).describe()).toBe('all schemas except pg_*');
  });

  it('names the include globs that match no schema', () => {
    const filter = createSchemaFilter(['sales*,nosuch', 'p?blic'], ['public']);
    expect(filter.unmatched(['public', 'sales', 'scratch'])).toEqual(['nosuch']);
    expect(createSchemaFilter(['nosuch']).unmatched(['public'])).toEqual(['nosuch']);
    expect(createSchemaFilter([], ['nosuch']).unmatched(['public'])).toEqual([]);
  });
});
