// @vitest-environment jsdom
// The dashboard page's side facts: a fact with nothing to say shows its placeholder, never a bare label.
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { DashboardDetailView } from './dashboard-detail-view';

afterEach(cleanup);

const uri = 'mode_dashboard://prod.sales/churn';
const dashboard = (fields: Partial<DashboardDetail> = {}): DashboardDetail => ({
  type: 'dashboard', key: uri, uri, cluster: 'prod', group_name: null, group_url: null, product: 'mode', name: 'Churn', url: null, description: null,
  last_successful_run_timestamp: null, chart_names: [], created_timestamp: null, updated_timestamp: null, last_run_timestamp: null, last_run_state: null,
  owners: [], frequent_users: [], query_names: [], queries: [], tables: [], tags: [], badges: [], recent_view_count: 0,
  edit_rights: { descriptions: false, tags: false, owners: false, reason: null },
  ...fields,
});

/** The text under a fact's label, found by the label. */
const factValue = (label: string) => {
  const facts = screen.getByRole('complementary', { name: 'About this dashboard' });
  const term = within(facts).getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
};

describe('dashboard facts', () => {
  it('says "No owners" and "Never run" for a dashboard with no owners and no run, not blank space under the labels', () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard()} />);
    expect(factValue('Owners').textContent).toBe('No owners');
    expect(factValue('Last run').textContent).toBe('Never run');
    // Not "None recorded" beside "Never run": one way of saying there was no run.
    expect(factValue('Last successful run').textContent).toBe('No successful run');
  });

  it('says its owners and tags at the end of the header too, with a link to the panel, for narrow screens', () => {
    const roald = { user_id: 'roald', display_name: 'Roald Amundsen', email: 'roald@example.org' } as DashboardDetail['owners'][number];
    renderWithApp(<DashboardDetailView dashboard={dashboard({ owners: [roald], tags: [{ tag_type: 'default', tag_name: 'churn' }] })} />);
    const facts = screen.getByTestId('key-facts');
    expect(screen.getByRole('heading', { level: 1 }).closest('header')!.contains(facts)).toBe(true);
    expect(within(facts).getByText('Owners', { selector: 'dt' }).nextElementSibling!.textContent).toBe('Roald Amundsen');
    expect(within(facts).getByText('Tags', { selector: 'dt' }).nextElementSibling!.textContent).toBe('churn');
    const side = screen.getByRole('complementary', { name: 'About this dashboard' });
    expect(within(facts).getByRole('link', { name: 'Owners, tags and more' }).getAttribute('href')).toBe(`#${side.id}`);
  });

  it('lists the owners and the last run when there are some', () => {
    const roald = { user_id: 'roald', display_name: 'Roald Amundsen', email: 'roald@example.org' } as DashboardDetail['owners'][number];
    renderWithApp(<DashboardDetailView dashboard={dashboard({ owners: [roald], last_run_state: 'failed' })} />);
    expect(within(factValue('Owners')).getByRole('list', { name: 'Owners' }).textContent).toBe('Roald Amundsen (roald)');
    expect(factValue('Last run').textContent).toMatch(/^Unknown time .+/);
  });
});

describe('dashboard dates and location', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('shows Created and Updated with their time and zone, like the runs (decision 045)', () => {
    renderWithApp(
      <DashboardDetailView
        dashboard={dashboard({
          created_timestamp: Date.UTC(2025, 0, 2, 17, 30) / 1000,
          updated_timestamp: Date.UTC(2025, 4, 31, 23) / 1000,
          last_run_timestamp: Date.UTC(2025, 4, 31, 22) / 1000,
          last_run_state: 'succeeded',
        })}
      />,
    );
    expect(factValue('Created').textContent).toBe('Jan 02, 2025 9:30 am PST');
    expect(factValue('Updated').textContent).toBe('May 31, 2025 4:00 pm PDT');
    expect(factValue('Last run').textContent).toContain('May 31, 2025 3:00 pm PDT');
  });

  it('shows the cluster the dashboard lives in, as a table page shows its own', () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard({ cluster: 'analytics_eu' })} />);
    expect(screen.getByRole('list', { name: 'Location' }).textContent).toBe('Cluster analytics_eu');
  });
});
