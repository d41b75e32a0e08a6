// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSearchState, planSearch } from '../../../../contract/search-url';
import { renderWithApp, testConfig } from '../../../components/testing/render-with-app';
import { DashboardPage } from './dashboard-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The BFF's answer to GET /api/metadata/v0/dashboard?uri=… : an error with this status, name and code. */
function stubAnswer(status: number, name: string, message: string, code?: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ error: { name, message, ...(code ? { code } : {}) } }), { status, headers: { 'content-type': 'application/json' } })),
  );
}

describe('DashboardPage', () => {
  it('says "Dashboard not found", with no Try again, for an address that cannot be a dashboard’s (the BFF’s 400)', async () => {
    stubAnswer(400, 'InputError', 'The query parameter "uri": "nope" is not a dashboard uri; expected product_dashboard://cluster.group/dashboard', 'invalid_key');
    renderWithApp(<DashboardPage uri="nope" />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Dashboard not found');
    expect(screen.getByText('nope', { selector: 'code' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Search dashboards for “nope”' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByText(/is not a dashboard uri/)).toBeNull();
  });

  it('links “All dashboards” to a search that lists every dashboard, not to the empty search’s prompt', async () => {
    stubAnswer(404, 'NotFoundError', 'No dashboard mode_dashboard://prod.sales/gone', 'not_found');
    renderWithApp(<DashboardPage uri="mode_dashboard://prod.sales/gone" />);
    const href = (await screen.findByRole('link', { name: 'All dashboards' })).getAttribute('href')!;
    const url = new URL(href, 'http://nansen.test');
    expect(url.pathname).toBe('/search');
    const plan = planSearch(parseSearchState(url.searchParams), testConfig());
    expect(plan.resource).toBe('dashboard');
    // Something is asked for (no term and no filter asks for nothing), and what matches every dashboard.
    expect(plan.page).toMatchObject({ term: '', resources: ['dashboard'], filters: { dashboard: { name: { value: '*' } } } });
  });

  it('says the same for a dashboard the catalog does not have (404)', async () => {
    stubAnswer(404, 'NotFoundError', 'No dashboard mode_dashboard://prod.sales/gone', 'not_found');
    renderWithApp(<DashboardPage uri="mode_dashboard://prod.sales/gone" />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Dashboard not found');
  });

  it('offers Try again when the catalog failed', async () => {
    stubAnswer(502, 'UpstreamError', 'The metadata service did not answer.', 'upstream_unavailable');
    renderWithApp(<DashboardPage uri="mode_dashboard://prod.sales/churn" />);
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dashboard');
    // Which dashboard failed is said, not only that one did.
    expect(screen.getByText('mode_dashboard://prod.sales/churn', { selector: 'code' })).toBeTruthy();
  });
});
