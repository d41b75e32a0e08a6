import { describe, expect, it } from 'vitest';
import { checkDescriptionChain, type DescriptionEdit } from './load-checks';

const edit = (base: string | null, description: string): DescriptionEdit => ({ key: 'k', base, description, word: description });

describe('checkDescriptionChain', () => {
  it('accepts a chain of edits that are all logged when the table reads the last one', () => {
    const chain = [edit('original', 'a'), edit('a', 'b'), edit('b', 'c')];
    const result = checkDescriptionChain('k', chain, new Set(['a', 'b', 'c']), 'c');
    expect(result.problems).toEqual([]);
    expect(result.tail?.description).toBe('c');
  });

  it('reports an acknowledged edit missing from the edit log', () => {
    const result = checkDescriptionChain('k', [edit('original', 'a'), edit('a', 'b')], new Set(['b']), 'b');
    expect(result.problems).toEqual(['lost edit: "a" on k is not in its edit log']);
  });

  it('reports a table that does not read the last acknowledged edit', () => {
    const result = checkDescriptionChain('k', [edit('original', 'a'), edit('a', 'b')], new Set(['a', 'b']), 'a');
    expect(result.problems).toEqual(['lost edit: k reads "a", the last acknowledged edit(s): "b"']);
    expect(result.tail).toBeUndefined();
  });

  it('reports two acknowledged edits on the same base as a lost update', () => {
    const result = checkDescriptionChain('k', [edit('original', 'a'), edit('original', 'b')], new Set(['a', 'b']), 'b');
    expect(result.problems).toEqual(['lost edit: k reads "b", the last acknowledged edit(s): "a", "b"']);
  });
});
