// A link to a page of the app that costs nothing to render: a plain <a href> (react-router's Link runs
// some twenty hooks and two effects per link, and a page of search results has ~40 of them). One click
// handler on the document (useAppLinkClicks, installed by the shell) moves within the app for a plain
// left click, as Link does; every other click (new tab, download, modifier keys) stays the browser's.
import { useEffect, type AnchorHTMLAttributes } from 'react';
import { useNavigate } from 'react-router';

const APP_LINK_ATTRIBUTE = 'data-app-link';

export interface AppLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** A path of this app, from its root ("/table_detail/…"): from app/paths.ts, never relative. */
  to: string;
}

export function AppLink({ to, ...props }: AppLinkProps) {
  return <a href={to} {...props} {...{ [APP_LINK_ATTRIBUTE]: '' }} />;
}

/** The path an AppLink click should go to within the app, or null when the browser should handle it. */
export function appLinkTarget(event: Pick<MouseEvent, 'target' | 'defaultPrevented' | 'button' | 'metaKey' | 'altKey' | 'ctrlKey' | 'shiftKey'>): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return null;
  const link = event.target instanceof Element ? event.target.closest(`a[${APP_LINK_ATTRIBUTE}]`) : null;
  if (!link || (link.getAttribute('target') ?? '_self') !== '_self' || link.hasAttribute('download')) return null;
  const href = link.getAttribute('href') ?? '';
  // Only a path of this origin ("/x", not "//host/x" or "https://…").
  return href.startsWith('/') && !href.startsWith('//') ? href : null;
}

/** Makes every AppLink in the document move within the app (the shell calls it once). */
export function useAppLinkClicks() {
  const navigate = useNavigate();
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const to = appLinkTarget(event);
      if (to === null) return;
      event.preventDefault();
      // As Link does: a link to the page already shown replaces its history entry.
      const here = window.location.pathname + window.location.search + window.location.hash;
      void navigate(to, { replace: to === here });
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [navigate]);
}
