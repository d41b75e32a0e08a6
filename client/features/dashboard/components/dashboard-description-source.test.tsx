// @vitest-environment jsdom
// Nansen shows a dashboard's description and owners but does not edit them: the page says where they are
// changed (Amundsen's "Click to edit description in Mode"), linking there when the dashboard's own page is the place.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { DashboardDetailView } from './dashboard-detail-view';

afterEach(cleanup);

const dashboard = (fields: Partial<DashboardDetail> = {}): DashboardDetail => ({
  type: 'dashboard', key: 'mode_dashboard://prod.sales/churn', uri: 'mode_dashboard://prod.sales/churn', cluster: 'prod', group_name: 'Sales', group_url: null,
  product: 'mode', name: 'Churn', url: 'https://mode.example.org/r/1', description: null, last_successful_run_timestamp: null, chart_names: [],
  created_timestamp: null, updated_timestamp: null, last_run_timestamp: null, last_run_state: null, owners: [], frequent_users: [], query_names: [],
  queries: [], tables: [], tags: [], badges: [], recent_view_count: 0, edit_rights: { descriptions: false, tags: false, owners: false, reason: null },
  ...fields,
});

const descriptionSection = () => screen.getByRole('region', { name: 'Description' });

describe('where a dashboard\'s description is changed', () => {
  it('says a BI tool keeps it and links to the dashboard there, even when there is no description yet', () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard()} />);
    const note = within(descriptionSection()).getByTestId('description-source');
    expect(note.textContent).toBe('The description and owners come from Mode. Edit them in Mode (opens in a new tab).');
    const link = within(note).getByRole('link', { name: /^Edit them in Mode/ });
    expect(link.getAttribute('href')).toBe('https://mode.example.org/r/1');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('names the place without a link when the dashboard has no safe address', () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard({ url: 'javascript:alert(1)' })} />);
    const note = within(descriptionSection()).getByTestId('description-source');
    expect(note.textContent).toBe('The description and owners come from Mode; edit them there.');
    expect(within(note).queryByRole('link')).toBeNull();
  });

  it("points a dbt exposure's readers to the dbt project, not to its url (the BI tool that uses it)", () => {
    renderWithApp(<DashboardDetailView dashboard={dashboard({ product: 'dbt', group_name: 'dashboard', url: 'https://bi.example.org/d/1' })} />);
    const note = within(descriptionSection()).getByTestId('description-source');
    expect(note.textContent).toBe('The description and owners come from the exposure in the dbt project; edit them there.');
    expect(within(note).queryByRole('link')).toBeNull();
  });
});
