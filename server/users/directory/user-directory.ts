// A people directory Nansen asks about people the metadata service does not know (Amundsen's
// USER_DETAIL_METHOD, built in): Okta's Users API, Google's People API, any SCIM 2.0 service, or a
// module of your own. Each answers with the User fields it knows, or null for "no such person".
import type { User } from '../../../contract/bff-api';

/** The User fields a directory may fill (the user id stays the one asked about). */
export type DirectoryUser = Partial<Omit<User, 'user_id' | 'other_key_values'>>;

export interface DirectoryContext {
  /** The signed-in user's access token from the identity provider (Okta and Google accept it). */
  readonly accessToken: string;
  /** Who is looking at the page. */
  readonly signedInUser: User;
  /** Aborted when the lookup takes longer than USER_DIRECTORY_TIMEOUT_MS. */
  readonly signal: AbortSignal;
}

export interface UserDirectory {
  /** okta, google, scim or module: for logs. */
  readonly name: string;
  getUserDetails(userId: string, context: DirectoryContext): Promise<DirectoryUser | null>;
}

/** The directory could not be asked or did not answer sensibly; the page goes on without it. */
export class DirectoryUnavailableError extends Error {
  override name = 'DirectoryUnavailableError';
}

const TEXT_FIELDS = [
  'email', 'first_name', 'last_name', 'full_name', 'display_name', 'github_username', 'team_name', 'slack_id',
  'employee_type', 'manager_fullname', 'manager_email', 'manager_id', 'role_name', 'profile_url',
] as const;

/** Keeps the known User fields with usable values from whatever a directory (or a module) returned. */
export function cleanDirectoryUser(value: unknown): DirectoryUser | null {
  if (!value || typeof value !== 'object') return null;
  const input = value as Record<string, unknown>;
  const user: DirectoryUser = {};
  for (const field of TEXT_FIELDS) {
    const text = input[field];
    if (typeof text === 'string' && text.trim() !== '') user[field] = text.trim();
  }
  if (user.profile_url && !/^https?:\/\//i.test(user.profile_url)) delete user.profile_url;
  if (typeof input.is_active === 'boolean') user.is_active = input.is_active;
  return user;
}

/** A JSON answer from a directory's HTTP API; statuses other than 2xx and 404 make it unavailable. */
export async function fetchDirectoryJson(url: URL, init: { headers: Record<string, string>; signal: AbortSignal }, what: string): Promise<unknown | null> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...init.headers }, signal: init.signal, redirect: 'error' });
  } catch (err) {
    const reason = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError') ? 'it did not answer in time' : 'it could not be reached';
    throw new DirectoryUnavailableError(`${what} at ${url.origin}: ${reason}`);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    const hint = response.status === 401 || response.status === 403 ? ' (the credential was refused or lacks the scope)' : response.status === 429 ? ' (rate limited)' : '';
    throw new DirectoryUnavailableError(`${what} at ${url.origin} answered HTTP ${response.status}${hint}`);
  }
  try {
    return await response.json();
  } catch {
    throw new DirectoryUnavailableError(`${what} at ${url.origin} did not answer JSON`);
  }
}

export const sameId = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
