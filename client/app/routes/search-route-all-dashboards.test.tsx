// @vitest-environment jsdom
// "All dashboards" (the browse page's and the not-found page's link, decision 081) is a search with the
// name filter `*`: its heading says what it lists, "All dashboards", not "Dashboards matching the
// filters"; any other filter, or a name pattern that does not match everything, keeps that wording.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../components/toast';
import { ALL_DASHBOARDS_PATH } from '../../features/dashboard/all-dashboards-path';
import { dashboard, renderAt, stubSearch } from '../../features/search/testing/search-fixtures';
import { searchPath } from '../paths';
import { SearchRoute } from './search-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSearch(url: string) {
  stubSearch(() => ({ dashboard: { total_results: 2, results: [dashboard('weekly'), dashboard('churn')] } }));
  return renderAt(url, '/search', <ToastProvider><SearchRoute /></ToastProvider>);
}

const h1 = () => screen.findByRole('heading', { level: 1 });

describe('the heading of a search listing every dashboard', () => {
  it('is "All dashboards" for the All dashboards link', async () => {
    renderSearch(ALL_DASHBOARDS_PATH);
    expect((await h1()).textContent).toBe('All dashboards');
    expect(await screen.findByRole('heading', { level: 2, name: '2 dashboards' })).toBeTruthy();
  });

  it('says "matching the filters" once a filter narrows it, or the name pattern is not *', async () => {
    renderSearch(searchPath({ resource: 'dashboard', filters: { name: { value: '*' }, group_name: { value: 'sales' } } }));
    expect((await h1()).textContent).toBe('Dashboards matching the filters');
    cleanup();
    renderSearch(searchPath({ resource: 'dashboard', filters: { name: { value: 'week*' } } }));
    expect((await h1()).textContent).toBe('Dashboards matching the filters');
  });
});
