// The page the current path shows, read as the BFF reads it for the page's status (contract/spa-page-at.ts):
// a page's key, or its "Page not found" (sent with 404). Imported by the pages that read a key, not
// through paths.ts, so the first page does not load it (decision 007's budget).
import { useLocation } from 'react-router';
import { spaPageAt, type SpaPageAt } from '../../contract/spa-page-at';
import { useUiConfig } from './app-data';

export function usePageAt(): SpaPageAt {
  return spaPageAt(useLocation().pathname, useUiConfig());
}
