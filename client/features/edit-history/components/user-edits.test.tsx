// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, testConfig } from '../../../components/testing/render-with-app';
import { edit, stubHistory } from '../testing/edit-fixtures';
import { UNAVAILABLE_TEXT } from './history-view';
import { UserEdits } from './user-edits';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const config = testConfig({}, { indexUsers: true });

describe('UserEdits', () => {
  it('lists what a person changed, each with the table or dashboard it belongs to and a link there', async () => {
    const urls = stubHistory(() => ({
      edits: [
        edit({ resource_type: 'column', resource_key: 'hive://gold.sales/orders/order_id', parent_key: 'hive://gold.sales/orders', subject: 'order_id' }),
        edit({ resource_type: 'dashboard', resource_key: 'mode_dashboard://prod.sales/revenue', parent_key: 'mode_dashboard://prod.sales/revenue', field: 'tags', action: 'add', before: [], after: ['kpi'] }),
      ],
    }));
    renderWithApp(<UserEdits userId="liv.arnesen@example.org" name="Liv Arnesen" isMe={false} />, { config });

    const list = await screen.findByRole('list', { name: 'Edits by Liv Arnesen, newest first' });
    expect(urls.map((u) => `${u.pathname}${u.search}`)).toEqual(['/api/metadata/v0/user/edits?user_id=liv.arnesen%40example.org']);
    const [column, dashboard] = within(list).getAllByTestId('edit');
    expect(within(column!).getByRole('heading', { name: 'Description of column order_id' })).toBeTruthy();
    expect(within(column!).getByRole('link', { name: 'sales.orders' }).getAttribute('href')).toBe('/table_detail/gold/hive/sales/orders?column=order_id');
    // The person is not named again on their own list.
    expect(within(column!).queryByText('Liv Arnesen')).toBeNull();
    expect(within(dashboard!).getByRole('link', { name: 'revenue' }).getAttribute('href')).toBe('/dashboard/mode_dashboard%3A%2F%2Fprod.sales%2Frevenue');
    expect(within(within(dashboard!).getByRole('list', { name: 'Added' })).getByText('kpi')).toBeTruthy();
  });

  it('names a dashboard as the catalog does, and the owners an edit added or removed by name, linked to their profiles', async () => {
    const DASH = 'mode_dashboard://prod.sales/churn_overview_0';
    stubHistory(() => ({
      edits: [
        edit({ resource_type: 'dashboard', resource_key: DASH, parent_key: DASH, parent_name: 'Churn Overview', field: 'tags', action: 'add', before: [], after: ['kpi'] }),
        edit({
          field: 'owners', action: 'add', before: ['old@example.org'], after: ['liv.arnesen@example.org', 'typo'],
          people: [{ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', is_active: true }, { user_id: 'old@example.org', display_name: null, is_active: false }],
        }),
      ],
    }));
    renderWithApp(<UserEdits userId="roald.amundsen@example.org" name="Roald Amundsen" isMe={false} />, { config });
    const [dashboard, owners] = await screen.findAllByTestId('edit');
    expect(within(dashboard!).getByRole('link', { name: 'Churn Overview' }).getAttribute('href')).toBe('/dashboard/mode_dashboard%3A%2F%2Fprod.sales%2Fchurn_overview_0');
    const added = within(owners!).getByRole('list', { name: 'Added' });
    expect(within(added).getByRole('link', { name: 'Liv Arnesen' }).getAttribute('href')).toBe('/user/liv.arnesen%40example.org');
    // An id the catalog does not know stays as written, leading nowhere.
    expect(within(added).getByText('typo').closest('a')).toBeNull();
    expect(within(added).queryByText('liv.arnesen@example.org')).toBeNull();
    const removed = within(owners!).getByRole('list', { name: 'Removed' });
    expect(within(removed).getByRole('link', { name: 'old@example.org' }).getAttribute('href')).toBe('/user/old%40example.org');
    expect(within(removed).getByText('No longer active')).toBeTruthy();
  });

  it('names owners without profile links when profiles are off (an email link to an email-like id)', async () => {
    stubHistory(() => ({
      edits: [edit({ field: 'owners', action: 'add', before: [], after: ['liv.arnesen@example.org'], people: [{ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', is_active: true }] })],
    }));
    renderWithApp(<UserEdits userId="roald.amundsen@example.org" name="Roald Amundsen" isMe />, { config: testConfig({}, { indexUsers: false }) });
    const [owners] = await screen.findAllByTestId('edit');
    const added = within(owners!).getByRole('list', { name: 'Added' });
    expect(within(added).getByText('Liv Arnesen').closest('a')?.getAttribute('href')).toBe('mailto:liv.arnesen@example.org');
  });

  it('puts the edits under an h2, so their h3 headings follow the profile\'s h1 without a gap', async () => {
    stubHistory(() => ({ edits: [edit({ subject: 'order_id' })] }));
    renderWithApp(<UserEdits userId="liv.arnesen@example.org" name="Liv Arnesen" isMe={false} />, { config });
    await screen.findAllByTestId('edit');
    const levels = screen.getAllByRole('heading').map((h) => [Number(h.tagName.slice(1)), h.textContent]);
    expect(levels[0]).toEqual([2, 'Edits by Liv Arnesen']);
    expect(levels.slice(1).map(([level]) => level)).toEqual([3]);
    expect(screen.getByRole('region', { name: 'Edits by Liv Arnesen' })).toBeTruthy();
  });

  it('says so when you have edited nothing yet, and when the metadata service keeps no edit log', async () => {
    stubHistory(() => ({ edits: [] }));
    renderWithApp(<UserEdits userId="roald.amundsen@example.org" name="Roald Amundsen" isMe />, { config });
    expect(await screen.findByText('You have not edited any descriptions, tags or owners yet.')).toBeTruthy();
    cleanup();

    stubHistory(() => ({ available: false, edits: [] }));
    renderWithApp(<UserEdits userId="roald.amundsen@example.org" name="Roald Amundsen" isMe />, { config });
    expect(await screen.findByText(`${UNAVAILABLE_TEXT}.`)).toBeTruthy();
  });
});
