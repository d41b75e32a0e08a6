// Where a table owner is added or removed in the metadata service (decision 032, "Table owners whose
// id holds /"). Amundsen has two routes that set the same table ownership (API.md §4.3, §4.5):
// `/table/KEY/owner/<owner>`, whose <owner> is one path segment, and `/user/<path:UID>/own/TYPE/KEY`
// (TYPE ignored: always the table KEY). An owner without "/" keeps the first, which Amundsen's own
// frontend calls; one with "/" can only take the second (a "/" sent as %2F is decoded before routing).
import { holdsControlCharacter } from '../../contract/impossible-user-id';
import { InputError } from '../http/errors';
import { encodeKeyForPath, encodeUserIdForPath } from './upstream-http';

/** A "." or ".." segment between slashes or at either end, or the whole id. */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
/**
 * A segment `own` or `follow` after the first (so only in an id holding "/"): in
 * `/user/<UID>/own/table/KEY` Amundsen's non-greedy `<path:>` ends the UID at the first
 * `/own/<segment>/` (and its `/follow/<segment>/` route wins), so `team/own/ana` would be read as the
 * owner `team` of the table `own/table/KEY`.
 */
const ROUTE_SEGMENT = /\/(own|follow)(\/|$)/;

/** Why `owner` cannot be sent to the metadata service as an owner, in words; null when it can. */
export function ownerIdProblem(owner: string): string | null {
  if (holdsControlCharacter(owner)) {
    // No person's id holds one (decision 101), and no metadata route can carry it: asking would only fail upstream.
    return `The user id ${JSON.stringify(owner)} holds a line break or another control character, which no person's id has.`;
  }
  if (DOT_SEGMENT.test(owner)) {
    return `The user id "${owner}" has a "." or ".." path segment, which the metadata service may not see as part of the id.`;
  }
  if (ROUTE_SEGMENT.test(owner)) {
    return `The user id "${owner}" has "/own" or "/follow" between slashes, where Amundsen's metadata service would end the id.`;
  }
  return null;
}

/** The path that adds (PUT) or removes (DELETE) `owner` of the table `tableKey`; 400 `invalid_user_id` when none can. */
export function tableOwnerPath(tableKey: string, owner: string): string {
  const problem = ownerIdProblem(owner);
  if (problem) throw new InputError(problem, 'invalid_user_id');
  if (owner.includes('/')) return `/user/${encodeUserIdForPath(owner)}/own/table/${encodeKeyForPath(tableKey)}`;
  return `/table/${encodeKeyForPath(tableKey)}/owner/${encodeURIComponent(owner)}`;
}
