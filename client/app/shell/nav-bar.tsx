// The bar on every page: the logo (home), search (except on the home page, which has its own),
// Browse, the config's links, and the signed-in user's menu.
import { useLayoutEffect, useRef } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { UserMenu } from '../../features/auth/components/user-menu';
import { NavSearch } from '../../features/search/components/nav-search';
import { useCurrentUser, useUiConfig } from '../app-data';
import { announcementsPath, browsePath, homePath, userPath } from '../paths';
import './nav-bar.css';

export function NavBar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const config = useUiConfig();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const header = useRef<HTMLElement>(null);
  useLayoutEffect(() => (header.current ? followHeight(header.current) : undefined), []);
  return (
    // data-toasts-below: toasts moved to the top stand below the bar (components/toast-placement.ts).
    <header className="nav" ref={header} data-toasts-below>
      <div className="nav__inner">
        <Link to={homePath} className="nav__brand">
          {config.logoUrl ? (
            <img src={config.logoUrl} alt="" className="nav__logo" />
          ) : (
            <span className="nav__mark" aria-hidden="true" />
          )}
          <span className="nav__brand-name">{config.logoTitle}</span>
        </Link>
        {pathname === homePath ? <div className="nav__search-spacer" /> : <NavSearch />}
        {/* The links and the user menu wrap as one, so a narrow bar never leaves the menu alone on a row. */}
        <div className="nav__end">
          <nav aria-label="Main" className="nav__links">
            <NavLink to={browsePath}>Browse</NavLink>
            {config.announcements.enabled ? <NavLink to={announcementsPath}>Announcements</NavLink> : null}
            {config.navLinks.map((link) =>
              link.target === '_blank' ? (
                <a key={link.href} href={link.href} target="_blank" rel="noopener noreferrer">
                  {link.label}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : /^https?:/i.test(link.href) ? (
                <a key={link.href} href={link.href}>
                  {link.label}
                </a>
              ) : (
                <NavLink key={link.href} to={link.href}>
                  {link.label}
                </NavLink>
              ),
            )}
          </nav>
          <UserMenu user={user} profilePath={config.indexUsers.enabled ? userPath(user.user_id) : null} onShowShortcuts={onShowShortcuts} />
        </div>
      </div>
    </header>
  );
}

/**
 * Keeps `--nav-height` on the page at the bar's height, for nav-bar.css: where the bar stays at the
 * top, the page scrolls a focused control or a #link's target that far down, clear of it.
 */
function followHeight(element: HTMLElement): () => void {
  const root = document.documentElement;
  const set = () => root.style.setProperty('--nav-height', `${Math.ceil(element.getBoundingClientRect().height)}px`);
  set();
  if (typeof ResizeObserver === 'undefined') return () => root.style.removeProperty('--nav-height');
  const observer = new ResizeObserver(set);
  observer.observe(element);
  return () => {
    observer.disconnect();
    root.style.removeProperty('--nav-height');
  };
}
