// The store's read path for users: profiles and the resources a user follows, owns and reads.
import type { CatalogDatabase } from './open-catalog-database';
import type { AmundsenPopularTable, AmundsenUser } from '../../../contract/amundsen-shapes';
import { toAmundsenUser, USER_COLUMNS, type UserRow } from './read-tables';
import { createDashboardReader, type AmundsenDashboardSummary } from './read-dashboards';

/** At most this many tables in GET /user/UID/read/ (as Amundsen). */
export const READ_TABLE_LIMIT = 50;

export interface UserResources {
  table: AmundsenPopularTable[];
  dashboard: AmundsenDashboardSummary[];
}

export interface UserReader {
  getUser(userId: string): AmundsenUser | undefined;
  listActiveUsers(): AmundsenUser[];
  /**
   * Bookmarked tables and dashboards, newest bookmark first, as the SPA shows one just made (decision
   * 089; Amundsen's Neo4j proxy sorts by name, as it keeps no time).
   */
  listFollowed(userId: string): UserResources;
  listOwned(userId: string): UserResources;
  /** Tables the user read most, at most READ_TABLE_LIMIT. */
  listRead(userId: string): AmundsenPopularTable[];
}

const POPULAR_TABLE_COLUMNS = 's.database, s.cluster, s.name AS schema, t.name, t.description';

export function createUserReader(db: CatalogDatabase): UserReader {
  const dashboards = createDashboardReader(db);
  const byId = db.prepare(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN users m ON m.user_id = u.manager_user_id WHERE u.user_id = ?`);
  const active = db.prepare(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN users m ON m.user_id = u.manager_user_id
    WHERE u.is_active = 1 ORDER BY u.user_id`);
  const followedTables = db.prepare(`
    SELECT ${POPULAR_TABLE_COLUMNS} FROM users u JOIN bookmarks b ON b.user_id = u.id AND b.resource_type = 'table'
    JOIN tables t ON t.key = b.resource_key JOIN schemas s ON s.id = t.schema_id
    WHERE u.user_id = ? ORDER BY b.created_at DESC, s.name, t.name, t.key`);
  const followedDashboards = db.prepare(`
    SELECT d.id FROM users u JOIN bookmarks b ON b.user_id = u.id AND b.resource_type = 'dashboard'
    JOIN dashboards d ON d.key = b.resource_key JOIN dashboard_groups g ON g.id = d.group_id
    WHERE u.user_id = ? ORDER BY b.created_at DESC, g.name, d.name, d.key`).pluck();
  const ownedTables = db.prepare(`
    SELECT ${POPULAR_TABLE_COLUMNS} FROM users u JOIN table_owners o ON o.user_id = u.id
    JOIN tables t ON t.id = o.table_id JOIN schemas s ON s.id = t.schema_id
    WHERE u.user_id = ? ORDER BY s.name, t.name, t.key`);
  const ownedDashboards = db.prepare(`
    SELECT d.id FROM users u JOIN dashboard_owners o ON o.user_id = u.id JOIN dashboards d ON d.id = o.dashboard_id
    JOIN dashboard_groups g ON g.id = d.group_id WHERE u.user_id = ? ORDER BY g.name, d.name, d.key`).pluck();
  const readTables = db.prepare(`
    SELECT ${POPULAR_TABLE_COLUMNS} FROM users u JOIN table_readers r ON r.user_id = u.id
    JOIN tables t ON t.id = r.table_id JOIN schemas s ON s.id = t.schema_id
    WHERE u.user_id = ? ORDER BY r.read_count DESC, t.key LIMIT ${READ_TABLE_LIMIT}`);

  return {
    getUser(userId) {
      const row = byId.get(userId) as UserRow | undefined;
      return row && toAmundsenUser(row);
    },
    listActiveUsers: () => (active.all() as UserRow[]).map(toAmundsenUser),
    listFollowed: (userId) => ({
      table: followedTables.all(userId) as AmundsenPopularTable[],
      dashboard: dashboards.summarizeDashboards(followedDashboards.all(userId) as number[]),
    }),
    listOwned: (userId) => ({
      table: ownedTables.all(userId) as AmundsenPopularTable[],
      dashboard: dashboards.summarizeDashboards(ownedDashboards.all(userId) as number[]),
    }),
    listRead: (userId) => readTables.all(userId) as AmundsenPopularTable[],
  };
}
