// @vitest-environment jsdom
// A dashboard imported from a dbt exposure: its link is the exposure's url (the BI tool), never dbt, and
// its group is the exposure's type, which the page names as such instead of "In dashboard".
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { modelTextHeights } from '../../../components/testing/text-heights';
import { DashboardDetailView } from './dashboard-detail-view';

modelTextHeights();
afterEach(cleanup);

const dashboard = (fields: Partial<DashboardDetail> = {}): DashboardDetail => ({
  type: 'dashboard', key: 'dbt_dashboard://fram_analytics.dashboard/voyage_dash', uri: 'dbt_dashboard://fram_analytics.dashboard/voyage_dash',
  cluster: 'fram_analytics', group_name: 'dashboard', group_url: null, product: 'dbt', name: 'Voyage Dashboard', url: 'https://bi.example.org/d/1',
  description: 'KPIs of voyages', last_successful_run_timestamp: null, chart_names: [], created_timestamp: null, updated_timestamp: null,
  last_run_timestamp: null, last_run_state: null, owners: [], frequent_users: [], query_names: [], queries: [], tables: [], tags: [], badges: [],
  recent_view_count: 0, edit_rights: { descriptions: false, tags: false, owners: false, reason: null },
  ...fields,
});

const factValue = (label: string) => {
  const facts = screen.getByRole('complementary', { name: 'About this dashboard' });
  return within(facts).getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
};

describe('a dashboard from a dbt exposure', () => {
  it('opens the exposure\'s url as "Open dashboard", not "Open in dbt", and names the exposure type instead of "In dashboard"', () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard()} />);
    const open = screen.getByTestId('open-dashboard');
    expect(open.getAttribute('href')).toBe('https://bi.example.org/d/1');
    expect(open.textContent).toBe('Open dashboard (opens in a new tab)');
    expect(screen.queryByText(/Open in dbt/)).toBeNull();
    expect(screen.queryByText('In dashboard')).toBeNull();
    expect(screen.getByText('Declared in dbt as an exposure of type dashboard')).toBeTruthy();
    expect(factValue('Exposure type').textContent).toBe('dashboard');
    expect(within(screen.getByRole('complementary', { name: 'About this dashboard' })).queryByText('Group', { selector: 'dt' })).toBeNull();
  });

  it("names dbt's other exposure types in the button and the facts", () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard({ group_name: 'ml', url: 'https://ml.example.org/m/7' })} />);
    expect(screen.getByTestId('open-dashboard').textContent).toBe('Open ML model (opens in a new tab)');
    expect(factValue('Exposure type').textContent).toBe('ML model');
    cleanup();
    renderWithApp(<DashboardDetailView dashboard={dashboard({ group_name: 'notebook' })} />);
    expect(screen.getByTestId('open-dashboard').textContent).toBe('Open notebook (opens in a new tab)');
  });

  it("keeps a BI tool's dashboard as it was: \"Open in Mode\" and \"In <group>\" linked to the group", () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard({ product: 'mode', group_name: 'Sales', group_url: 'https://mode.example.org/spaces/sales', url: 'https://mode.example.org/r/1' })} />);
    expect(screen.getByTestId('open-dashboard').textContent).toBe('Open in Mode (opens in a new tab)');
    const line = screen.getByText('In', { exact: false, selector: 'p' });
    expect(line.textContent).toBe('In Sales (opens in a new tab)');
    expect(within(line).getByRole('link').getAttribute('href')).toBe('https://mode.example.org/spaces/sales');
    expect(factValue('Group').textContent).toBe('Sales (opens in a new tab)');
  });

  it('clamps a long description with Show more', () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard({ description: 'Voyage KPIs. '.repeat(4_000) })} />);
    expect(screen.getByRole('button', { name: 'Show more of the description of Voyage Dashboard' }).getAttribute('aria-expanded')).toBe('false');
  });
});
