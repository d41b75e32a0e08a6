import type { ReactNode } from 'react';
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { searchPath } from '../../../app/paths';
import { ButtonLink } from '../../../components/button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import type { ResourceTab } from '../../../components/resource-tabs';
import { SkeletonPage } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { isApiError } from '../../../lib/api-error';
import { ALL_DASHBOARDS_PATH } from '../all-dashboards-path';
import { useDashboard } from '../api/get-dashboard';
import { DashboardDetailView } from './dashboard-detail-view';

/** The last part of a dashboard uri (`looker_dashboard://prod.growth/churn_overview_0` → churn overview 0). */
function searchTermOf(uri: string): string {
  return (uri.split('/').pop() ?? uri).replace(/[_-]+/g, ' ').trim();
}

export function DashboardNotFound({ uri }: { uri: string }) {
  const term = searchTermOf(uri);
  return (
    <section className="not-found">
      <PageTitle title="Dashboard not found" />
      <h1>Dashboard not found</h1>
      <EmptyState
        action={
          <>
            <ButtonLink variant="primary" to={searchPath({ resource: 'dashboard', term })}>
              Search dashboards for “{term}”
            </ButtonLink>{' '}
            <ButtonLink variant="ghost" to={ALL_DASHBOARDS_PATH}>
              All dashboards
            </ButtonLink>
          </>
        }
      >
        <p>
          There is no dashboard <code>{uri}</code> in the catalog. It may have been renamed or removed.
        </p>
      </EmptyState>
    </section>
  );
}

/**
 * The BFF refuses an address that cannot be a dashboard's (`/dashboard/nope`: 400, `invalid_key`). For
 * the person that is a dashboard that is not there, not a failure to retry.
 */
function isMalformedUri(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && error.code === 'invalid_key';
}

export interface DashboardPageProps {
  uri: string;
  /** What other features add to the loaded page (the route composes them): header buttons, tabs. */
  actions?: (dashboard: DashboardDetail) => ReactNode;
  tabs?: (dashboard: DashboardDetail) => ResourceTab[];
}

export function DashboardPage({ uri, actions, tabs }: DashboardPageProps) {
  const query = useDashboard(uri);
  if (query.isError && isMalformedUri(query.error)) return <DashboardNotFound uri={uri} />;
  return (
    <QueryState
      query={query}
      loadingLabel="Loading the dashboard"
      loading={
        <>
          <PageTitle title="Dashboard" />
          <SkeletonPage label="Loading the dashboard" />
        </>
      }
      errorTitle="This dashboard could not be loaded"
      notFound={<DashboardNotFound uri={uri} />}
      errorFrame={(errorState) => (
        <section>
          <PageTitle title="Dashboard" />
          <h1>Dashboard</h1>
          {/* Which one failed (as a profile that fails says whose): a window of several is told apart. */}
          <p className="muted">
            <code>{uri}</code>
          </p>
          {errorState}
        </section>
      )}
    >
      {(dashboard) => (
        <>
          <PageTitle title={dashboard.name} />
          <DashboardDetailView dashboard={dashboard} actions={actions?.(dashboard)} tabs={tabs?.(dashboard)} />
        </>
      )}
    </QueryState>
  );
}
