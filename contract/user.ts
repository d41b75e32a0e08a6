import type { User } from './bff-api';

export type PartialUser = { [K in keyof User]?: User[K] | null | undefined };

const STRING_FIELDS = [
  'email', 'first_name', 'last_name', 'full_name', 'github_username', 'team_name', 'slack_id',
  'employee_type', 'manager_fullname', 'manager_email', 'manager_id', 'role_name', 'profile_url',
] as const;

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
  const strings = Object.fromEntries(STRING_FIELDS.map((f) => [f, clean(input[f])])) as Record<(typeof STRING_FIELDS)[number], string | null>;
  const fullName = deriveFullName(strings);
  return {
    ...strings,
    user_id: userId,
    email,
    full_name: fullName,
    display_name: clean(input.display_name) ?? fullName ?? email ?? userId,
    is_active: input.is_active ?? true,
    other_key_values: input.other_key_values ?? {},
  };
}
