import { describe, expect, it } from 'vitest';
import { columnOfNestedField } from './nested-field-path';

describe('columnOfNestedField', () => {
  it('is the part of a dotted path before its first dot, or the whole name of a column without one', () => {
    expect(columnOfNestedField('payload.address.city')).toBe('payload');
    expect(columnOfNestedField('payload.id')).toBe('payload');
    expect(columnOfNestedField('payload')).toBe('payload');
  });
});
