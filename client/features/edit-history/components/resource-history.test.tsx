// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatInstant } from '../../../../contract/date-format';
import { pageStatus, renderWithApp, testConfig } from '../../../components/testing/render-with-app';
import { edit, stubHistory } from '../testing/edit-fixtures';
import { UNAVAILABLE_TEXT } from './history-view';
import { ResourceHistory } from './resource-history';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderHistory = (config = testConfig({}, { indexUsers: true })) =>
  renderWithApp(<ResourceHistory type="table" resourceKey="hive://gold.sales/orders" name="sales.orders" />, { config });
const items = () => within(screen.getByRole('list', { name: 'Edits of sales.orders, newest first' })).getAllByTestId('edit');

describe('ResourceHistory', () => {
  it('asks for the table’s history and shows each edit: the field, who, when and the change', async () => {
    const when = Date.UTC(2026, 11, 5, 14, 30);
    const urls = stubHistory(() => ({
      edits: [
        edit({ field: 'description', before: 'One row per order', after: 'One row per paid order', edited_at: when }),
        edit({ resource_type: 'column', resource_key: 'hive://gold.sales/orders/order_id', subject: 'order_id', before: null, after: 'The order' }),
        edit({ field: 'tags', action: 'add', before: ['finance'], after: ['finance', 'core'], editor: { user_id: 'roald@example.org', display_name: 'Roald Amundsen' } }),
        edit({ field: 'owners', action: 'remove', before: ['liv@example.org', 'borge@example.org'], after: ['liv@example.org'] }),
      ],
    }));
    renderHistory(testConfig({ date: { default: 'YYYY-MM-DD', dateTimeShort: 'YYYY-MM-DD HH:mm', dateTimeLong: 'YYYY-MM-DD HH:mm:ss' } }, { indexUsers: true }));

    await screen.findByRole('list', { name: 'Edits of sales.orders, newest first' });
    expect(urls.map((u) => `${u.pathname}${u.search}`)).toEqual([`/api/metadata/v0/edits?type=table&key=${encodeURIComponent('hive://gold.sales/orders')}`]);
    const [description, column, tags, owners] = items();

    // The description: who (their profile), when (the UI config's format), and the words changed.
    expect(within(description!).getByRole('heading', { name: 'Description' })).toBeTruthy();
    expect(within(description!).getByRole('link', { name: 'Liv Arnesen' }).getAttribute('href')).toBe('/user/liv.arnesen%40example.org');
    const time = within(description!).getByText(formatInstant(when / 1000, 'YYYY-MM-DD HH:mm'));
    expect(time.getAttribute('datetime')).toBe('2026-12-05T14:30:00.000Z');
    const diff = within(description!).getByTestId('description-diff');
    expect(diff.querySelector('ins')?.textContent).toBe('[added: paid]');
    expect(diff.querySelector('del')).toBeNull();
    // Only the words are marked, not the spaces around them.
    expect(diff.textContent).toBe('One row per [added: paid] order');

    // A column's description names the column; a first description is all added.
    expect(within(column!).getByRole('heading', { name: 'Description of column order_id' })).toBeTruthy();
    expect(within(column!).getByTestId('description-diff').textContent).toBe('[added: The order]');

    // Tags and owners: what was added and removed.
    expect(within(tags!).getByRole('heading', { name: 'Tags' })).toBeTruthy();
    expect(within(tags!).getByRole('link', { name: 'Roald Amundsen' })).toBeTruthy();
    expect(within(within(tags!).getByRole('list', { name: 'Added' })).getByText('core')).toBeTruthy();
    expect(within(tags!).queryByRole('list', { name: 'Removed' })).toBeNull();
    expect(within(within(owners!).getByRole('list', { name: 'Removed' })).getByText('borge@example.org')).toBeTruthy();
    expect(within(owners!).queryByRole('list', { name: 'Added' })).toBeNull();
  });

  it('asks for a dashboard’s history by its uri, and says what will show there while it has none', async () => {
    const urls = stubHistory(() => ({ edits: [] }));
    const uri = 'mode_dashboard://prod.sales/revenue';
    renderWithApp(<ResourceHistory type="dashboard" resourceKey={uri} name="Revenue" />);
    expect(await screen.findByText('Changes to the tags of Revenue will show here.')).toBeTruthy();
    expect(urls[0]?.searchParams.get('type')).toBe('dashboard');
    expect(urls[0]?.searchParams.get('key')).toBe(uri);
  });

  it('shows a description’s whole text before and after on demand', async () => {
    const user = userEvent.setup();
    stubHistory(() => ({ edits: [edit({ before: 'Orders, raw.', after: 'Orders, cleaned.' })] }));
    renderHistory();

    const diff = await screen.findByTestId('description-diff');
    expect(diff.querySelector('del')?.textContent).toBe('[removed: raw.]');
    expect(diff.querySelector('ins')?.textContent).toBe('[added: cleaned.]');
    expect(screen.queryByRole('heading', { name: 'Before' })).toBeNull();

    const toggle = screen.getByRole('button', { name: 'Before and after' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Before' }).parentElement?.textContent).toBe('BeforeOrders, raw.');
    expect(screen.getByRole('heading', { name: 'After' }).parentElement?.textContent).toBe('AfterOrders, cleaned.');
  });

  it('links the editor to no profile when profiles are off (no profile page to go to), only to an email to their email-like id', async () => {
    stubHistory(() => ({ edits: [edit()] }));
    renderHistory(testConfig({}, { indexUsers: false }));
    const [only] = await screen.findAllByTestId('edit');
    expect(within(only!).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([expect.stringMatching(/^mailto:/)]);
    expect(within(only!).getByText('Liv Arnesen')).toBeTruthy();
  });

  it('loads older edits a page at a time with "Show older", and moves the focus to the first older one', async () => {
    const user = userEvent.setup();
    const urls = stubHistory((url) =>
      url.searchParams.get('before') === 'cursor-2'
        ? { edits: [edit({ after: 'third' })], next_before: null }
        : { edits: [edit({ after: 'first' }), edit({ after: 'second' })], next_before: 'cursor-2' },
    );
    renderHistory();

    await screen.findByRole('list', { name: 'Edits of sales.orders, newest first' });
    expect(items()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Show older' }));

    await waitFor(() => expect(items()).toHaveLength(3));
    expect(urls[1]?.searchParams.get('before')).toBe('cursor-2');
    expect(items().map((li) => within(li).getByTestId('description-diff').textContent)).toEqual([
      expect.stringContaining('first'),
      expect.stringContaining('second'),
      expect.stringContaining('third'),
    ]);
    expect(document.activeElement).toBe(items()[2]);
    // The last page: nothing older to show.
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('keeps the edits shown when an older page fails, and says so', async () => {
    const user = userEvent.setup();
    stubHistory((url) => (url.searchParams.get('before') ? { status: 502, message: 'The metadata service did not answer' } : { edits: [edit()], next_before: 'cursor-1' }));
    renderHistory();

    await user.click(await screen.findByRole('button', { name: 'Show older' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Older edits could not be loaded: The metadata service did not answer');
    expect(items()).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Show older' })).toBeTruthy();
  });

  it('says there are no edits yet for a table nobody has edited', async () => {
    stubHistory(() => ({ edits: [] }));
    renderHistory();
    expect(await screen.findByText('No edits yet')).toBeTruthy();
    expect(screen.queryByRole('list', { name: /Edits of/ })).toBeNull();
  });

  it('says history is not available when the metadata service keeps no edit log (real Amundsen)', async () => {
    stubHistory(() => ({ available: false, edits: [] }));
    renderHistory();
    expect(await screen.findByText(`${UNAVAILABLE_TEXT}.`)).toBeTruthy();
    expect(screen.queryByText('No edits yet')).toBeNull();
  });

  it('shows the loading state, then an error with a way to try again', async () => {
    const user = userEvent.setup();
    let fail = true;
    stubHistory(() => (fail ? { status: 503, message: 'The metadata service is unavailable' } : { edits: [edit()] }));
    renderHistory();

    // The loading region is there at once; it says "Loading the history" only if the load lasts (skeleton.test.tsx).
    expect(pageStatus().closest('.skeleton-list')).toBeTruthy();
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('The history could not be loaded');
    expect(error.textContent).toContain('The metadata service is unavailable');

    fail = false;
    await user.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('edit')).toHaveLength(1);
  });
});
