import type { ReactNode } from 'react';
import type { SpaPageAt, TurnedOff } from '../../../contract/spa-page-at';
import { useLocation } from 'react-router';
import { ButtonLink } from '../../components/button';
import { PageTitle } from '../../components/page-title';
import { EmptyState } from '../../components/state';
import { browsePath, homePath } from '../paths';

/** `reason`, when given, says why this URL has no page (in place of the generic sentence's first half). */
export function NotFoundRoute({ reason }: { reason?: ReactNode } = {}) {
  const { pathname } = useLocation();
  return (
    <section>
      <PageTitle title="Page not found" />
      <h1>Page not found</h1>
      <EmptyState
        action={
          <>
            <ButtonLink to={homePath} variant="primary">
              Go to the home page
            </ButtonLink>{' '}
            <ButtonLink to={browsePath} variant="ghost">
              Browse tags and badges
            </ButtonLink>
          </>
        }
      >
        <p>
          {reason ?? (
            <>
              There is no page at <code>{pathname}</code>.
            </>
          )}{' '}
          Search from the box above, or start again from the home page.
        </p>
      </EmptyState>
    </section>
  );
}

/** Why a page a setting turned off leads nowhere: a saved Amundsen link says so, not only that there is no page. */
const TURNED_OFF: Record<TurnedOff, string> = {
  profiles: "People's profile pages are turned off in this catalog.",
  dashboards: 'Dashboards are turned off in this catalog.',
  announcements: 'Announcements are turned off in this catalog.',
};

/** The "Page not found" of a page that could not read its path (usePageAt), saying which setting turned it off, when one did. */
export function NotFoundAt({ at }: { at: SpaPageAt }) {
  return <NotFoundRoute reason={at.page === 'not-found' && at.turnedOff ? TURNED_OFF[at.turnedOff] : undefined} />;
}

export default NotFoundRoute;
