import { describe, expect, it } from 'vitest';
import { listsEverything } from './lists-everything';

describe('listsEverything', () => {
  it('is true only for the name filter alone with values of * (every dashboard or table)', () => {
    expect(listsEverything('dashboard', { name: { value: '*' } })).toBe(true);
    expect(listsEverything('dashboard', { name: { value: '*,**', filterOperation: 'AND' } })).toBe(true);
    expect(listsEverything('table', { table: { value: '*' } })).toBe(true);
    expect(listsEverything('dashboard', { name: { value: 'week*' } })).toBe(false);
    expect(listsEverything('dashboard', { name: { value: '*,weekly', filterOperation: 'AND' } })).toBe(false);
    expect(listsEverything('dashboard', { name: { value: '*' }, tag: { value: 'kpi' } })).toBe(false);
    expect(listsEverything('dashboard', { tag: { value: '*' } })).toBe(false);
    expect(listsEverything('table', { name: { value: '*' } })).toBe(false);
    expect(listsEverything('user', { full_name: { value: '*' } })).toBe(false);
    expect(listsEverything('dashboard', {})).toBe(false);
  });
});
