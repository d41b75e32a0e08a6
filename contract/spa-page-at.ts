// What the SPA shows at a URL path: one of its pages, with the key it reads from the path, or its
// "Page not found" (saying which setting turned the page off, when one did). The client's pages read
// their path through this (client/app/routes), and the BFF sends the page with 404 where this says not
// found (server/spa/serve-spa.ts): one reading of the path for both, so the status and the page agree.
// Not in contract/spa-pages.ts: the first page loads that one, and it needs none of this (decision 007).
import type { ClientConfig } from './client-config';
import { dashboardUriFromPath, lineageTableKeyFromPath, tableKeyFromPath, userIdFromPath } from './page-path-keys';
import { SPA_PAGES, type SpaPagePattern } from './spa-pages';
import { parseTableKey, type TableCoordinates } from './table-key';

/** The UI settings that turn pages off. */
export type PageSwitches = Pick<ClientConfig, 'indexUsers' | 'indexDashboards' | 'announcements'>;

/** Which setting turned a page off: the "Page not found" says so. */
export type TurnedOff = 'profiles' | 'dashboards' | 'announcements';

export type SpaPageAt =
  | { page: 'home' | 'search' | 'browse' | 'announcements' }
  | { page: 'table' | 'lineage'; key: string; table: TableCoordinates }
  | { page: 'dashboard'; uri: string }
  | { page: 'user'; userId: string }
  | { page: 'not-found'; turnedOff?: TurnedOff };

const NOT_FOUND: SpaPageAt = { page: 'not-found' };
const off = (turnedOff: TurnedOff): SpaPageAt => ({ page: 'not-found', turnedOff });

function tableAt(page: 'table' | 'lineage', key: string | null): SpaPageAt {
  const table = key ? parseTableKey(key) : null;
  return key && table ? { page, key, table } : NOT_FOUND;
}

/**
 * Each page's reading of a path its pattern matched. A Record over contract/spa-pages.ts's patterns: a
 * page added there does not compile until it is here too, saying when it is not found.
 */
const READ_PAGE: Record<Exclude<SpaPagePattern, '*'>, (pathname: string, switches: PageSwitches) => SpaPageAt> = {
  '/': () => ({ page: 'home' }),
  '/search': () => ({ page: 'search' }),
  '/browse': () => ({ page: 'browse' }),
  '/announcements': (_, switches) => (switches.announcements.enabled ? { page: 'announcements' } : off('announcements')),
  '/table_detail/:cluster/:database/:schema/:table': (pathname) => tableAt('table', tableKeyFromPath(pathname)),
  '/lineage/table/:cluster/:database/:schema/:table': (pathname) => tableAt('lineage', lineageTableKeyFromPath(pathname)),
  '/dashboard/:uri': (pathname, switches) => {
    const uri = dashboardUriFromPath(pathname) ?? '';
    if (uri.trim() === '') return NOT_FOUND;
    return switches.indexDashboards.enabled ? { page: 'dashboard', uri } : off('dashboards');
  },
  '/user/:userId': (pathname, switches) => {
    const userId = userIdFromPath(pathname) ?? '';
    if (userId.trim() === '') return NOT_FOUND;
    // Even your own: a saved Amundsen link to a person says why it leads nowhere here.
    return switches.indexUsers.enabled ? { page: 'user', userId } : off('profiles');
  },
};

/** What the SPA shows at `pathname` (as the browser holds it: still percent-encoded) under these settings. */
export function spaPageAt(pathname: string, switches: PageSwitches): SpaPageAt {
  const page = matchSpaPage(pathname);
  return page && page.path !== '*' ? READ_PAGE[page.path](pathname, switches) : NOT_FOUND;
}

/**
 * The page whose route matches `pathname`, as react-router matches it (spa-page-at.test.ts holds the
 * two side by side): segments percent-decoded (all, or none when one escape is malformed), literal
 * segments in any case, each `:param` one non-empty segment, any number of trailing "/". Undefined when
 * only the catch-all matches. The page may still say "Page not found" (spaPageAt).
 */
export function matchSpaPage(pathname: string): (typeof SPA_PAGES)[number] | undefined {
  const path = segmentsOf(decodePath(pathname));
  return SPA_PAGES.find((page) => page.path !== '*' && matches(segmentsOf(page.path), path));
}

/** The segments after the leading "/", trailing "/"s dropped: `//search` is ['', 'search']; `/` and `//` are []. */
function segmentsOf(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.slice(1).split('/');
}

/** react-router's decodePath: each segment decoded, a "/" decoded inside one written back as %2F; the path unchanged when any escape is malformed. */
function decodePath(pathname: string): string {
  try {
    return pathname.split('/').map((segment) => decodeURIComponent(segment).replace(/\//g, '%2F')).join('/');
  } catch {
    return pathname;
  }
}

function matches(pattern: string[], path: string[]): boolean {
  return pattern.length === path.length
    && pattern.every((segment, i) => (segment.startsWith(':') ? path[i] !== '' : segment.toLowerCase() === path[i]!.toLowerCase()));
}
