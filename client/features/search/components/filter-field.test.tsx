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
const listed = () => within(document.getElementById(document.activeElement!.getAttribute('aria-controls')!)!).queryAllByRole('option');
/** Those options as a screen reader names them (without what is aria-hidden). */
const options = () =>
  listed().map((o) => {
      const copy = o.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
      return copy.textContent;
    });
/** Shown: the options' text as drawn (the counts, not their hidden words). */
const drawn = () => listed().map((o) => [...o.childNodes].filter((n) => !(n instanceof HTMLElement && n.classList.contains('visually-hidden'))).map((n) => n.textContent).join(' '));
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
    await waitFor(() => expect(options()).toEqual(['pii, used 125 times', 'pipeline, used 4 times', 'api, used 1 time']));
    expect(requests.lists).toEqual(['/api/metadata/v0/tags']);
    await waitFor(() => expect(said()).toContain('3 suggestions; use the arrow keys to choose one.'));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(tag.value).toBe('pii');
    expect(last()).toMatchObject({ type: 'PUSH' });
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii' } });
    expect(document.activeElement).toBe(tag);

    // After a comma, the next value is completed; those already in the list are not offered again.
    await user.type(tag, ',');
    expect(options()).toEqual(['finance, used 9 times', 'pipeline, used 4 times', 'api, used 1 time']);
    await user.type(tag, 'fin');
    expect(options()).toEqual(['finance, used 9 times']);
    await user.click(screen.getByRole('option', { name: 'finance, used 9 times' }));
    expect(tag.value).toBe('pii, finance');
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii, finance' } });
    // One visit, one history entry: the later changes replace it.
    expect(last()).toMatchObject({ type: 'REPLACE' });
    expect(visits.filter((v) => v.type === 'PUSH')).toHaveLength(1);
    await waitFor(() => expect(requests.at(-1)?.filters).toEqual({ table: { tag: { value: 'pii,finance', filterOperation: 'OR' } } }));
  });

  // A second Escape cleared the field (the search box's practice), and the pause then dropped the filter, unsaid.
  it('keeps an applied value on a second and third Escape: the first closes the list, the next do nothing, and the filter stays', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { last, visits } = renderSearch(`/search?term=orders&filters=${encodeURIComponent(JSON.stringify({ tag: { value: 'pii' } }))}`);
    const user = userEvent.setup();
    const tag = (await screen.findByRole('combobox', { name: 'Tag' })) as HTMLInputElement;
    expect(tag.value).toBe('pii');
    await user.click(tag);
    await user.type(tag, ', fin');
    await waitFor(() => expect(tag.getAttribute('aria-expanded')).toBe('true'));
    await user.keyboard('{Escape}');
    expect(tag.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{Escape}{Escape}');
    expect(tag.value).toBe('pii, fin');
    expect(document.activeElement).toBe(tag);
    await pause();
    // What was typed is applied after the pause, as ever; nothing was cleared.
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii, fin' } });
    expect(visits.every((v) => filtersOf(v.search).tag !== undefined)).toBe(true);
  });

  it('lists the most used values, with their counts, on ↓ with nothing typed (not on focus by Tab); Escape closes the list, Alt+↓ opens it, typing narrows it', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { last } = renderSearch('/search?term=orders');
    const user = userEvent.setup();
    const tag = (await screen.findByRole('combobox', { name: 'Tag' })) as HTMLInputElement;
    expect(tag.getAttribute('aria-expanded')).toBe('false');
    // Reached by Tab from the field before it: the values are fetched, but the list stays shut (decision 111).
    (await screen.findByRole('textbox', { name: 'Column' })).focus();
    await user.tab();
    expect(document.activeElement).toBe(tag);
    await waitFor(() => expect(options()).toEqual(['pii, used 125 times', 'finance, used 9 times', 'pipeline, used 4 times', 'api, used 1 time']));
    expect(tag.getAttribute('aria-expanded')).toBe('false');
    expect(said()).not.toContain('4 suggestions; use the arrow keys to choose one.');
    // Alt+↓ opens it with nothing typed, the most used first, none chosen.
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(drawn()).toEqual(['pii 125', 'finance 9', 'pipeline 4', 'api 1']);
    expect(tag.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('listbox', { name: 'Tag: suggestions' }).id).toBe(tag.getAttribute('aria-controls'));
    expect(tag.getAttribute('aria-activedescendant')).toBeNull();
    expect(said()).toContain('4 suggestions; use the arrow keys to choose one.');
    // Escape closes it and leaves the field as it was, focused.
    await user.keyboard('{Escape}');
    expect(tag.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(tag);
    // Alt+↓ opens it without choosing; Alt+↑ closes it.
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(tag.getAttribute('aria-expanded')).toBe('true');
    expect(tag.getAttribute('aria-activedescendant')).toBeNull();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(tag.getAttribute('aria-expanded')).toBe('false');
    // ↓ opens it on the first value; a click reopens it after Escape.
    await user.keyboard('{ArrowDown}');
    expect(tag.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'pii, used 125 times' }).id);
    await user.keyboard('{Escape}');
    await user.click(tag);
    expect(tag.getAttribute('aria-expanded')).toBe('true');
    // Typing narrows it; emptied again, it lists the most used again.
    await user.type(tag, 'fi');
    expect(options()).toEqual(['finance, used 9 times']);
    await user.clear(tag);
    expect(options()).toHaveLength(4);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(tag.value).toBe('finance');
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'finance' } });
    // No trap: Tab goes on to the next field, and the list closes; the next field's stays shut.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Badge' }));
    expect(tag.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('combobox', { name: 'Badge' }).getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(options()).toEqual(['beta', 'certified']));
  });

  it('lists every source with nothing typed (the UI config\'s, nothing fetched), and says so when the catalog lists no tag', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }), { tags: [] });
    renderSearch('/search?term=orders');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('combobox', { name: 'Source' }));
    expect(options().length).toBeGreaterThan(6);
    expect(options()).toContain('snowflake, Snowflake');
    expect(requests.lists).toEqual([]);
    await user.click(screen.getByRole('combobox', { name: 'Tag' }));
    await waitFor(() => expect(said()).toContain('No known tag; type any value.'));
    expect(screen.getByRole('combobox', { name: 'Tag' }).getAttribute('aria-expanded')).toBe('true');
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
