// @vitest-environment jsdom
// Filters typed in the search box (`tag:pi`, decision 076): the box completes the filter with its
// values, says how many, never searches the filter's text as words, and keeps suggesting results for
// the other words, with the filters already typed applied.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchRequest } from '../../../../contract/api-search';
import { searchPath } from '../../../app/paths';
import { renderAt, table, testConfig } from '../testing/search-fixtures';
import { loadSuggestions, SearchForm } from './search-form';
import { SUGGESTION_DELAY_MS } from './search-suggestions';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** The catalog's tags and badges, and one table for any search; every request noted. */
function stubCatalog() {
  const searches: SearchRequest[] = [];
  const urls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    urls.push(url);
    if (url === '/api/metadata/v0/tags') return json({ msg: 'Success', tags: [{ tag_name: 'api', tag_count: 1 }, { tag_name: 'pii', tag_count: 125 }, { tag_name: 'pipeline', tag_count: 4 }, { tag_name: 'finance', tag_count: 9 }] });
    if (url === '/api/metadata/v0/badges') return json({ msg: 'Success', badges: [{ badge_name: 'certified', category: 'table_status' }, { badge_name: 'pk', category: 'column' }, { badge_name: 'beta', category: 'table_status' }, { badge_name: 'pii', category: 'column' }, { badge_name: 'platinum', category: 'table_status' }] });
    if (url !== '/api/search/v1/search') throw new Error(`unexpected request to ${url}`);
    const request = JSON.parse(String(init.body)) as SearchRequest;
    searches.push(request);
    return json({ search_term: request.searchTerm, msg: 'Success', ...Object.fromEntries(request.resources!.map((r) => [r, { page_index: 0, total_results: 1, results: r === 'table' ? [table('orders')] : [] }])) });
  }));
  return { searches, urls };
}

async function renderBox() {
  const view = renderAt('/', '*', <SearchForm variant="home" label="Search for data" placeholder="Search" searchPathFor={(term) => searchPath({ term })} />, testConfig());
  await act(() => loadSuggestions());
  const box = (await screen.findByRole('combobox', { name: 'Search for data' })) as HTMLInputElement;
  return { ...view, box };
}

const said = () => screen.getAllByRole('status').map((s) => s.textContent);
const pause = () => new Promise((resolve) => setTimeout(resolve, SUGGESTION_DELAY_MS + 150));

describe('a filter typed in the search box', () => {
  it('is completed with its values, the most used first, said and chosen with the keyboard; its text is not searched as words', async () => {
    const { searches } = stubCatalog();
    const { box } = await renderBox();
    const user = userEvent.setup();
    await user.type(box, 'tag:pi');
    const tags = within(await screen.findByRole('group', { name: 'Tag' }));
    expect(tags.getAllByRole('option').map((o) => o.textContent)).toEqual(['pii', 'pipeline', 'api']);
    await waitFor(() => expect(said()).toContain('3 suggestions; use the arrow keys to choose one.'));
    await pause();
    expect(searches).toEqual([]);

    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(tags.getAllByRole('option')[0]!.id);
    await user.keyboard('{Enter}');
    expect(box.value).toBe('tag:pii ');
    expect(document.activeElement).toBe(box);
    // Words after it are searched with the filter applied.
    await user.type(box, 'ord');
    await waitFor(() => expect(searches.at(-1)).toMatchObject({ searchTerm: 'ord', filters: { table: { tag: { value: 'pii' } }, dashboard: { tag: { value: 'pii' } } } }), { timeout: 2000 });
    expect(searches.every((s) => !s.searchTerm.includes(':'))).toBe(true);
    expect(await screen.findByRole('group', { name: 'Datasets' })).toBeTruthy();
  });

  it('keeps suggesting results for the words typed before it', async () => {
    const { searches } = stubCatalog();
    const { box } = await renderBox();
    await userEvent.setup().type(box, 'orders badge:cer');
    expect(within(await screen.findByRole('group', { name: 'Badge' })).getByRole('option', { name: 'certified' })).toBeTruthy();
    expect(await screen.findByRole('group', { name: 'Datasets' }, { timeout: 2000 })).toBeTruthy();
    expect(searches.map((s) => s.searchTerm)).toEqual(['orders']);
  });

  it('completes `badge:` with table badges only: a column badge (PK, PII) never matches a table', async () => {
    stubCatalog();
    const { box } = await renderBox();
    await userEvent.setup().type(box, 'badge:p');
    const badges = within(await screen.findByRole('group', { name: 'Badge' }));
    expect(badges.getAllByRole('option').map((o) => o.textContent)).toEqual(['platinum']);
  });

  it('whose values the catalog does not list (schema) searches nothing and says what Enter does', async () => {
    const { searches, urls } = stubCatalog();
    const { box, last } = await renderBox();
    const user = userEvent.setup();
    await user.type(box, 'schema:sal');
    await waitFor(() => expect(said()).toContain('Press Enter to search with the schema filter.'));
    await pause();
    expect(searches).toEqual([]);
    expect(urls).toEqual([]);
    await user.keyboard('{Enter}');
    expect(`${last().path}${last().search}`).toBe('/search?term=schema:sal');
  });
});
