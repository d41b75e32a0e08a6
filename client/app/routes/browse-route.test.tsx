// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, testConfig } from '../../components/testing/render-with-app';
import { BrowseRoute } from './browse-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubCatalog() {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    const body = path.endsWith('/badges') ? { msg: 'Success', badges: [] } : { msg: 'Success', tags: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
}

describe('the browse page', () => {
  it('leads to every dashboard when dashboards are searched (before, only a missing dashboard\'s page did)', async () => {
    stubCatalog();
    renderWithApp(<BrowseRoute />);
    const dashboards = screen.getByRole('region', { name: 'Dashboards' });
    const link = within(dashboards).getByRole('link', { name: 'All dashboards' });
    const url = new URL(link.getAttribute('href')!, 'http://x');
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.get('resource')).toBe('dashboard');
    expect(JSON.parse(url.searchParams.get('filters')!)).toEqual({ name: { value: '*' } });
  });

  it('has no dashboards section when dashboards are not searched', () => {
    stubCatalog();
    renderWithApp(<BrowseRoute />, { config: testConfig({}, { indexDashboards: false }) });
    expect(screen.queryByRole('region', { name: 'Dashboards' })).toBeNull();
  });
});
