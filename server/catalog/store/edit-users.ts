// The metadata write path for users: PUT /user (create or replace a profile) and bookmarks
// ("follow"). One BEGIN IMMEDIATE transaction per write, with its edit-log entry and the user's
// search document refreshed in the same transaction.
import type { CatalogDatabase } from './open-catalog-database';
import type { AmundsenUser } from '../../../contract/amundsen-shapes';
import { createEditLog, type EditLog } from './edit-log';
import { createImmediateRunner } from './run-immediate';
import { createUserRows, type UserRowValues } from './user-rows';
import { createSearchIndexMaintainer, type SearchIndexMaintainer } from './search-index';
import { createUserReader } from './read-users';

/**
 * A validated User as PUT /user loads it (user_id already defaulted from email; manager_user_id is
 * Amundsen's manager_id, else manager_email; manager_fullname and manager_email as given).
 */
export type UserProfile = Omit<UserRowValues, 'is_active' | 'other_key_values'> & {
  is_active: boolean;
  other_key_values: Record<string, string>;
};

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
  const userRows = createUserRows(db);
  const resourceExists = {
    table: db.prepare('SELECT 1 FROM tables WHERE key = ?').pluck(),
    dashboard: db.prepare('SELECT 1 FROM dashboards WHERE key = ?').pluck(),
  };
  const insertBookmark = db.prepare(
    'INSERT OR IGNORE INTO bookmarks (user_id, resource_type, resource_key, created_at) VALUES (?, ?, ?, ?)',
  );
  // When it was made, in milliseconds, and after the user's newest bookmark: bookmarks made within one
  // millisecond (or after the clock was set back) still list in the order they were made (read-users.ts).
  const newestBookmarkAt = db.prepare('SELECT max(created_at) FROM bookmarks WHERE user_id = ?').pluck();
  const deleteBookmark = db.prepare('DELETE FROM bookmarks WHERE user_id = ? AND resource_type = ? AND resource_key = ?');

  return {
    putUser(profile, by) {
      return runImmediate(() => {
        const before = users.getUser(profile.user_id) ?? null;
        const id = userRows.upsert({
          ...profile,
          is_active: profile.is_active ? 1 : 0,
          other_key_values: JSON.stringify(profile.other_key_values),
        });
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
        const { id, created } = userRows.ensure(userId);
        if (created) searchIndex.refreshUsers([id]);
        const newest = newestBookmarkAt.get(id) as number | null;
        if (insertBookmark.run(id, type, key, Math.max(Date.now(), (newest ?? 0) + 1)).changes > 0) {
          editLog.record({ resource_key: userId, resource_type: 'user', action: 'add', field: 'follow', before: null,
            after: { resource_type: type, resource_key: key }, user_id: by });
        }
        return true;
      });
    },
    unfollow(userId, type, key, by) {
      return runImmediate(() => {
        if (!resourceExists[type].get(key)) return false;
        const id = userRows.find(userId);
        if (id !== undefined && deleteBookmark.run(id, type, key).changes > 0) {
          editLog.record({ resource_key: userId, resource_type: 'user', action: 'remove', field: 'follow',
            before: { resource_type: type, resource_key: key }, after: null, user_id: by });
        }
        return true;
      });
    },
  };
}
