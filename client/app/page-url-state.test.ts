import { describe, expect, it } from 'vitest';
import { profileListPageOf, withProfileListPage, withProfileTab } from './page-url-state';

describe('a profile’s tab and pages in its URL', () => {
  it('reads each list’s one-based page, the first page for a missing or malformed one', () => {
    const page = (query: string, list: 'table' | 'dashboard' = 'table') => profileListPageOf(new URLSearchParams(query), list);
    expect(page('page=3')).toBe(2);
    expect(page('page=3&dashboardPage=2', 'dashboard')).toBe(1);
    expect(page('dashboardPage=2')).toBe(0);
    for (const bad of ['', 'page=0', 'page=-2', 'page=abc', 'page=1.5', 'page=']) expect(page(bad), bad).toBe(0);
  });

  it('sets a list’s page keeping the tab and the other list’s page, and leaves the first page out', () => {
    expect(withProfileListPage(new URLSearchParams('tab=read'), 'table', 2).toString()).toBe('tab=read&page=3');
    expect(withProfileListPage(new URLSearchParams('page=3'), 'dashboard', 1).toString()).toBe('page=3&dashboardPage=2');
    expect(withProfileListPage(new URLSearchParams('tab=read&page=3'), 'table', 0).toString()).toBe('tab=read');
  });

  it('opens another tab on its first pages', () => {
    expect(withProfileTab(new URLSearchParams('page=3&dashboardPage=2'), 'read').toString()).toBe('tab=read');
    expect(withProfileTab(new URLSearchParams('tab=read&page=2'), null).toString()).toBe('');
  });
});
