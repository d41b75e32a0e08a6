// @vitest-environment jsdom
// The table page's History tab counts the table's edits, as the profile's Edits tab counts a person's
// (decision 048): from the history's first page, asked for as the page opens; no count where the
// catalog keeps no log (Amundsen) or does not count; and one more after an edit made on the page.
import { focusManager, type QueryClient } from '@tanstack/react-query';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EditEntry, EditHistoryResponse } from '../../../contract/api-edits';
import type { TableDetail } from '../../../contract/api-table';
import { renderWithApp, testConfig } from '../../components/testing/render-with-app';
import { UNAVAILABLE_TEXT } from '../../features/edit-history/components/history-view';
import { edit } from '../../features/edit-history/testing/edit-fixtures';
import { editableTable } from '../../features/table/testing/edit-fixtures';
import { createQueryClient } from '../../lib/query-client';
import { tablePath } from '../paths';
import { TableRoute } from './table-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  focusManager.setFocused(undefined);
  sessionStorage.clear();
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Stubs fetch like the BFF over the embedded catalog: the table, its history (the log's edits newest
 * first, `total` as the catalog counts them; `log: null` is Amundsen's answer, `total: null` an older
 * catalog's) and a description write that logs an edit. `hold()` keeps history answers back until `release()`.
 */
function stubBff(server: { table: TableDetail; log: EditEntry[] | null; counts?: boolean }) {
  const asked: string[] = [];
  let held: (() => void)[] | null = null;
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://nansen.test');
    asked.push(`${init.method ?? 'GET'} ${url.pathname}`);
    if (url.pathname === '/api/metadata/v0/table') return json({ msg: 'ok', tableData: server.table });
    if (url.pathname === '/api/metadata/v0/edits') {
      if (held) await new Promise<void>((resolve) => held!.push(resolve));
      const answer: EditHistoryResponse = server.log === null
        ? { msg: 'The metadata service keeps no edit history.', available: false, edits: [], next_before: null, total: null }
        : { msg: 'Success', available: true, edits: server.log.slice(0, 25), next_before: null, total: server.counts === false ? null : server.log.length };
      return json(answer);
    }
    if (url.pathname === '/api/metadata/v0/put_table_description' && init.method === 'PUT') {
      const { description } = JSON.parse(String(init.body)) as { description: string };
      server.log?.unshift(edit({ before: server.table.description, after: description }));
      server.table = { ...server.table, description };
      return json({ msg: 'ok', description });
    }
    return json({ error: { name: 'NotFoundError', message: `No route ${url.pathname} in this test` } }, 404);
  }));
  return {
    asked,
    hold: () => {
      held = [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      waiting.forEach((resolve) => resolve());
    },
  };
}

/** Lineage and dashboards off: the page asks only for the table and its history. */
function openTablePage(queryClient?: QueryClient) {
  renderWithApp(<Routes><Route path="/table_detail/:cluster/:database/:schema/:table" element={<TableRoute />} /></Routes>, {
    queryClient,
    route: tablePath({ database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders' }),
    config: testConfig({ tableLineage: { inAppListEnabled: false, defaultLineageDepth: 5 } }, { indexDashboards: false, indexUsers: true }),
  });
}

const historyTab = () => screen.findByRole('tab', { name: /^History/ });
const countOf = (tab: HTMLElement) => tab.querySelector('.count')?.textContent;

describe('the table page’s History tab', () => {
  it('shows how many edits the table has, as the profile’s Edits tab does, from the first page asked for as the page opens', async () => {
    const log = Array.from({ length: 30 }, () => edit());
    const bff = stubBff({ table: editableTable(), log });
    openTablePage();
    const tab = await historyTab();
    // All pages together (the catalog's total), not the 25 edits of the first page.
    await waitFor(() => expect(countOf(tab)).toBe('30'));
    expect(tab.getAttribute('aria-selected')).toBe('false');
    expect(bff.asked.filter((call) => call === 'GET /api/metadata/v0/edits')).toHaveLength(1);
  });

  it('shows the page without waiting for the count, and the count once it comes', async () => {
    const bff = stubBff({ table: editableTable(), log: [edit(), edit()] });
    bff.hold();
    openTablePage();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('orders');
    const tab = await historyTab();
    expect(tab.textContent).toBe('History');
    act(() => bff.release());
    await waitFor(() => expect(countOf(tab)).toBe('2'));
  });

  it.each([
    ['the metadata service keeps no edit log (Amundsen)', { log: null }, `${UNAVAILABLE_TEXT}.`],
    ['the catalog does not count edits (older than the count)', { log: [], counts: false }, 'No edits yet'],
  ])('shows no count when %s', async (_, history, panelText) => {
    stubBff({ table: editableTable(), ...history });
    openTablePage();
    const tab = await historyTab();
    await userEvent.setup().click(tab);
    expect(await within(screen.getByRole('tabpanel')).findByText(panelText)).toBeTruthy();
    expect(tab.textContent).toBe('History');
    expect(tab.querySelector('.count')).toBeNull();
  });

  it('counts one more after the description is edited on the page, without a reload, and the tab lists the edit', async () => {
    const user = userEvent.setup();
    stubBff({ table: editableTable(), log: [edit(), edit()] });
    openTablePage();
    const tab = await historyTab();
    await waitFor(() => expect(countOf(tab)).toBe('2'));

    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    const box = screen.getByRole('textbox', { name: 'Description of sales.orders' });
    await user.clear(box);
    await user.type(box, 'Orders paid online');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(countOf(tab)).toBe('3'));
    await user.click(tab);
    const edits = await within(screen.getByRole('tabpanel')).findAllByTestId('edit');
    expect(edits).toHaveLength(3);
    expect(within(edits[0]!).getByTestId('description-diff').textContent).toBe('Orders [removed: placed in the shop] [added: paid online]');
  });

  it('asks again on coming back to the window only once the table is asked again too (older than the staleTime), not on every focus', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const bff = stubBff({ table: editableTable(), log: [edit()] });
    openTablePage(createQueryClient({ onUnauthorized: () => undefined }));
    const tab = await historyTab();
    await waitFor(() => expect(countOf(tab)).toBe('1'));
    const asked = (path: string) => bff.asked.filter((call) => call === `GET /api/metadata/v0/${path}`).length;
    const returnToWindowAfter = (seconds: number) =>
      act(() => {
        focusManager.setFocused(false);
        vi.setSystemTime(Date.now() + seconds * 1000);
        focusManager.setFocused(true);
      });

    returnToWindowAfter(10);
    await act(() => Promise.resolve());
    expect([asked('table'), asked('edits')]).toEqual([1, 1]);

    returnToWindowAfter(25);
    await waitFor(() => expect([asked('table'), asked('edits')]).toEqual([2, 2]));
  });
});
