// The metadata write path for users: PUT /user (create or replace a profile) and bookmarks
// ("follow"). One BEGIN IMMEDIATE transaction per write, with its edit-log entry and the user's
// search document refreshed in the same transaction.
import type { CatalogDatabase } from './open-catalog-database';
import type { AmundsenUser } from './amundsen-models';
import { createEditLog, type EditLog } from './edit-log';
import { createImmediateRunner } from './run-immediate';
import { createSearchIndexMaintainer, type SearchIndexMaintainer } from './search-index';
import { createUserReader } from './read-users';

/** A validated User as PUT /user loads it (user_id already defaulted from email). */
export interface UserProfile {
  user_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  display_name: string | null;
  is_active: boolean;
  github_username: string | null;
  team_name: string | null;
  slack_id: string | null;
  employee_type: string | null;
  /** The manager's user id (Amundsen's manager_id, else manager_email). */
  manager_user_id: string | null;
  role_name: string | null;
  profile_url: string | null;
  other_key_values: Record<string, string>;
}

export type BookmarkType = 'table' | 'dashboard';

export interface UserEditor {
  /** Creates or replaces the user; `created` tells which. */
  putUser(profile: UserProfile, by: string): { user: AmundsenUser; created: boolean };
  /** false: the resource does not exist. Creates the user (id as email) when unknown. */
  follow(userId: string, type: BookmarkType, key: string, by: string): boolean;
  /** false: the resource does not exist. */
  unfollow(userId: string, type: BookmarkType, key: string, by: string): boolean;
}

export function createUserEditor(
  db: CatalogDatabase,
  searchIndex: SearchIndexMaintainer = createSearchIndexMaintainer(db),
  editLog: EditLog = createEditLog(db),
): UserEditor {
  const runImmediate = createImmediateRunner(db);
  const users = createUserReader(db);
  const upsert = db.prepare(`
    INSERT INTO users (user_id, email, first_name, last_name, full_name, display_name, is_active, github_username,
      team_name, slack_id, employee_type, manager_user_id, role_name, profile_url, other_key_values)
    VALUES (@user_id, @email, @first_name, @last_name, @full_name, @display_name, @is_active, @github_username,
      @team_name, @slack_id, @employee_type, @manager_user_id, @role_name, @profile_url, @other_key_values)
    ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name,
      last_name = excluded.last_name, full_name = excluded.full_name, display_name = excluded.display_name,
      is_active = excluded.is_active, github_username = excluded.github_username, team_name = excluded.team_name,
      slack_id = excluded.slack_id, employee_type = excluded.employee_type, manager_user_id = excluded.manager_user_id,
      role_name = excluded.role_name, profile_url = excluded.profile_url, other_key_values = excluded.other_key_values
    RETURNING id`).pluck();
  const findUser = db.prepare('SELECT id FROM users WHERE user_id = ?').pluck();
  const insertBareUser = db.prepare('INSERT INTO users (user_id, email) VALUES (?, ?) RETURNING id').pluck();
  const resourceExists = {
    table: db.prepare('SELECT 1 FROM tables WHERE key = ?').pluck(),
    dashboard: db.prepare('SELECT 1 FROM dashboards WHERE key = ?').pluck(),
  };
  const insertBookmark = db.prepare(
    'INSERT OR IGNORE INTO bookmarks (user_id, resource_type, resource_key, created_at) VALUES (?, ?, ?, ?)',
  );
  const deleteBookmark = db.prepare('DELETE FROM bookmarks WHERE user_id = ? AND resource_type = ? AND resource_key = ?');

  return {
    putUser(profile, by) {
      return runImmediate(() => {
        const before = users.getUser(profile.user_id) ?? null;
        const id = upsert.get({
          ...profile,
          is_active: profile.is_active ? 1 : 0,
          other_key_values: JSON.stringify(profile.other_key_values),
        }) as number;
        const user = users.getUser(profile.user_id)!;
        if (JSON.stringify(before) !== JSON.stringify(user)) {
          editLog.record({
            resource_key: profile.user_id, resource_type: 'user', action: before ? 'update' : 'create', field: 'user',
            before, after: user, user_id: by,
          });
          searchIndex.refreshUsers([id]);
        }
        return { user, created: before === null };
      });
    },
    follow(userId, type, key, by) {
      return runImmediate(() => {
        if (!resourceExists[type].get(key)) return false;
        let id = findUser.get(userId) as number | undefined;
        if (id === undefined) {
          id = insertBareUser.get(userId, userId) as number;
          searchIndex.refreshUsers([id]);
        }
        if (insertBookmark.run(id, type, key, Math.floor(Date.now() / 1000)).changes > 0) {
          editLog.record({ resource_key: userId, resource_type: 'user', action: 'add', field: 'follow', before: null,
            after: { resource_type: type, resource_key: key }, user_id: by });
        }
        return true;
      });
    },
    unfollow(userId, type, key, by) {
      return runImmediate(() => {
        if (!resourceExists[type].get(key)) return false;
        const id = findUser.get(userId) as number | undefined;
        if (id !== undefined && deleteBookmark.run(id, type, key).changes > 0) {
          editLog.record({ resource_key: userId, resource_type: 'user', action: 'remove', field: 'follow',
            before: { resource_type: type, resource_key: key }, after: null, user_id: by });
        }
        return true;
      });
    },
  };
}
