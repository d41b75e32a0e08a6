// People the metadata service does not know — owners, frequent users and profile pages name people who
// never logged in — are looked up in the directory (USER_DIRECTORY), recorded in metadata (PUT /user)
// and shown. The directory never fails a page: when it is down or slow, the page shows what metadata
// knows (a profile metadata does not know at all is then "no such person", as before).
import type { User } from '../../contract/bff-api';
import { holdsControlCharacter } from '../../contract/impossible-user-id';
import { normalizeUser } from '../../contract/user';
import { NotFoundError } from '../http/errors';
import type { Logger } from '../http/logger';
import type { AmundsenUser } from '../upstream/amundsen-schemas';
import type { MetadataClient } from '../upstream/metadata-client';
import { getUserIgnoringEmailCase, isUnknownUser } from './user-id-case-fallback';
import { type CachedAnswer, createDirectoryCache, type DirectoryCache } from './directory/directory-cache';
import type { DirectoryUser, UserDirectory } from './directory/user-directory';

/** Who is asking, and with which credentials. */
export interface PeopleContext {
  /** What goes to the metadata service (UPSTREAM_AUTH decides its form). */
  token: string;
  /** The signed-in user's access token from the identity provider (for Okta and Google directories). */
  accessToken: string;
  signedInUser: User;
}

export interface PeopleResolver {
  /** A profile: metadata's, filled from the directory when metadata knows only the id; NotFoundError when neither knows. */
  getUser(context: PeopleContext, userId: string): Promise<AmundsenUser>;
  /** Owners, readers …: those metadata knows only by id, filled from the directory (at most a few per page). */
  fillUsers(context: PeopleContext, users: readonly AmundsenUser[]): Promise<AmundsenUser[]>;
}

export interface PeopleResolverOptions {
  metadata: MetadataClient;
  directory: UserDirectory;
  logger: Logger;
  timeoutMs: number;
  cache?: DirectoryCache;
  cacheTtlMs?: number;
  cacheSize?: number;
}

/** A page asks the directory about at most this many people; the rest show as metadata has them. */
export const MAX_LOOKUPS_PER_PAGE = 20;

/** Metadata knows this person by id only (Amundsen's Neo4j owners, the catalog's bare rows): no name at all. */
export function isBareUser(user: AmundsenUser): boolean {
  const ids = new Set([user.user_id, user.email].filter(Boolean));
  return !user.first_name && !user.last_name && !user.full_name && (!user.display_name || ids.has(user.display_name));
}

function toAmundsenUser(userId: string, known: AmundsenUser | null, found: DirectoryUser): AmundsenUser {
  const email = known?.email ?? found.email ?? (userId.includes('@') ? userId : null);
  const user = normalizeUser({ ...found, user_id: userId, email, is_active: found.is_active ?? known?.is_active ?? true, other_key_values: known?.other_key_values ?? {} });
  return user!;
}

export function createPeopleResolver(options: PeopleResolverOptions): PeopleResolver {
  const { metadata, directory, logger } = options;
  const cache = options.cache ?? createDirectoryCache({ ttlMs: options.cacheTtlMs ?? 3_600_000, maxEntries: options.cacheSize ?? 10_000 });
  const inFlight = new Map<string, Promise<CachedAnswer>>();

  async function ask(context: PeopleContext, userId: string): Promise<CachedAnswer> {
    try {
      const user = await directory.getUserDetails(userId, { accessToken: context.accessToken, signedInUser: context.signedInUser, signal: AbortSignal.timeout(options.timeoutMs) });
      return { user, recorded: false };
    } catch (err) {
      // The reason names the directory and a status, never a token.
      const reason = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError') ? 'it did not answer in time' : err instanceof Error ? err.message : String(err);
      logger.warn(`the ${directory.name} user directory could not be asked about ${userId} (${reason}); showing what the metadata service knows`);
      return { user: undefined, recorded: false };
    }
  }

  function lookUp(context: PeopleContext, userId: string): Promise<CachedAnswer> {
    const cached = cache.get(userId);
    if (cached) return Promise.resolve(cached);
    const key = userId.toLowerCase();
    let pending = inFlight.get(key);
    if (!pending) {
      pending = ask(context, userId)
        .then((answer) => {
          cache.set(userId, answer);
          return answer;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  async function record(context: PeopleContext, answer: CachedAnswer, user: AmundsenUser): Promise<void> {
    if (answer.recorded) return;
    answer.recorded = true;
    try {
      await metadata.putUser(context.token, normalizeUser(user)!);
    } catch (err) {
      answer.recorded = false;
      logger.warn(`recording ${user.user_id} from the ${directory.name} user directory failed`, err instanceof Error ? new Error(err.message) : undefined);
    }
  }

  /** The directory's version of a person metadata knows only by id (or not at all); null when it has none. */
  async function fill(context: PeopleContext, userId: string, known: AmundsenUser | null): Promise<AmundsenUser | null> {
    const answer = await lookUp(context, userId);
    if (!answer.user) return null;
    const user = toAmundsenUser(userId, known, answer.user);
    await record(context, answer, user);
    return user;
  }

  return {
    async getUser(context, userId) {
      let known: AmundsenUser | null = null;
      try {
        known = await getUserIgnoringEmailCase((id) => metadata.getUser(context.token, id), userId);
      } catch (err) {
        if (!isUnknownUser(err)) throw err;
      }
      if (known && !isBareUser(known)) return known;
      // An id with a line break around it that metadata has nobody for: the directory is not asked with it (decision 101).
      if (!known && holdsControlCharacter(userId)) throw new NotFoundError(`No user ${JSON.stringify(userId)}`, 'not_found');
      // Filled and recorded under the id metadata has (it differs from `userId` in case only, decision 088).
      const filled = await fill(context, known?.user_id ?? userId, known);
      if (filled) return filled;
      if (known) return known;
      throw new NotFoundError(`No user ${userId}`, 'not_found');
    },

    async fillUsers(context, users) {
      const idOf = (u: AmundsenUser) => u.user_id ?? u.email;
      const wanted = [...new Set(users.filter(isBareUser).map(idOf).filter((id): id is string => !!id))].slice(0, MAX_LOOKUPS_PER_PAGE);
      if (wanted.length === 0) return [...users];
      const byId = new Map(users.map((u) => [idOf(u), u]));
      const filled = new Map<string, AmundsenUser>();
      await Promise.all(
        wanted.map(async (userId) => {
          const user = await fill(context, userId, byId.get(userId) ?? null);
          if (user) filled.set(userId, user);
        }),
      );
      return users.map((u) => filled.get(idOf(u) ?? '') ?? u);
    },
  };
}
