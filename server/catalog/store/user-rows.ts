// The users table's rows, for every write path (bulk tables, ingest, PUT /user, owners, bookmarks):
// one upsert of a full profile, and "find or create a bare user" for references by email.
import type { CatalogDatabase } from './open-catalog-database';

/** A users row as written: booleans as 0/1, other_key_values as JSON text. */
export interface UserRowValues {
  user_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  display_name: string | null;
  is_active: 0 | 1;
  github_username: string | null;
  team_name: string | null;
  slack_id: string | null;
  employee_type: string | null;
  manager_user_id: string | null;
  /**
   * The manager's name and email as the profile gave them (Amundsen's User fields). Optional: absent
   * means null, like every other field of a full-profile upsert.
   */
  manager_fullname?: string | null;
  manager_email?: string | null;
  role_name: string | null;
  profile_url: string | null;
  other_key_values: string;
}

export interface UserRows {
  /** Creates or replaces a full profile; returns the row id. */
  upsert(values: UserRowValues): number;
  /** The row id of a user, if there is one. */
  find(userId: string): number | undefined;
  /** The row id of a user, creating a bare one (the id doubles as the email) when unknown. */
  ensure(userId: string): { id: number; created: boolean };
}

export function createUserRows(db: CatalogDatabase): UserRows {
  const upsert = db.prepare(`
    INSERT INTO users (user_id, email, first_name, last_name, full_name, display_name, is_active, github_username,
      team_name, slack_id, employee_type, manager_user_id, manager_fullname, manager_email, role_name, profile_url,
      other_key_values)
    VALUES (@user_id, @email, @first_name, @last_name, @full_name, @display_name, @is_active, @github_username,
      @team_name, @slack_id, @employee_type, @manager_user_id, @manager_fullname, @manager_email, @role_name, @profile_url,
      @other_key_values)
    ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name,
      last_name = excluded.last_name, full_name = excluded.full_name, display_name = excluded.display_name,
      is_active = excluded.is_active, github_username = excluded.github_username, team_name = excluded.team_name,
      slack_id = excluded.slack_id, employee_type = excluded.employee_type, manager_user_id = excluded.manager_user_id,
      manager_fullname = excluded.manager_fullname, manager_email = excluded.manager_email, role_name = excluded.role_name,
      profile_url = excluded.profile_url, other_key_values = excluded.other_key_values
    RETURNING id`).pluck();
  const find = db.prepare('SELECT id FROM users WHERE user_id = ?').pluck();
  const insertBare = db.prepare('INSERT INTO users (user_id, email) VALUES (?, ?) RETURNING id').pluck();

  return {
    // better-sqlite3 refuses a missing named parameter: the optional manager fields default to null here.
    upsert: (values) => upsert.get({
      ...values, manager_fullname: values.manager_fullname ?? null, manager_email: values.manager_email ?? null,
    }) as number,
    find: (userId) => find.get(userId) as number | undefined,
    ensure(userId) {
      const existing = find.get(userId) as number | undefined;
      return existing !== undefined ? { id: existing, created: false } : { id: insertBare.get(userId, userId) as number, created: true };
    },
  };
}
