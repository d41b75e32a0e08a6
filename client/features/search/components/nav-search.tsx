import { useLocation } from 'react-router';
import { parseSearchState, searchPath } from '../../../app/paths';
import { SearchForm } from './search-form';

/**
 * The nav bar's search. On the search page it shows the term searched, and a new term keeps the tab
 * and filters there; elsewhere it starts a new search.
 */
export function NavSearch() {
  const location = useLocation();
  const state = location.pathname === '/search' ? parseSearchState(new URLSearchParams(location.search)) : null;
  return (
    <SearchForm
      variant="nav"
      label="Search the catalog"
      placeholder="Search"
      term={state?.term ?? ''}
      allowEmpty={state !== null}
      searchPathFor={(term) => searchPath({ term, resource: state?.resource, filters: state?.filters })}
    />
  );
}
