// One parser per query parameter (or path part) of the read routes; each throws InputError naming
// the parameter and what it accepts.
import type { Request } from 'express';
import { LINEAGE_DIRECTIONS, MAX_LINEAGE_DEPTH, type LineageDirection } from '../../contract/bff-api';
import { parseTableKey } from '../../contract/table-key';
import { MAX_USER_ID_LENGTH } from '../../contract/user';
import { InputError } from '../http/errors';
import { parseRequiredQuery } from '../http/parse-request';
import type { PopularResourceType } from '../upstream/metadata-client';

const MAX_KEY_LENGTH = 2048;

function readOptionalQuery(req: Request, name: string, maxLength: number): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InputError(`The query parameter "${name}" must be given once.`, 'invalid_parameter');
  if (value.length > maxLength) throw new InputError(`The query parameter "${name}" is longer than ${maxLength} characters.`, 'invalid_parameter');
  return value.trim() === '' ? undefined : value;
}

/** `key` when it is a table key, else InputError starting with `where`. */
export function requireTableKey(key: string, where: string): string {
  if (!parseTableKey(key)) throw new InputError(`${where} "${key}" is not a table key; expected database://cluster.schema/table`, 'invalid_key');
  return key;
}

/** `?key=` holding a table key. */
export function parseTableKeyQuery(req: Request): string {
  return requireTableKey(parseRequiredQuery(req, 'key', MAX_KEY_LENGTH), 'The query parameter "key":');
}

/**
 * A table key in the path (`/table/<key>/dashboards`), raw or percent-encoded: Express hands a
 * wildcard over as its decoded segments, so joining them gives the key either way.
 */
export function parseTableKeyPath(segments: string | string[] | undefined): string {
  const key = Array.isArray(segments) ? segments.join('/') : (segments ?? '');
  if (key.length > MAX_KEY_LENGTH) throw new InputError(`The table key in the path is longer than ${MAX_KEY_LENGTH} characters.`, 'invalid_key');
  return requireTableKey(key, 'The path\'s table key');
}

/** `?uri=` of a dashboard: `product_dashboard://cluster.group/id`. */
export function parseDashboardUri(req: Request): string {
  return requireDashboardUri(parseRequiredQuery(req, 'uri', MAX_KEY_LENGTH), 'The query parameter "uri":');
}

/** `uri` when it is a dashboard uri, else InputError starting with `where`. */
export function requireDashboardUri(uri: string, where: string): string {
  if (!/^[^\s/:]+:\/\/\S/.test(uri)) {
    throw new InputError(`${where} "${uri}" is not a dashboard uri; expected product_dashboard://cluster.group/dashboard`, 'invalid_key');
  }
  return uri;
}

/** `?column_name=`: one path segment at the metadata service, so it may not hold a slash. */
export function parseColumnName(req: Request): string {
  const name = parseRequiredQuery(req, 'column_name', 1000);
  if (name.includes('/')) throw new InputError(`The query parameter "column_name" may not contain "/"; got "${name}".`, 'invalid_parameter');
  return name;
}

/** `?depth=`: 1 to MAX_LINEAGE_DEPTH hops; absent means `defaultDepth`. */
export function parseLineageDepth(req: Request, defaultDepth: number): number {
  const raw = readOptionalQuery(req, 'depth', 10);
  if (raw === undefined) return defaultDepth;
  const depth = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(depth >= 1 && depth <= MAX_LINEAGE_DEPTH)) {
    throw new InputError(`The query parameter "depth" must be a whole number from 1 to ${MAX_LINEAGE_DEPTH}; got "${raw}".`, 'invalid_parameter');
  }
  return depth;
}

/** `?direction=`: upstream, downstream or both (the default). */
export function parseLineageDirection(req: Request): LineageDirection {
  const raw = readOptionalQuery(req, 'direction', 100);
  if (raw === undefined) return 'both';
  const direction = LINEAGE_DIRECTIONS.find((d) => d === raw.trim());
  if (!direction) {
    throw new InputError(`The query parameter "direction" must be one of ${LINEAGE_DIRECTIONS.join(', ')}; got "${raw}".`, 'invalid_parameter');
  }
  return direction;
}

const POPULAR_TYPES: readonly PopularResourceType[] = ['table', 'dashboard'];

/** `?types=table,dashboard`: a comma list of table and dashboard; absent means table, as upstream. */
export function parsePopularTypes(req: Request): PopularResourceType[] {
  const raw = readOptionalQuery(req, 'types', 100);
  if (raw === undefined) return ['table'];
  const types = new Set<PopularResourceType>();
  for (const item of raw.split(',').map((t) => t.trim()).filter(Boolean)) {
    const type = POPULAR_TYPES.find((t) => t === item);
    if (!type) throw new InputError(`The query parameter "types" lists "${item}"; use table and/or dashboard, comma-separated.`, 'invalid_parameter');
    types.add(type);
  }
  if (types.size === 0) throw new InputError('The query parameter "types" lists no type; use table and/or dashboard, comma-separated.', 'invalid_parameter');
  return [...types];
}

/**
 * `?user_id=`, required, taken exactly as given: an id is exact, as Amundsen and the catalog keep it (no
 * trimming, no case folding), so " roald@…" and "ROALD@…" are nobody, as /user/<id> links to them show.
 * (Only an owner being added is trimmed: that is typed text, not an id read back.)
 */
export function parseUserId(req: Request): string {
  return parseRequiredQuery(req, 'user_id', MAX_USER_ID_LENGTH);
}

/** `?user_id=`, optional (absent or blank: the signed-in user), exact as parseUserId. */
export function parseOptionalUserId(req: Request): string | undefined {
  return readOptionalQuery(req, 'user_id', MAX_USER_ID_LENGTH);
}
