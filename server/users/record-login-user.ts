// People who log in are recorded in metadata, so their name, profile and bookmarks work from the first
// visit (Amundsen leaves them missing until an ingest job adds them: amundsen#1761). What metadata
// already knows wins; the login only fills in what is missing, so a login never erases a richer
// profile loaded by ingest (a PUT /user replaces every field).
import type { User } from '../../contract/bff-api';
import { normalizeUser, type PartialUser } from '../../contract/user';
import { NotFoundError, UpstreamError } from '../http/errors';
import type { AmundsenUser } from '../upstream/amundsen-schemas';
import type { MetadataClient } from '../upstream/metadata-client';

async function findUser(metadata: MetadataClient, token: string, userId: string): Promise<AmundsenUser | null> {
  try {
    return await metadata.getUser(token, userId);
  } catch (err) {
    // Our catalog answers 404 for an unknown user; Amundsen's Neo4j proxy answers 500.
    if (err instanceof NotFoundError || (err instanceof UpstreamError && err.code === 'upstream_failed')) return null;
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

export async function recordLoginUser(metadata: MetadataClient, token: string, user: User): Promise<'created' | 'updated' | 'unchanged'> {
  const known = await findUser(metadata, token, user.user_id);
  if (!known) {
    await metadata.putUser(token, user);
    return 'created';
  }
  const merged = mergeLoginUser(known, user);
  if (JSON.stringify(merged) === JSON.stringify(normalizeUser(known))) return 'unchanged';
  await metadata.putUser(token, merged);
  return 'updated';
}
