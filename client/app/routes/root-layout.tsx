import { Link, Outlet, useLocation, useNavigation, useSearchParams } from 'react-router';
import { useClientConfig } from '../../features/app-config/api/get-client-config';
import { CurrentUser } from '../../features/auth/components/current-user';
import { SearchBox } from '../../features/search/components/search-box';
import { parseSearchParams } from '../../features/search/search-params';
import { buildUserPath } from '../../features/table/owner-link';

export function RootLayout() {
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const config = useClientConfig();
  const onSearchPage = location.pathname === '/search';
  const term = onSearchPage ? parseSearchParams(searchParams).term : '';

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="nav">
        <div className="nav__inner">
          <Link to="/" className="nav__brand">
            Nansen
          </Link>
          {/* Remount on a new term so the box shows the term of the page you are on. */}
          <SearchBox key={term} variant="nav" initialTerm={term} />
          <CurrentUser profilePath={config.data?.indexUsers.enabled ? buildUserPath : undefined} />
        </div>
        {navigation.state === 'loading' ? <div className="nav__progress" aria-hidden="true" /> : null}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
