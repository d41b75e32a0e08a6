// @vitest-environment jsdom
// Editing on the table page, through the mutation hooks and the fetch wrapper to a stubbed BFF: each
// change shows at once (on the page and in cached search results), rolls back with the server's
// message when refused, and a stale description opens the conflict view.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientConfig } from '../../../../contract/ui-config';
import { pageStatus, testConfig, testUser } from '../../../components/testing/render-with-app';
import { editableTable, renderEditing, stubBff } from '../testing/edit-fixtures';
import { TablePage } from './table-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const coordinates = { database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders' };
const searchKey = ['search', 'results', { term: 'orders' }];
const cachedSearch = (description: string, tags: string[]) => ({
  search_term: 'orders',
  msg: 'ok',
  table: { page_index: 0, total_results: 1, results: [{ type: 'table', key: 'hive://gold.sales/orders', name: 'orders', description, tags }] },
});

async function openPage(server: Parameters<typeof stubBff>[0], refuse?: Parameters<typeof stubBff>[1], config?: ClientConfig) {
  const bff = stubBff(server, refuse);
  const view = renderEditing(<TablePage coordinates={coordinates} targetColumn={null} />, { config });
  await screen.findByRole('heading', { level: 1 });
  return { bff, ...view, user: userEvent.setup() };
}

describe('the table page for a person who may not edit', () => {
  it('shows no edit controls, and the reason the server gave', async () => {
    const rights = { descriptions: false, tags: false, owners: false, reason: 'Editing hive tables needs the editor role' };
    await openPage({ table: editableTable({ edit_rights: rights, is_editable: false, owners: [testUser()] }) });
    expect(screen.getByTestId('edit-rights-note').textContent).toContain('Editing hive tables needs the editor role');
    // The columns table is named by its section's heading.
    expect(screen.getByRole('table', { name: /^Columns/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Add / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
  });

  it('shows only the controls the person has the right to', async () => {
    await openPage({ table: editableTable({ edit_rights: { descriptions: true, tags: false, owners: false, reason: 'Tags and owners need the owner-editor role' }, tags: [{ tag_type: 'default', tag_name: 'sales' }] }) });
    expect(screen.getByRole('button', { name: 'Edit description' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit description of order_id' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add tag' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove tag sales' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add owner' })).toBeNull();
    expect(screen.getByTestId('edit-rights-note').textContent).toContain('Tags and owners need the owner-editor role');
  });
});

describe('editing the table description', () => {
  it('sends the text it began from, shows the new text in the cached search results before the server answers, and keeps it after', async () => {
    const server = { table: editableTable() };
    const { bff, queryClient, user } = await openPage(server);
    queryClient.setQueryData(searchKey, cachedSearch('Orders placed in the shop', ['sales']));
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    const box = screen.getByRole('textbox', { name: 'Description of sales.orders' });
    await user.clear(box);
    await user.type(box, 'Orders paid online');
    bff.hold();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(queryClient.getQueryData<ReturnType<typeof cachedSearch>>(searchKey)?.table.results[0]?.description).toBe('Orders paid online'));
    expect(bff.writes()).toEqual([{ method: 'PUT', path: '/api/metadata/v0/put_table_description', body: { key: 'hive://gold.sales/orders', description: 'Orders paid online', base: 'Orders placed in the shop' } }]);
    act(() => bff.release());
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(screen.getByText('Orders paid online')).toBeTruthy();
    // Refetched after the write: the search answers are stale, the page asked the server again.
    expect(queryClient.getQueryState(searchKey)?.isInvalidated).toBe(true);
    await waitFor(() => expect(bff.calls.filter((c) => c.path === '/api/metadata/v0/table')).toHaveLength(2));
  });

  it('confirms a saved description once, politely: "Description saved"', async () => {
    const { user } = await openPage({ table: editableTable() });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const toasts = within(screen.getByRole('region', { name: 'Notifications' }));
    expect((await toasts.findByRole('status')).textContent).toContain('Description saved');
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refused save once, beside the text, and not again in a toast', async () => {
    const { user } = await openPage({ table: editableTable() }, (call) =>
      call.method === 'PUT' ? { status: 403, body: { error: { name: 'NotAllowedError', message: 'Editing descriptions needs the editor role.', code: 'edit_forbidden' } } } : undefined,
    );
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Editing descriptions needs the editor role.');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'Notifications' }).textContent).toBe('');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Orders placed in the shop!');
  });

  it('shows a description of only spaces and blank lines as no description, the same words as a column without one', async () => {
    const table = editableTable({ description: '   \n\t ' });
    await openPage({ table: { ...table, columns: [{ ...table.columns[0]!, description: '  ' }, ...table.columns.slice(1)] } });
    const section = screen.getByRole('region', { name: 'Description' });
    expect(within(section).getByText('No description')).toBeTruthy();
    const firstRow = screen.getByRole('row', { name: /order_id/ });
    expect(within(firstRow).getByText('No description')).toBeTruthy();
  });

  it('opens the conflict view (and no toast) when someone else saved meanwhile, and Keep mine saves over theirs', async () => {
    const theirs = { description: 'Orders paid in the web shop', edited_by: 'liv.arnesen@example.org', edited_at: '2026-12-06T03:00:00Z' };
    const server = { table: editableTable() };
    let conflictsLeft = 1;
    const { bff, user } = await openPage(server, (call) => {
      if (call.path !== '/api/metadata/v0/put_table_description' || conflictsLeft-- <= 0) return undefined;
      server.table = { ...server.table, description: theirs.description };
      return { status: 409, body: { error: { name: 'ConflictError', message: 'Someone else changed this description.', code: 'edit_conflict' }, current: theirs } };
    });
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), ', all of them');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const region = await screen.findByRole('region', { name: 'Someone else changed this description' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(region).getByTestId('conflict-mine').textContent).toBe('Orders placed in the shop, all of them');
    await user.click(within(region).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Someone else changed this description' })).toBeNull());
    expect(bff.writes().map((w) => w.body)).toEqual([
      { key: 'hive://gold.sales/orders', description: 'Orders placed in the shop, all of them', base: 'Orders placed in the shop' },
      { key: 'hive://gold.sales/orders', description: 'Orders placed in the shop, all of them', base: 'Orders paid in the web shop' },
    ]);
    expect(await screen.findByText('Orders placed in the shop, all of them')).toBeTruthy();
  });
});

describe('editing descriptions of columns and nested fields', () => {
  it('saves a column description with Enter and shows it in the columns table', async () => {
    const { bff, user } = await openPage({ table: editableTable() });
    await user.click(screen.getByRole('button', { name: 'Edit description of order_id' }));
    const box = screen.getByRole('textbox', { name: 'Description of order_id' });
    // Column descriptions are shown as Markdown (decision 105): the editor says so.
    expect(screen.getByText(/Markdown: \*\*bold\*\*/)).toBeTruthy();
    await user.clear(box);
    await user.type(box, 'One row per order{Enter}');
    expect(bff.writes()[0]).toEqual({ method: 'PUT', path: '/api/metadata/v0/put_column_description', body: { key: 'hive://gold.sales/orders', column_name: 'order_id', description: 'One row per order', base: 'The order' } });
    expect(await screen.findByText('One row per order')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit description of order_id' }));
  });

  it('saves a nested field description with the nested type key, its Edit button named by the field’s whole path', async () => {
    const { bff, user } = await openPage({ table: editableTable() }, (call) => (call.method === 'PUT' ? { status: 200, body: { msg: 'ok', description: 'Town' } } : undefined));
    await user.click(screen.getByRole('button', { name: 'address' }));
    await user.click(await screen.findByRole('button', { name: 'Edit description of address.city' }));
    const box = screen.getByRole('textbox', { name: 'Description of address.city' });
    await user.clear(box);
    await user.type(box, 'Town{Enter}');
    expect(bff.writes()[0]?.body).toEqual({ key: 'hive://gold.sales/orders', type_metadata_key: 'hive://gold.sales/orders/address/type/address/city', description: 'Town', base: 'Where it goes' });
    expect(bff.writes()[0]?.path).toBe('/api/metadata/v0/put_type_metadata_description');
  });
});

describe('unsaved text when the session ends', () => {
  const sessionEnded = { status: 401, body: { error: { name: 'Unauthorized', message: 'Log in to continue.' } } };
  /** address.geo.lat: a nested field two levels down, whose column and parent start closed. */
  const nestedTable = () => {
    const t = editableTable();
    const base = 'hive://gold.sales/orders/address/type/address';
    type Node = NonNullable<(typeof t.columns)[number]['type_metadata']>;
    const field = (name: string, key: string, children: Node[] = []): Node => ({ kind: children.length ? 'struct' : 'scalar', name, key, description: null, data_type: children.length ? 'struct<lat:double>' : 'double', sort_order: 0, badges: [], children });
    const address = { ...t.columns[1]!, type_metadata: field('address', base, [field('geo', `${base}/geo`, [field('lat', `${base}/geo/lat`)])]) };
    return editableTable({ columns: [t.columns[0]!, address] });
  };

  it('keeps a nested field’s text when its save answers 401, and on the page opened again opens its column and parent and restores it', async () => {
    const refuse = (call: { method: string }) => (call.method === 'PUT' ? sessionEnded : undefined);
    const first = await openPage({ table: nestedTable() }, refuse);
    await first.user.click(screen.getByRole('button', { name: 'address' }));
    await first.user.click(await screen.findByRole('button', { name: /^geo/ }));
    await first.user.click(await screen.findByRole('button', { name: 'Edit description of address.geo.lat' }));
    await first.user.type(screen.getByRole('textbox', { name: 'Description of address.geo.lat' }), 'Degrees north{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Your text is kept');
    first.unmount();

    // Back from logging in: a new page, everything closed — except the way to the kept text.
    const second = await openPage({ table: nestedTable() });
    const box = (await screen.findByRole('textbox', { name: 'Description of address.geo.lat' })) as HTMLTextAreaElement;
    expect(box.value).toBe('Degrees north');
    expect(pageStatus().textContent).toBe('Your unsaved text was restored. It is not saved yet.');
    expect(screen.queryByRole('textbox', { name: 'Description of order_id' })).toBeNull();
    await second.user.type(box, '{Enter}');
    await waitFor(() => expect(second.bff.writes()).toHaveLength(1));
    expect(second.bff.writes()[0]?.body).toEqual({ key: 'hive://gold.sales/orders', type_metadata_key: 'hive://gold.sales/orders/address/type/address/geo/lat', description: 'Degrees north', base: null });
  });

  it('restores a column’s text kept before the session ended, and drops it when discarded', async () => {
    const first = await openPage({ table: editableTable() });
    await first.user.click(screen.getByRole('button', { name: 'Edit description of order_id' }));
    await first.user.type(screen.getByRole('textbox', { name: 'Description of order_id' }), ' placed');
    first.unmount(); // a 401 on any request sends the browser to log in, typing or not

    const second = await openPage({ table: editableTable() });
    expect((screen.getByRole('textbox', { name: 'Description of order_id' }) as HTMLTextAreaElement).value).toBe('The order placed');
    await second.user.click(screen.getByRole('button', { name: 'Discard it (Description of order_id)' }));
    second.unmount();

    await openPage({ table: editableTable() });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(second.bff.writes()).toEqual([]);
  });
});

describe('editing tags and owners', () => {
  it('adds a tag at once, on the page and in cached search results, and removes one', async () => {
    const { bff, queryClient, user } = await openPage({ table: editableTable(), tags: ['finance'] });
    queryClient.setQueryData(searchKey, cachedSearch('x', ['sales']));
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    bff.hold();
    await user.type(screen.getByRole('combobox', { name: 'Add tag' }), 'churn_risk{Enter}');
    const tags = () => within(screen.getByRole('list', { name: 'Tags' }));
    expect(await tags().findByRole('link', { name: 'churn_risk' })).toBeTruthy();
    expect(queryClient.getQueryData<ReturnType<typeof cachedSearch>>(searchKey)?.table.results[0]?.tags).toEqual(['sales', 'churn_risk']);
    const box = screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement;
    // The text stays until the server took the tag.
    expect(box.value).toBe('churn_risk');
    act(() => bff.release());
    await waitFor(() => expect(box.value).toBe(''));
    await user.click(screen.getByRole('button', { name: 'Remove tag sales' }));
    await waitFor(() => expect(tags().queryByRole('link', { name: 'sales' })).toBeNull());
    expect(bff.writes()).toEqual([
      { method: 'PUT', path: '/api/metadata/v0/update_table_tags', body: { key: 'hive://gold.sales/orders', tag: 'churn_risk' } },
      { method: 'DELETE', path: '/api/metadata/v0/update_table_tags', body: { key: 'hive://gold.sales/orders', tag: 'sales' } },
    ]);
  });

  it('shows a tag and an owner added in the side panel in the key facts at the top (for narrow screens) at once', async () => {
    const { user } = await openPage({ table: editableTable({ owners: [] }), tags: ['finance'] });
    const keyFact = (label: string) => within(screen.getByTestId('key-facts')).getByText(label, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(keyFact('Tags')).toBe('sales');
    expect(keyFact('Owners')).toBe('No owners');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Add tag' }), 'churn_risk{Enter}');
    await waitFor(() => expect(keyFact('Tags')).toBe('sales, churn_risk'));
    await user.click(screen.getByRole('button', { name: 'Add owner' }));
    await user.type(screen.getByRole('textbox', { name: 'Add owner' }), 'liv.arnesen@example.org{Enter}');
    await waitFor(() => expect(keyFact('Owners')).toMatch(/^liv\.arnesen@example\.org|^Liv Arnesen/));
  });

  it('takes a refused tag back off the page and shows the server message in a toast', async () => {
    const { user } = await openPage({ table: editableTable() }, (call) =>
      call.path === '/api/metadata/v0/update_table_tags' ? { status: 403, body: { error: { name: 'NotAllowedError', message: 'Changing tags needs the editor role.', code: 'edit_forbidden' } } } : undefined,
    );
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Add tag' }), 'churn_risk{Enter}');
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('Could not add the tag churn_risk');
    expect(toast.textContent).toContain('Changing tags needs the editor role.');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Tags' })).queryByRole('link', { name: 'churn_risk' })).toBeNull());
    // What was typed is still there to correct.
    expect((screen.getByRole('combobox', { name: 'Add tag' }) as HTMLInputElement).value).toBe('churn_risk');
  });

  it('says a refused tag once, in the toast, not again in the suggestion list open when the answer came, which still shows it', async () => {
    const { bff, user } = await openPage({ table: editableTable() }, (call) =>
      call.path === '/api/metadata/v0/update_table_tags' ? { status: 403, body: { error: { name: 'NotAllowedError', message: 'Changing tags needs the editor role.', code: 'edit_forbidden' } } } : undefined,
    );
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    bff.hold();
    await user.type(box, 'churn_risk{Enter}');
    // The list opened again (the arrow keys) while the write was on its way.
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    act(() => bff.release());
    expect((await screen.findByRole('alert')).textContent).toContain('Changing tags needs the editor role.');
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    const live = [...document.querySelectorAll('[role=status], [role=alert], [aria-live]')].filter((region) => region.textContent?.includes('Changing tags needs the editor role.'));
    expect(live).toEqual([screen.getByRole('alert')]);
    // Still seen atop the open list, and the box's description.
    const line = screen.getByRole('listbox').parentElement!.firstElementChild as HTMLElement;
    expect(line.textContent).toBe('Not added: Changing tags needs the editor role.');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toBe('Not added: Changing tags needs the editor role.');
  });

  it('adds an owner by user id and puts the table in their cached Owned list, and removes them', async () => {
    const { bff, queryClient, user } = await openPage({ table: editableTable() });
    const owned = ['user', 'borge.ousland@example.org', 'owned'];
    queryClient.setQueryData(owned, { table: [], dashboard: [] });
    await user.click(screen.getByRole('button', { name: 'Add owner' }));
    bff.hold();
    await user.type(screen.getByRole('textbox', { name: 'Add owner' }), 'borge.ousland@example.org{Enter}');
    expect(await within(screen.getByRole('list', { name: 'Owners' })).findByText('borge.ousland@example.org')).toBeTruthy();
    await waitFor(() => expect(queryClient.getQueryData<{ table: { key: string }[] }>(owned)?.table.map((t) => t.key)).toEqual(['hive://gold.sales/orders']));
    const field = screen.getByRole('textbox', { name: 'Add owner' }) as HTMLInputElement;
    expect(field.value).toBe('borge.ousland@example.org');
    act(() => bff.release());
    await waitFor(() => expect(field.value).toBe(''));
    await user.keyboard('{Escape}');
    await user.click(await screen.findByRole('button', { name: 'Remove owner borge.ousland@example.org' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Owners' })).toBeNull());
    // The last owner gone, focus is on the add control, not lost to the page.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add owner' }));
    expect(bff.writes().map((w) => `${w.method} ${JSON.stringify(w.body)}`)).toEqual([
      'PUT {"key":"hive://gold.sales/orders","owner":"borge.ousland@example.org"}',
      'DELETE {"key":"hive://gold.sales/orders","owner":"borge.ousland@example.org"}',
    ]);
  });

  it('finds people to add as owners with the user search when profiles are on', async () => {
    const { bff, user } = await openPage({ table: editableTable() }, (call) =>
      call.path === '/api/search/v1/search'
        ? { status: 200, body: { search_term: 'liv', msg: 'ok', user: { page_index: 0, total_results: 1, results: [{ type: 'user', user_id: 'liv', email: 'liv@example.org', display_name: 'Liv Arnesen', full_name: 'Liv Arnesen', first_name: null, last_name: null, search_score: 1, highlight: {} }] } } }
        : undefined,
      testConfig({ tableLineage: { inAppListEnabled: false, defaultLineageDepth: 5 } }, { indexDashboards: false, indexUsers: true }),
    );
    await user.click(screen.getByRole('button', { name: 'Add owner' }));
    await user.type(screen.getByRole('combobox', { name: 'Add owner' }), 'liv');
    bff.hold();
    await user.click(await screen.findByRole('option', { name: /Liv Arnesen/ }));
    expect(bff.calls.find((c) => c.path === '/api/search/v1/search')?.body).toMatchObject({ searchTerm: 'liv', resources: ['user'] });
    expect(bff.writes().at(-1)?.body).toEqual({ key: 'hive://gold.sales/orders', owner: 'liv' });
    expect(await within(screen.getByRole('list', { name: 'Owners' })).findByRole('link', { name: 'Liv Arnesen' })).toBeTruthy();
    act(() => bff.release());
  });
});
