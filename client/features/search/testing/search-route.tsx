// The search page as its route renders it in tests: state from the URL, and a "Browser back" button.
import { useNavigate, useSearchParams } from 'react-router';
import { parseSearchState } from '../../../app/paths';
import { SearchPage } from '../components/search-page';

export function SearchRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <>
      <SearchPage state={parseSearchState(params)} />
      <button type="button" onClick={() => void navigate(-1)}>
        Browser back
      </button>
    </>
  );
}
