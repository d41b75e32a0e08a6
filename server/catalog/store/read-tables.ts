// The store's read path for tables: the full Amundsen Table detail and popularity-ranked summaries.
import type { UserRowValues } from './user-rows';
import type { CatalogDatabase } from './open-catalog-database';
import type {
  AmundsenApplication,
  AmundsenBadge,
  AmundsenColumn,
  AmundsenStat,
  AmundsenTable,
  AmundsenTableSummary,
  AmundsenTypeMetadata,
  AmundsenUser,
} from '../../../contract/amundsen-shapes';

/** How many readers the table detail lists (Amundsen's Neo4j proxy returns the top 5). */
export const TABLE_READER_LIMIT = 5;

export interface TableReader {
  getTableDetail(key: string): AmundsenTable | undefined;
  listPopularTables(limit: number): AmundsenTableSummary[];
}

/** A users row as read, with the manager's name and email resolved (see USER_COLUMNS). */
export interface UserRow extends Omit<UserRowValues, 'is_active' | 'manager_fullname' | 'manager_email'> {
  is_active: number;
  manager_full_name: string | null;
  manager_email: string | null;
}

/**
 * Columns of `users u` (plus its manager `m`, LEFT JOINed) that toAmundsenUser needs.
 * The manager's name and email, per field: the manager's own row wins when the catalog knows the
 * manager and has that value (it is the one kept current, so a rename reaches every report), else
 * what the user's profile gave (PUT /user, ingest) — so a manager the catalog does not know, or
 * knows only as a bare id, keeps the name and email the profile was given. A bare row (created
 * when someone named the id as an owner or reader: no names) has its id as email, which is no
 * better than the profile's; its email counts only when the profile gave none.
 */
export const USER_COLUMNS = `u.user_id, u.email, u.first_name, u.last_name, u.full_name, u.display_name, u.is_active,
  u.github_username, u.team_name, u.slack_id, u.employee_type, u.manager_user_id,
  COALESCE(m.full_name, u.manager_fullname) AS manager_full_name,
  CASE WHEN coalesce(m.full_name, m.display_name, m.first_name, m.last_name) IS NULL
    THEN COALESCE(u.manager_email, m.email) ELSE COALESCE(m.email, u.manager_email) END AS manager_email,
  u.role_name, u.profile_url, u.other_key_values`;

export function toAmundsenUser(row: UserRow): AmundsenUser {
  return {
    user_id: row.user_id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    full_name: row.full_name,
    display_name: row.display_name ?? row.full_name ?? row.email,
    is_active: row.is_active === 1,
    github_username: row.github_username,
    team_name: row.team_name,
    slack_id: row.slack_id,
    employee_type: row.employee_type,
    manager_fullname: row.manager_full_name,
    manager_email: row.manager_email,
    manager_id: row.manager_user_id,
    role_name: row.role_name,
    profile_url: row.profile_url,
    other_key_values: JSON.parse(row.other_key_values) as Record<string, string>,
  };
}

export function createTableReader(db: CatalogDatabase): TableReader {
  const tableByKey = db.prepare(`
    SELECT t.id, t.key, t.name, t.description, t.is_view, t.last_updated_timestamp, t.source_type, t.source_url,
      s.database, s.cluster, s.name AS schema_name, s.description AS schema_description
    FROM tables t JOIN schemas s ON s.id = t.schema_id WHERE t.key = ?`);
  const columnsOf = db.prepare(
    'SELECT id, name, description, col_type, sort_order FROM columns WHERE table_id = ? ORDER BY sort_order, name',
  );
  const statsOf = db.prepare(`
    SELECT cs.column_id, cs.stat_type, cs.stat_val, cs.start_epoch, cs.end_epoch, cs.is_metric
    FROM column_stats cs JOIN columns c ON c.id = cs.column_id WHERE c.table_id = ? ORDER BY cs.stat_type`);
  const columnBadgesOf = db.prepare(`
    SELECT cb.column_id, b.name AS badge_name, b.category FROM column_badges cb
    JOIN columns c ON c.id = cb.column_id JOIN badges b ON b.id = cb.badge_id
    WHERE c.table_id = ? ORDER BY b.name`);
  const typeMetadataOf = db.prepare(`
    SELECT tm.id, tm.column_id, tm.parent_id, tm.key, tm.kind, tm.name, tm.description, tm.data_type, tm.sort_order
    FROM type_metadata tm JOIN columns c ON c.id = tm.column_id WHERE c.table_id = ? ORDER BY tm.sort_order, tm.name`);
  const typeMetadataBadgesOf = db.prepare(`
    SELECT tmb.type_metadata_id, b.name AS badge_name, b.category FROM type_metadata_badges tmb
    JOIN type_metadata tm ON tm.id = tmb.type_metadata_id JOIN columns c ON c.id = tm.column_id
    JOIN badges b ON b.id = tmb.badge_id WHERE c.table_id = ? ORDER BY b.name`);
  const tagsOf = db.prepare(`
    SELECT g.tag_type, g.name AS tag_name FROM table_tags tt JOIN tags g ON g.id = tt.tag_id
    WHERE tt.table_id = ? AND g.tag_type = 'default' ORDER BY g.name`);
  const badgesOf = db.prepare(`
    SELECT b.name AS badge_name, b.category FROM table_badges tb JOIN badges b ON b.id = tb.badge_id
    WHERE tb.table_id = ? ORDER BY b.name`);
  const ownersOf = db.prepare(`
    SELECT ${USER_COLUMNS} FROM table_owners o JOIN users u ON u.id = o.user_id
    LEFT JOIN users m ON m.user_id = u.manager_user_id WHERE o.table_id = ? ORDER BY u.user_id`);
  const readersOf = db.prepare(`
    SELECT ${USER_COLUMNS}, r.read_count FROM table_readers r JOIN users u ON u.id = r.user_id
    LEFT JOIN users m ON m.user_id = u.manager_user_id WHERE r.table_id = ?
    ORDER BY r.read_count DESC, u.user_id LIMIT ${TABLE_READER_LIMIT}`);
  const watermarksOf = db.prepare(
    'SELECT watermark_type, partition_key, partition_value, create_time FROM watermarks WHERE table_id = ? ORDER BY watermark_type',
  );
  const programmaticOf = db.prepare(
    'SELECT source, text FROM programmatic_descriptions WHERE table_id = ? ORDER BY source',
  );
  const applicationsOf = db.prepare(`
    SELECT a.app_key, a.name, a.description, a.application_url, ta.kind FROM table_applications ta
    JOIN applications a ON a.id = ta.application_id WHERE ta.table_id = ? ORDER BY ta.kind DESC, a.app_key`);
  const reportsOf = db.prepare('SELECT name, url FROM resource_reports WHERE table_id = ? ORDER BY name');
  const popular = db.prepare(`
    SELECT s.database, s.cluster, s.name AS schema, t.name, t.description, s.description AS schema_description
    FROM tables t JOIN schemas s ON s.id = t.schema_id ORDER BY t.popularity DESC, t.key LIMIT ?`);

  function getTableDetail(key: string): AmundsenTable | undefined {
    const t = tableByKey.get(key) as
      | { id: number; key: string; name: string; description: string | null; is_view: number;
          last_updated_timestamp: number | null; source_type: string | null; source_url: string | null;
          database: string; cluster: string; schema_name: string; schema_description: string | null }
      | undefined;
    if (!t) return undefined;

    const statsByColumn = groupBy(statsOf.all(t.id) as (AmundsenStat & { column_id: number; is_metric: number | null })[], 'column_id');
    const badgesByColumn = groupBy(columnBadgesOf.all(t.id) as (AmundsenBadge & { column_id: number })[], 'column_id');
    const typeMetadataByColumn = buildTypeMetadata(
      typeMetadataOf.all(t.id) as TypeMetadataRow[],
      groupBy(typeMetadataBadgesOf.all(t.id) as (AmundsenBadge & { type_metadata_id: number })[], 'type_metadata_id'),
    );
    const columns: AmundsenColumn[] = (columnsOf.all(t.id) as { id: number; name: string; description: string | null; col_type: string; sort_order: number }[])
      .map((c) => ({
        name: c.name,
        key: `${t.key}/${c.name}`,
        description: c.description,
        col_type: c.col_type,
        sort_order: c.sort_order,
        stats: (statsByColumn.get(c.id) ?? []).map((s) => ({
          stat_type: s.stat_type,
          stat_val: s.stat_val,
          start_epoch: s.start_epoch,
          end_epoch: s.end_epoch,
          is_metric: s.is_metric == null ? null : s.is_metric === 1,
        })),
        badges: (badgesByColumn.get(c.id) ?? []).map(({ badge_name, category }) => ({ badge_name, category })),
        type_metadata: typeMetadataByColumn.get(c.id) ?? null,
      }));

    const apps = (applicationsOf.all(t.id) as { app_key: string; name: string | null; description: string | null; application_url: string | null; kind: string }[])
      .map((a): AmundsenApplication => ({
        application_url: a.application_url, description: a.description, id: a.app_key, name: a.name, kind: a.kind,
      }));

    return {
      database: t.database,
      cluster: t.cluster,
      schema: t.schema_name,
      schema_description: t.schema_description,
      name: t.name,
      key: t.key,
      tags: tagsOf.all(t.id) as AmundsenTable['tags'],
      badges: badgesOf.all(t.id) as AmundsenBadge[],
      table_readers: (readersOf.all(t.id) as (UserRow & { read_count: number })[]).map((r) => ({
        user: toAmundsenUser(r),
        read_count: r.read_count,
      })),
      description: t.description,
      columns,
      owners: (ownersOf.all(t.id) as UserRow[]).map(toAmundsenUser),
      watermarks: watermarksOf.all(t.id) as AmundsenTable['watermarks'],
      table_writer: apps.find((a) => a.kind === 'Producing') ?? null,
      table_apps: apps,
      resource_reports: reportsOf.all(t.id) as { name: string; url: string }[],
      last_updated_timestamp: t.last_updated_timestamp,
      source: t.source_type && t.source_url ? { source_type: t.source_type, source: t.source_url } : null,
      is_view: t.is_view === 1,
      programmatic_descriptions: programmaticOf.all(t.id) as { source: string; text: string }[],
      common_joins: [],
      common_filters: [],
    };
  }

  return {
    getTableDetail,
    listPopularTables: (limit) => popular.all(limit) as AmundsenTableSummary[],
  };
}

interface TypeMetadataRow {
  id: number;
  column_id: number;
  parent_id: number | null;
  key: string;
  kind: string;
  name: string;
  description: string | null;
  data_type: string;
  sort_order: number;
}

function buildTypeMetadata(
  rows: TypeMetadataRow[],
  badges: Map<number, (AmundsenBadge & { type_metadata_id: number })[]>,
): Map<number, AmundsenTypeMetadata> {
  const nodes = new Map<number, AmundsenTypeMetadata>();
  for (const r of rows) {
    nodes.set(r.id, {
      kind: r.kind, name: r.name, key: r.key, description: r.description, data_type: r.data_type, sort_order: r.sort_order,
      badges: (badges.get(r.id) ?? []).map(({ badge_name, category }) => ({ badge_name, category })),
      children: [],
    });
  }
  const byColumn = new Map<number, AmundsenTypeMetadata>();
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    if (r.parent_id === null) byColumn.set(r.column_id, node);
    else nodes.get(r.parent_id)?.children.push(node);
  }
  return byColumn;
}

function groupBy<T, K extends keyof T>(rows: T[], field: K): Map<T[K], T[]> {
  const groups = new Map<T[K], T[]>();
  for (const row of rows) {
    const list = groups.get(row[field]);
    if (list) list.push(row);
    else groups.set(row[field], [row]);
  }
  return groups;
}
