import { useLocation } from 'react-router';
import { parseSearchState } from '../../../app/paths';
import { SearchBox } from './search-box';

/** The nav bar's search; on the search page it shows the term being searched. */
export function NavSearch() {
  const location = useLocation();
  const term = location.pathname === '/search' ? parseSearchState(new URLSearchParams(location.search)).term : '';
  // Remount on a new term so the box shows the term of the page you are on.
  return <SearchBox key={term} variant="nav" initialTerm={term} />;
}
