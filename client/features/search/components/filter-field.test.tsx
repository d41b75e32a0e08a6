// @vitest-environment jsdom
// The filter panel's fields complete the values the catalog lists (tags, badges, sources), as the
// search box completes `tag:pi`: a field is a combobox for those, any text still goes (Enter applies
// it), a chosen value applies at once, and a visit to a field still adds one history entry. Filters
// whose values nothing lists (schema) stay plain fields.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSearchParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSearchState } from '../../../app/paths';
import { renderAt, stubSearch, table, testConfig } from '../testing/search-fixtures';
import { FILTER_TYPING_DELAY_MS } from './filter-panel';
import { SearchPage } from './search-page';

function SearchRoute() {
  const [params] = useSearchParams();
  return <SearchPage state={parseSearchState(params)} />;
}

const renderSearch = (url: string) => renderAt(url, '/search', <SearchRoute />, testConfig());
const filtersOf = (search: string) => parseSearchState(new URLSearchParams(search)).filters;
/** The options of the focused field's list. */
const options = () => within(document.getElementById(document.activeElement!.getAttribute('aria-controls')!)!).queryAllByRole('option').map((o) => o.textContent);
const said = () => screen.getAllByRole('status').map((s) => s.textContent);
const pause = () => act(() => new Promise((resolve) => setTimeout(resolve, FILTER_TYPING_DELAY_MS + 100)));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a filter field with values the catalog lists', () => {
  it('offers the tags matching what is typed, the most used first, and the arrow keys and Enter choose one', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { last, visits } = renderSearch('/search?term=orders');
    const user = userEvent.setup();
    const tag = (await screen.findByRole('combobox', { name: 'Tag' })) as HTMLInputElement;
    // Its label and hint as before.
    expect(tag.labels?.[0]?.textContent).toBe('Tag');
    expect(document.getElementById(tag.getAttribute('aria-describedby')!)?.textContent).toBe('Comma-separated tags');
    // The lists are asked for once a listed field is used, not with the page.
    expect(requests.lists).toEqual([]);
    await user.type(tag, 'pi');
    await waitFor(() => expect(options()).toEqual(['pii', 'pipeline', 'api']));
    expect(requests.lists).toEqual(['/api/metadata/v0/tags']);
    await waitFor(() => expect(said()).toContain('3 suggestions; use the arrow keys to choose one.'));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(tag.value).toBe('pii');
    expect(last()).toMatchObject({ type: 'PUSH' });
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii' } });
    expect(document.activeElement).toBe(tag);

    // After a comma, the next value is completed; those already in the list are not offered again.
    await user.type(tag, ',');
    expect(options()).toEqual(['finance', 'pipeline', 'api']);
    await user.type(tag, 'fin');
    expect(options()).toEqual(['finance']);
    await user.click(screen.getByRole('option', { name: 'finance' }));
    expect(tag.value).toBe('pii, finance');
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii, finance' } });
    // One visit, one history entry: the later changes replace it.
    expect(last()).toMatchObject({ type: 'REPLACE' });
    expect(visits.filter((v) => v.type === 'PUSH')).toHaveLength(1);
    await waitFor(() => expect(requests.at(-1)?.filters).toEqual({ table: { tag: { value: 'pii,finance', filterOperation: 'OR' } } }));
  });

  it('takes text that matches no listed value: Enter applies it, and the list says none matches', async () => {
    stubSearch(() => ({ table: { total_results: 0, results: [] } }));
    const { last } = renderSearch('/search?term=orders');
    const user = userEvent.setup();
    const badge = (await screen.findByRole('combobox', { name: 'Badge' })) as HTMLInputElement;
    await user.type(badge, 'gold*');
    await waitFor(() => expect(said()).toContain('No known badge matches; the filter uses what you typed.'));
    await user.keyboard('{Enter}');
    expect(filtersOf(last().search)).toEqual({ badges: { value: 'gold*' } });
    // As typing does after a pause.
    await user.clear(badge);
    await user.type(badge, 'cert');
    await waitFor(() => expect(options()).toEqual(['certified']));
    await pause();
    expect(filtersOf(last().search)).toEqual({ badges: { value: 'cert' } });
  });

  it('finds a source by its name too (snow finds snowflake, "Snowflake"), and a product on the dashboards tab', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('a')] }, dashboard: { total_results: 0, results: [] } }));
    const { last } = renderSearch('/search?term=orders');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('combobox', { name: 'Source' }), 'flake');
    expect(options()).toEqual(['snowflake, Snowflake']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(filtersOf(last().search)).toEqual({ database: { value: 'snowflake' } });
    await user.click(screen.getByRole('tab', { name: /^Dashboards/ }));
    await user.type(await screen.findByRole('combobox', { name: 'Product' }), 'tab');
    expect(options()).toEqual(['tableau, Tableau']);
    // The sources come from the UI config: nothing is fetched for them.
    expect(requests.lists).toEqual([]);
  });

  it('leaves a filter whose values nothing lists a plain text field', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    renderSearch('/search?term=orders');
    const user = userEvent.setup();
    for (const name of ['Schema', 'Cluster', 'Table', 'Column']) {
      const field = await screen.findByRole('textbox', { name });
      expect(field.getAttribute('role')).toBeNull();
      await user.type(field, 'sa');
    }
    expect(screen.queryByRole('listbox', { name: /^Schema/ })).toBeNull();
    expect(requests.lists).toEqual([]);
  });
});
