// @vitest-environment jsdom
// The dashboard page's History tab counts the dashboard's edits, as the table page's does (decision 048):
// no count where the catalog keeps no log (Amundsen), one more after a tag is changed on the page.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardDetail } from '../../../contract/api-dashboard';
import type { EditEntry, EditHistoryResponse } from '../../../contract/api-edits';
import { renderWithApp, testConfig } from '../../components/testing/render-with-app';
import { UNAVAILABLE_TEXT } from '../../features/edit-history/components/history-view';
import { edit } from '../../features/edit-history/testing/edit-fixtures';
import { dashboardPath } from '../paths';
import { DashboardRoute } from './dashboard-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const uri = 'mode_dashboard://prod.sales/churn';
const dashboard: DashboardDetail = {
  type: 'dashboard', key: uri, uri, cluster: 'prod', group_name: null, group_url: null, product: 'mode', name: 'Churn', url: null, description: null,
  last_successful_run_timestamp: null, chart_names: [], created_timestamp: null, updated_timestamp: null, last_run_timestamp: null, last_run_state: null,
  owners: [], frequent_users: [], query_names: [], queries: [], tables: [], tags: [{ tag_type: 'default', tag_name: 'kpi' }], badges: [], recent_view_count: 0,
  edit_rights: { descriptions: false, tags: true, owners: false, reason: null },
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Stubs fetch like the BFF: the dashboard, its history (`log: null` is Amundsen's answer) and a tag removal that logs an edit. */
function stubBff(log: EditEntry[] | null) {
  const historyUrls: URL[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://nansen.test');
    if (url.pathname === '/api/metadata/v0/dashboard') return json({ msg: 'ok', dashboard });
    if (url.pathname === '/api/metadata/v0/edits') {
      historyUrls.push(url);
      const answer: EditHistoryResponse = log === null
        ? { msg: 'The metadata service keeps no edit history.', available: false, edits: [], next_before: null, total: null }
        : { msg: 'Success', available: true, edits: log, next_before: null, total: log.length };
      return json(answer);
    }
    if (url.pathname === '/api/metadata/v0/update_dashboard_tags' && init.method === 'DELETE') {
      log?.unshift(edit({ resource_type: 'dashboard', resource_key: uri, parent_key: uri, field: 'tags', action: 'remove', before: ['kpi'], after: [] }));
      return json({ msg: 'ok' });
    }
    return json({ error: { name: 'NotFoundError', message: `No route ${url.pathname} in this test` } }, 404);
  }));
  return historyUrls;
}

function openDashboardPage() {
  renderWithApp(<Routes><Route path="/dashboard/:uri" element={<DashboardRoute />} /></Routes>, { route: dashboardPath(uri), config: testConfig({}, { indexDashboards: true }) });
}

const historyTab = () => screen.findByRole('tab', { name: /^History/ });
const countOf = (tab: HTMLElement) => tab.querySelector('.count')?.textContent;

describe('the dashboard page’s History tab', () => {
  it('shows how many edits the dashboard has, from its history asked for by its uri as the page opens', async () => {
    const historyUrls = stubBff([edit({ resource_type: 'dashboard' }), edit({ resource_type: 'dashboard' })]);
    openDashboardPage();
    const tab = await historyTab();
    await waitFor(() => expect(countOf(tab)).toBe('2'));
    expect(tab.getAttribute('aria-selected')).toBe('false');
    expect(historyUrls.map((url) => [url.searchParams.get('type'), url.searchParams.get('key')])).toEqual([['dashboard', uri]]);
  });

  it('shows no count when the metadata service keeps no edit log (Amundsen)', async () => {
    stubBff(null);
    openDashboardPage();
    const tab = await historyTab();
    await userEvent.setup().click(tab);
    expect(await within(screen.getByRole('tabpanel')).findByText(`${UNAVAILABLE_TEXT}.`)).toBeTruthy();
    expect(tab.textContent).toBe('History');
    expect(tab.querySelector('.count')).toBeNull();
  });

  it('counts one more after a tag is removed on the page, without a reload', async () => {
    const user = userEvent.setup();
    stubBff([edit({ resource_type: 'dashboard' })]);
    openDashboardPage();
    const tab = await historyTab();
    await waitFor(() => expect(countOf(tab)).toBe('1'));
    await user.click(screen.getByRole('button', { name: 'Remove tag kpi' }));
    await waitFor(() => expect(countOf(tab)).toBe('2'));
  });
});
