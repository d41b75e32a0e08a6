import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { describeError } from '../../lib/api-error';

function messageOf(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message)) {
    return 'A newer version of Nansen is available. Reload the page to get it.';
  }
  return describeError(error);
}

/** A page failed to render: keep the nav bar, explain, offer a reload. */
export function PageErrorBoundary() {
  const error = useRouteError();
  return (
    <section className="state state--error" role="alert">
      <PageTitle title="Error" />
      <h1>This page could not be shown</h1>
      <p>{messageOf(error)}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <Link to="/">Go home</Link>
      </p>
    </section>
  );
}

/** The shell itself failed: a bare page without the nav bar. */
export function RootErrorBoundary() {
  const error = useRouteError();
  return (
    <main className="page" id="main">
      <PageTitle title="Error" />
      <h1>Nansen could not start</h1>
      <p>{messageOf(error)}</p>
      <p>
        <a href="/">Reload Nansen</a>
      </p>
    </main>
  );
}

/** Shown for the instant before the first route's code has loaded. */
export function AppShellFallback() {
  return (
    <div className="app-shell-fallback" role="status">
      <span className="visually-hidden">Loading Nansen</span>
    </div>
  );
}
