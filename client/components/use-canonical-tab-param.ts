// A page's `?tab=` made to say the tab it shows: a value that names no tab (`?tab=nonsense`, `?tab=`,
// the default tab by name) opens the default tab, and the URL is replaced by the canonical one (no
// parameter for the default tab), so Back skips the bad address and a copied link says what is seen.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { RESOURCE_TAB_PARAM, withResourceTab } from '../app/paths';

/** `shown`: the tab the page shows, as its URL names it; null for the default tab (no parameter). */
export function useCanonicalTabParam(shown: string | null): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const inUrl = searchParams.get(RESOURCE_TAB_PARAM);
  const wrong = inUrl !== null && inUrl !== shown;
  useEffect(() => {
    if (wrong) setSearchParams((params) => withResourceTab(params, shown), { replace: true });
  }, [wrong, shown, setSearchParams]);
}
