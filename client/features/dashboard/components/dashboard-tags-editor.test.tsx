// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { DashboardDetailView } from './dashboard-detail-view';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const uri = 'mode_dashboard://prod.sales/churn';
const dashboard = (fields: Partial<DashboardDetail> = {}): DashboardDetail => ({
  type: 'dashboard', key: uri, uri, cluster: 'prod', group_name: null, group_url: null, product: 'mode', name: 'Churn', url: null, description: null,
  last_successful_run_timestamp: null, chart_names: [], created_timestamp: null, updated_timestamp: null, last_run_timestamp: null, last_run_state: null,
  owners: [], frequent_users: [], query_names: [], queries: [], tables: [], tags: [{ tag_type: 'default', tag_name: 'kpi' }], badges: [], recent_view_count: 0,
  edit_rights: { descriptions: false, tags: true, owners: false, reason: null },
  ...fields,
});

function stubWrites(status = 200) {
  const writes: { method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url.startsWith('/api/metadata/v0/tags')) return new Response(JSON.stringify({ msg: 'ok', tags: [{ tag_name: 'finance', tag_count: 3 }] }), { status: 200 });
      writes.push({ method: init.method ?? 'GET', body: JSON.parse(String(init.body)) });
      return status === 200
        ? new Response(JSON.stringify({ msg: 'ok' }), { status })
        : new Response(JSON.stringify({ error: { name: 'UpstreamError', message: 'The metadata service failed.' } }), { status });
    }),
  );
  return writes;
}

describe('dashboard tags', () => {
  it('adds and removes a tag of the dashboard', async () => {
    const writes = stubWrites();
    const user = userEvent.setup();
    renderWithApp(<DashboardDetailView dashboard={dashboard()} />);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Add tag' }), 'fin');
    await user.click(await screen.findByRole('option', { name: 'finance' }));
    await user.click(screen.getByRole('button', { name: 'Remove tag kpi' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes).toEqual([
      { method: 'PUT', body: { key: uri, tag: 'finance' } },
      { method: 'DELETE', body: { key: uri, tag: 'kpi' } },
    ]);
  });

  it('tells why the tag failed in a toast', async () => {
    stubWrites(502);
    const user = userEvent.setup();
    renderWithApp(<DashboardDetailView dashboard={dashboard()} />);
    await user.click(screen.getByRole('button', { name: 'Remove tag kpi' }));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('Could not remove the tag kpi');
    expect(toast.textContent).toContain('The metadata service failed.');
  });

  it('shows the tags without edit controls, and the reason, to a person who may not tag', () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard({ edit_rights: { descriptions: false, tags: false, owners: false, reason: 'Tagging dashboards needs the editor role' } })} />);
    expect(within(screen.getByRole('list', { name: 'Tags' })).getByRole('link', { name: 'kpi' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add tag' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove tag kpi' })).toBeNull();
    expect(screen.getByTestId('edit-rights-note').textContent).toContain('Tagging dashboards needs the editor role');
  });
});
