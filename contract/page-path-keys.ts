// Reading a page's key back from its path (the other half of page-paths.ts's builders). Apart from
// page-paths.ts so that only the pages that read a key load this (the first page's budget, decision 007).
import { buildTableKey } from './table-key';

// A page reads its key from the path as the browser holds it (`location.pathname`, still
// percent-encoded), not from react-router's params: the router decodes each segment and then turns
// every `%2F` left in it into "/", so a key holding the text "%2F" (`50%2F50`) would open `50/50`.
// Each reader below decodes exactly the segments its page's path builder encoded. Like react-router's
// matching, the fixed part is case-insensitive and a trailing "/" is allowed.

/** The decoded segments of `pathname` after `prefix` (which ends in "/"), or null when there are not exactly `count` or one is malformed. */
function segmentsAfter(pathname: string, prefix: string, count: number): string[] | null {
  if (pathname.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const segments = pathname.slice(prefix.length).replace(/\/$/, '').split('/');
  if (segments.length !== count || segments.some((segment) => segment === '')) return null;
  try {
    return segments.map(decodeURIComponent);
  } catch {
    return null; // a malformed %-escape names nothing
  }
}

/** The user id of a profile page's path (userPath), or null when the path is no profile's. */
export function userIdFromPath(pathname: string): string | null {
  return segmentsAfter(pathname, '/user/', 1)?.[0] ?? null;
}

/** The uri of a dashboard page's path (dashboardPath), or null when the path is no dashboard's. */
export function dashboardUriFromPath(pathname: string): string | null {
  return segmentsAfter(pathname, '/dashboard/', 1)?.[0] ?? null;
}

/** The table key of a table page's path (tablePath, without its query), or null when the path is no table page's. */
export function tableKeyFromPath(pathname: string): string | null {
  return tableKeyOf(segmentsAfter(pathname, '/table_detail/', 4));
}

/** The table key of a lineage page's path (`/lineage/table/:cluster/:database/:schema/:table`), or null when the path is no lineage page's. */
export function lineageTableKeyFromPath(pathname: string): string | null {
  return tableKeyOf(segmentsAfter(pathname, '/lineage/table/', 4));
}

function tableKeyOf(segments: string[] | null): string | null {
  if (!segments) return null;
  const [cluster, database, schema, name] = segments as [string, string, string, string];
  return buildTableKey({ cluster, database, schema, name });
}
