import type { User } from './bff-api';

/** The longest user id there is: an email is at most 320 characters. A longer id is nobody's. */
export const MAX_USER_ID_LENGTH = 320;

export type PartialUser = { [K in keyof User]?: User[K] | null | undefined };

const clean = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

type NameParts = { full_name?: string | null; first_name?: string | null; last_name?: string | null };

/**
 * A user's full name, by Amundsen's rule (common's UserSchema pre-load): a given `full_name` wins;
 * else "first last" when both names are given; else none. Blank counts as missing; parts are trimmed.
 * The one rule for the BFF, the catalog's writers and its search index.
 */
export function deriveFullName({ full_name, first_name, last_name }: NameParts): string | null {
  const given = clean(full_name);
  if (given) return given;
  const first = clean(first_name);
  const last = clean(last_name);
  return first && last ? `${first} ${last}` : null;
}

/**
 * Amundsen's User load rules: `user_id` falls back to `email`; `full_name` to first + last name (deriveFullName);
 * `display_name` to the full name, else the email, else the user id. Every field is present.
 * Returns null when there is no id to key the user by.
 */
export function normalizeUser(input: PartialUser): User | null {
  const email = clean(input.email);
  const userId = clean(input.user_id) ?? email;
  if (!userId) return null;
  // One object literal rather than entries over STRING_FIELDS: the BFF normalises every owner and
  // reader of every table it answers, and this is several times faster.
  const firstName = clean(input.first_name);
  const lastName = clean(input.last_name);
  const fullName = deriveFullName({ full_name: input.full_name, first_name: firstName, last_name: lastName });
  return {
    email,
    first_name: firstName,
    last_name: lastName,
    full_name: fullName,
    github_username: clean(input.github_username),
    team_name: clean(input.team_name),
    slack_id: clean(input.slack_id),
    employee_type: clean(input.employee_type),
    manager_fullname: clean(input.manager_fullname),
    manager_email: clean(input.manager_email),
    manager_id: clean(input.manager_id),
    role_name: clean(input.role_name),
    profile_url: clean(input.profile_url),
    user_id: userId,
    display_name: clean(input.display_name) ?? fullName ?? email ?? userId,
    is_active: input.is_active ?? true,
    other_key_values: input.other_key_values ?? {},
  };
}

/** The one or two letters of a person's avatar in the nav bar ("Roald Amundsen" → "RA"). */
export function initialsOf(user: Pick<User, 'full_name' | 'display_name'>): string {
  const parts = (user.full_name ?? user.display_name).split(/[\s.@_-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}
