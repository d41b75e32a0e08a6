import type { ReactNode } from 'react';
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

export default NotFoundRoute;
