// People who log in are recorded in metadata, so their name, profile and bookmarks work from the first
// visit (Amundsen leaves them missing until an ingest job adds them: amundsen#1761). What metadata
// already knows wins; the login only fills in what is missing, so a login never erases a richer
// profile loaded by ingest (a PUT /user replaces every field).
//
// The other way round, the session's user (what /api/auth_user answers) is the login's, filled in
// from metadata where the claims say nothing (team, role, GitHub name…): the claims win where both
// have a value, since they are signed by the provider and fresh at each login (decision 043).
import type { User } from '../../contract/bff-api';
import { normalizeUser, type PartialUser } from '../../contract/user';
import type { AmundsenUser } from '../upstream/amundsen-schemas';
import type { MetadataClient } from '../upstream/metadata-client';
import { isUnknownUser } from './user-id-case-fallback';

export async function findUser(metadata: MetadataClient, token: string, userId: string): Promise<AmundsenUser | null> {
  try {
    return await metadata.getUser(token, userId);
  } catch (err) {
    if (isUnknownUser(err)) return null;
    throw err;
  }
}

export function mergeLoginUser(known: AmundsenUser, fromLogin: User): User {
  const merged: PartialUser = { ...fromLogin };
  for (const [field, value] of Object.entries(known) as [keyof PartialUser, unknown][]) {
    if (value !== null && value !== undefined && value !== '' && field in fromLogin) (merged as Record<string, unknown>)[field] = value;
  }
  return normalizeUser(merged) ?? fromLogin;
}

/** The session's user keeps at most this many characters (as JSON); a bigger profile is not copied in. */
export const MAX_SESSION_USER_CHARS = 8 * 1024;

/**
 * The login's user with what the claims left empty filled in from metadata's profile of them. A
 * display name that only stands in for a missing name (the email) gives way to metadata's name.
 * The user id is the login's, always.
 */
export function fillFromMetadata(fromLogin: User, known: AmundsenUser | null): User {
  if (!known) return fromLogin;
  const given = (field: string, value: unknown) =>
    field === 'other_key_values' ? !!value && typeof value === 'object' && Object.keys(value).length > 0 : value !== null && value !== undefined && value !== '';
  const standIn = fromLogin.full_name === null && fromLogin.display_name === (fromLogin.email ?? fromLogin.user_id);
  const filled: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(known)) {
    if (field in fromLogin && given(field, value)) filled[field] = value;
  }
  for (const [field, value] of Object.entries(fromLogin)) {
    if (given(field, value) && !(field === 'display_name' && standIn)) filled[field] = value;
  }
  const user = normalizeUser({ ...(filled as PartialUser), user_id: fromLogin.user_id, is_active: fromLogin.is_active }) ?? fromLogin;
  return JSON.stringify(user).length <= MAX_SESSION_USER_CHARS ? user : fromLogin;
}

export async function recordLoginUser(
  metadata: MetadataClient,
  token: string,
  user: User,
  /** Metadata's profile of the user when already looked up (null: none). */
  lookedUp?: Promise<AmundsenUser | null>,
): Promise<'created' | 'updated' | 'unchanged'> {
  const known = await (lookedUp ?? findUser(metadata, token, user.user_id));
  if (!known) {
    await metadata.putUser(token, user);
    return 'created';
  }
  const merged = mergeLoginUser(known, user);
  if (JSON.stringify(merged) === JSON.stringify(normalizeUser(known))) return 'unchanged';
  await metadata.putUser(token, merged);
  return 'updated';
}

/**
 * At login: looks the user up in metadata once, for the session's user (waiting at most `waitMs`, so a
 * slow metadata service delays a login that long and no longer: the claims' user is kept then) and for
 * recording them, which goes on in the background (`onRecorded` hears how it ended).
 */
export async function profileLoginUser(
  metadata: MetadataClient,
  token: string,
  user: User,
  options: { waitMs: number; onRecorded: (outcome: Awaited<ReturnType<typeof recordLoginUser>> | Error) => void },
): Promise<User> {
  const lookup = findUser(metadata, token, user.user_id);
  recordLoginUser(metadata, token, user, lookup).then(options.onRecorded, (err: unknown) => options.onRecorded(err instanceof Error ? err : new Error(String(err))));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), options.waitMs);
  });
  try {
    return fillFromMetadata(user, await Promise.race([lookup.catch(() => null), late]));
  } finally {
    clearTimeout(timer);
  }
}
