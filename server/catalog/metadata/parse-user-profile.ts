// PUT /user's body, loaded like Amundsen's UserSchema: unknown fields dropped, `user_id` defaults to
// `email`, `full_name` to "first last", `display_name` to full_name else email; neither id nor
// email → 400, and no display name to derive (no display_name, full_name, first + last or email) →
// 400 (API.md §3). The body may also arrive double-encoded (a JSON string holding the User JSON), the
// shape Amundsen itself answers with; we accept both.
import { z } from 'zod';
import { deriveFullName } from '../../../contract/user';
import { InputError } from '../http/catalog-errors';
import type { UserProfile } from '../store/edit-users';

const text = z.string().nullish();

export const UserBodySchema = z.object({
  user_id: text,
  email: text,
  first_name: text,
  last_name: text,
  full_name: text,
  display_name: text,
  is_active: z.boolean().nullish(),
  github_username: text,
  team_name: text,
  slack_id: text,
  employee_type: text,
  manager_fullname: text,
  manager_email: text,
  manager_id: text,
  role_name: text,
  profile_url: text,
  other_key_values: z.record(z.string(), z.string()).nullish(),
});

export function parseUserProfile(body: unknown): UserProfile {
  if (body === undefined) throw new InputError('No user information provided in the request.');
  let value: unknown = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new InputError('The request body is a string but not a JSON-encoded User.');
    }
  }
  const parsed = UserBodySchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new InputError(`Invalid user: ${issues}`);
  }
  const u = parsed.data;
  const userId = u.user_id || u.email;
  if (!userId) throw new InputError('Invalid user: "user_id" or "email" must be provided.');
  const fullName = deriveFullName(u);
  const displayName = u.display_name || fullName || u.email;
  if (!displayName) {
    throw new InputError('Invalid user: "display_name", "full_name" (or "first_name" and "last_name") or "email" must be provided.');
  }
  return {
    user_id: userId,
    email: u.email ?? null,
    first_name: u.first_name ?? null,
    last_name: u.last_name ?? null,
    full_name: fullName,
    display_name: displayName,
    is_active: u.is_active ?? true,
    github_username: u.github_username ?? null,
    team_name: u.team_name ?? null,
    slack_id: u.slack_id ?? null,
    employee_type: u.employee_type ?? null,
    manager_user_id: u.manager_id || u.manager_email || null,
    // Kept as given, so a manager the catalog does not know still has a name (read-tables.ts USER_COLUMNS).
    manager_fullname: u.manager_fullname ?? null,
    manager_email: u.manager_email ?? null,
    role_name: u.role_name ?? null,
    profile_url: u.profile_url ?? null,
    other_key_values: u.other_key_values ?? {},
  };
}
