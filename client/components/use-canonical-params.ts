// A page's query made to say what the page shows. A tab that names no tab, a page past the end of its
// list (`?page=99`, the last item of the last page removed since), a page number written oddly: the page
// shows the default tab or the nearest page, and the URL is replaced by the one that names it (history
// replace: Back skips the bad address, and a reload or a copied link says what was seen). Focus and
// scroll stay: what the page shows does not change, only its address.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { RESOURCE_TAB_PARAM, withResourceTab } from '../app/paths';

/** `canonical`: the query as it should be, from the query as it is (the same when it is right). */
export function useCanonicalParams(canonical: (params: URLSearchParams) => URLSearchParams): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const now = searchParams.toString();
  const wanted = canonical(searchParams).toString();
  useEffect(() => {
    if (wanted !== now) setSearchParams(new URLSearchParams(wanted), { replace: true });
  }, [wanted, now, setSearchParams]);
}

/** `shown`: the tab the page shows, as its URL names it; null for the default tab (no `?tab=`). */
export function useCanonicalTabParam(shown: string | null): void {
  useCanonicalParams((params) => (params.get(RESOURCE_TAB_PARAM) === shown ? params : withResourceTab(params, shown)));
}
