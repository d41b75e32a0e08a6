// @vitest-environment jsdom
// A dashboard link opens that dashboard, whatever its uri holds: react-router decodes `:uri` and turns
// a "%2F" left in it into "/", so the page reads the uri from the encoded path (dashboardUriFromPath),
// as the profile does for user ids (decision 032).
import { QueryClient } from '@tanstack/react-query';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, testConfig } from '../../components/testing/render-with-app';
import { clientConfigQueryOptions } from '../app-data';
import { dashboardPath } from '../paths';
import { DashboardRoute, prefetch } from './dashboard-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The uris the page asked the BFF about, from a fetch that answers each with a 404. */
function stubBff(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://nansen.test');
    const key = url.pathname === '/api/metadata/v0/dashboard' ? url.searchParams.get('uri') : null;
    if (key !== null) asked.push(key);
    return new Response(JSON.stringify({ error: { name: 'NotFoundError', message: 'not here', code: 'not_found' } }), { status: 404, headers: { 'content-type': 'application/json' } });
  }));
  return asked;
}

/** The text "%2F", "%25" and "%" alone, a raw "/", unicode, and both kinds of slash at once. */
const URIS = ['50%2F50', '100%25', '100%', 'ünïcødé 日本', 'team%2Flead/x'].map((part) => `mode_dashboard://gold.sales/${part}`);
const config = testConfig({}, { indexDashboards: true });

describe('the dashboard route', () => {
  it.each(URIS)('asks the BFF for exactly %s', async (uri) => {
    const asked = stubBff();
    renderWithApp(<Routes><Route path="/dashboard/:uri" element={<DashboardRoute />} /></Routes>, { route: dashboardPath(uri), config });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Dashboard not found');
    expect(screen.getByText(uri, { selector: 'code' })).toBeTruthy();
    expect(new Set(asked)).toEqual(new Set([uri]));
  });

  it.each(URIS)('prefetches exactly %s', async (uri) => {
    const asked = stubBff();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(clientConfigQueryOptions().queryKey, config);
    prefetch(queryClient, { params: { uri: 'what react-router made of it' }, searchParams: new URLSearchParams(), pathname: dashboardPath(uri) });
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked).toEqual([uri]);
  });
});
