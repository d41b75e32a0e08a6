import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, ButtonLink } from '../../components/button';
import { PageTitle } from '../../components/page-title';
import { describeError } from '../../lib/api-error';

function messageOf(error: unknown): string {
  if (error instanceof Error && /dynamically imported|module script|preload CSS/i.test(error.message)) {
    return 'A newer version of Nansen is available, or the connection dropped. Reload the page.';
  }
  return describeError(error);
}

/** A page failed to render: keep the nav bar, explain, offer a reload. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="state state--error" role="alert">
        <PageTitle title="Error" />
        <h1>This page could not be shown</h1>
        <p>{messageOf(this.state.error)}</p>
        <p className="state__action">
          <Button onClick={() => window.location.reload()}>Reload</Button>{' '}
          <ButtonLink to="/" variant="ghost" reloadDocument>
            Go home
          </ButtonLink>
        </p>
      </section>
    );
  }
}
