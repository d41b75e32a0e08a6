import { describe, expect, it } from 'vitest';
import { homeBookmarksOf, profileListPageOf, withHomeBookmarksPage, withHomeBookmarksTab, withProfileListPage, withProfileTab } from './page-url-state';

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

describe('the home page’s “My bookmarks” tab and page in its URL', () => {
  it('reads the tab (tables unless it says dashboards) and the one-based page', () => {
    const state = (query: string) => homeBookmarksOf(new URLSearchParams(query));
    expect(state('')).toEqual({ tab: 'table', pageIndex: 0 });
    expect(state('bookmarks=dashboard&bookmarksPage=3')).toEqual({ tab: 'dashboard', pageIndex: 2 });
    expect(state('bookmarks=user&bookmarksPage=2')).toEqual({ tab: 'table', pageIndex: 1 });
    for (const bad of ['bookmarksPage=0', 'bookmarksPage=-1', 'bookmarksPage=abc', 'page=3']) expect(state(bad), bad).toEqual({ tab: 'table', pageIndex: 0 });
  });

  it('opens a tab on its first page, and pages, keeping the other parameters; the defaults leave no parameter', () => {
    expect(withHomeBookmarksTab(new URLSearchParams('x=1&bookmarksPage=3'), 'dashboard').toString()).toBe('x=1&bookmarks=dashboard');
    expect(withHomeBookmarksTab(new URLSearchParams('bookmarks=dashboard&bookmarksPage=2'), 'table').toString()).toBe('');
    expect(withHomeBookmarksPage(new URLSearchParams('bookmarks=dashboard'), 1).toString()).toBe('bookmarks=dashboard&bookmarksPage=2');
    expect(withHomeBookmarksPage(new URLSearchParams('x=1&bookmarksPage=2'), 0).toString()).toBe('x=1');
  });
});
