// Read-only: what the catalog holds now for the fields an import writes, so the importer can tell
// added from changed from unchanged, and which human edits (edit log) it must not overwrite.
import type { CatalogDatabase } from '../store/open-catalog-database';
import type { BadgeRecord } from '../store/catalog-records';
import { createLineageRows } from '../store/lineage-rows';
import { IMPORT_EDITOR_PREFIXES } from './import-state';

export interface CurrentColumn {
  name: string;
  col_type: string;
  description: string | null;
  sort_order: number;
  badges: BadgeRecord[]; // by name, then category (sortBadges)
  stats: CurrentStat[]; // by stat_type
}

export interface CurrentStat {
  stat_type: string;
  stat_val: string | null;
  start_epoch: number | null;
  end_epoch: number | null;
}

export interface CurrentTable {
  description: string | null;
  description_source: string | null;
  is_view: boolean;
  source: string | null; // "type url"
  columns: CurrentColumn[];
  tags: string[];
  badges: BadgeRecord[]; // by name, then category (sortBadges)
  owners: string[];
  programmatic_descriptions: { source: string; text: string }[]; // by source
  /**
   * Descriptions of the columns' nested fields (type_metadata below a column's top node), by column
   * name, then by type_metadata key: those that have one, and those whose description was ever
   * edited by a person (null when cleared). Other nested fields have none and are not listed.
   */
  nested: Map<string, Map<string, string | null>>;
  /**
   * Badges of the columns' nested fields, by column name, then by type_metadata key: those that have
   * some, and those whose badges were ever edited by a person (an empty list when none are left).
   */
  nestedBadges: Map<string, Map<string, BadgeRecord[]>>;
}

export interface CurrentDashboard {
  name: string;
  url: string | null;
  description: string | null;
  group_name: string | null;
  owners: string[];
  tags: string[];
  tables: string[];
}

export interface HumanEdit {
  id: number;
  user_id: string;
}

/** Fields whose human edits win over imported values, as the edit log names them. */
export const PROTECTED_FIELDS = ['description', 'tag', 'badge', 'owner'] as const;
export type ProtectedField = (typeof PROTECTED_FIELDS)[number];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Badges as `{badge_name, category}`, by name then category, each once: two lists of the same badges are equal. */
export function sortBadges(badges: readonly BadgeRecord[] | undefined): BadgeRecord[] {
  const byPair = new Map((badges ?? []).map((b) => [JSON.stringify([b.badge_name, b.category]), { badge_name: b.badge_name, category: b.category }]));
  return [...byPair.values()].sort((a, b) => compare(a.badge_name, b.badge_name) || compare(a.category, b.category));
}

export interface CatalogStateReader {
  table(key: string): CurrentTable | undefined;
  dashboard(key: string): CurrentDashboard | undefined;
  hasLineage(upstream: string, downstream: string): boolean;
  /**
   * The latest edit by a person (not an import) of each (resource key, field): `{key}\n{field}` → edit.
   * Tables, columns, nested fields (type_metadata keys) and dashboards.
   */
  humanEdits(): Map<string, HumanEdit>;
  /** The edit log's last id (0 when empty). */
  logMark(): number;
}

export function createCatalogStateReader(db: CatalogDatabase): CatalogStateReader {
  const tableRow = db.prepare(
    'SELECT id, description, description_source, is_view, source_type, source_url FROM tables WHERE key = ?',
  );
  const columns = db.prepare('SELECT id, name, col_type, description, sort_order FROM columns WHERE table_id = ? ORDER BY sort_order, name');
  const columnBadges = db.prepare(`SELECT cb.column_id AS id, b.name AS badge_name, b.category
    FROM columns c JOIN column_badges cb ON cb.column_id = c.id JOIN badges b ON b.id = cb.badge_id WHERE c.table_id = ?`);
  const columnStats = db.prepare(`SELECT cs.column_id AS id, cs.stat_type, cs.stat_val, cs.start_epoch, cs.end_epoch
    FROM columns c JOIN column_stats cs ON cs.column_id = c.id WHERE c.table_id = ? ORDER BY cs.stat_type`);
  const programmatic = db.prepare('SELECT source, text FROM programmatic_descriptions WHERE table_id = ? ORDER BY source');
  const tags = db.prepare('SELECT g.name FROM table_tags x JOIN tags g ON g.id = x.tag_id WHERE x.table_id = ? ORDER BY g.name').pluck();
  const badges = db.prepare(`SELECT b.name AS badge_name, b.category FROM table_badges x JOIN badges b ON b.id = x.badge_id
    WHERE x.table_id = ?`);
  const owners = db.prepare('SELECT u.user_id FROM table_owners x JOIN users u ON u.id = x.user_id WHERE x.table_id = ? ORDER BY u.user_id').pluck();
  const byPeople = IMPORT_EDITOR_PREFIXES.map((prefix) => `AND user_id NOT LIKE '${prefix}%'`).join(' ');
  // One query per table; a table without nested types costs an index probe per column. A field
  // without a description is listed only when a person edited it (cleared it, maybe).
  const nestedDescriptions = db.prepare(`SELECT c.name AS column_name, tm.key, tm.description
    FROM columns c JOIN type_metadata tm ON tm.column_id = c.id
    WHERE c.table_id = ? AND tm.parent_id IS NOT NULL AND (tm.description IS NOT NULL
      OR EXISTS (SELECT 1 FROM edit_log e WHERE e.resource_key = tm.key AND e.resource_type = 'type_metadata' AND e.field = 'description' ${byPeople}))`);
  // The same for badges: a field's row per badge, or one without a badge when a person edited them.
  const nestedBadges = db.prepare(`SELECT c.name AS column_name, tm.key, b.name AS badge_name, b.category
    FROM columns c JOIN type_metadata tm ON tm.column_id = c.id
      LEFT JOIN type_metadata_badges x ON x.type_metadata_id = tm.id LEFT JOIN badges b ON b.id = x.badge_id
    WHERE c.table_id = ? AND tm.parent_id IS NOT NULL AND (x.badge_id IS NOT NULL
      OR EXISTS (SELECT 1 FROM edit_log e WHERE e.resource_key = tm.key AND e.resource_type = 'type_metadata' AND e.field = 'badge' ${byPeople}))`);

  const dashboardRow = db.prepare(`SELECT d.id, d.name, d.url, d.description, g.name AS group_name
    FROM dashboards d JOIN dashboard_groups g ON g.id = d.group_id WHERE d.key = ?`);
  const dashboardOwners = db.prepare(
    'SELECT u.user_id FROM dashboard_owners x JOIN users u ON u.id = x.user_id WHERE x.dashboard_id = ? ORDER BY u.user_id').pluck();
  const dashboardTags = db.prepare(
    'SELECT g.name FROM dashboard_tags x JOIN tags g ON g.id = x.tag_id WHERE x.dashboard_id = ? ORDER BY g.name').pluck();
  const dashboardTables = db.prepare(
    'SELECT t.key FROM dashboard_tables x JOIN tables t ON t.id = x.table_id WHERE x.dashboard_id = ? ORDER BY t.key').pluck();

  const lineage = createLineageRows(db);
  const humanEdits = db.prepare(`SELECT resource_key, field, max(id) AS id, user_id FROM edit_log
    WHERE resource_type IN ('table', 'column', 'type_metadata', 'dashboard') AND field IN (${PROTECTED_FIELDS.map((f) => `'${f}'`).join(', ')})
      ${byPeople}
    GROUP BY resource_key, field`);
  const logMark = db.prepare('SELECT coalesce(max(id), 0) FROM edit_log').pluck();

  return {
    table(key) {
      const row = tableRow.get(key) as
        | { id: number; description: string | null; description_source: string | null; is_view: number; source_type: string | null; source_url: string | null }
        | undefined;
      if (!row) return undefined;
      const badgesByColumn = new Map<number, BadgeRecord[]>();
      for (const { id, ...badge } of columnBadges.all(row.id) as (BadgeRecord & { id: number })[]) {
        badgesByColumn.set(id, [...(badgesByColumn.get(id) ?? []), badge]);
      }
      const nested = new Map<string, Map<string, string | null>>();
      for (const n of nestedDescriptions.all(row.id) as { column_name: string; key: string; description: string | null }[]) {
        let byKey = nested.get(n.column_name);
        if (!byKey) nested.set(n.column_name, (byKey = new Map()));
        byKey.set(n.key, n.description);
      }
      const nestedBadgeLists = new Map<string, Map<string, BadgeRecord[]>>();
      for (const n of nestedBadges.all(row.id) as { column_name: string; key: string; badge_name: string | null; category: string | null }[]) {
        let byKey = nestedBadgeLists.get(n.column_name);
        if (!byKey) nestedBadgeLists.set(n.column_name, (byKey = new Map()));
        const list = byKey.get(n.key) ?? [];
        if (n.badge_name !== null && n.category !== null) list.push({ badge_name: n.badge_name, category: n.category });
        byKey.set(n.key, list);
      }
      for (const byKey of nestedBadgeLists.values()) for (const [key, list] of byKey) byKey.set(key, sortBadges(list));
      const statsByColumn = new Map<number, CurrentStat[]>();
      for (const { id, ...stat } of columnStats.all(row.id) as (CurrentStat & { id: number })[]) {
        statsByColumn.set(id, [...(statsByColumn.get(id) ?? []), stat]);
      }
      return {
        description: row.description,
        description_source: row.description_source,
        is_view: row.is_view === 1,
        source: row.source_url === null ? null : `${row.source_type} ${row.source_url}`,
        columns: (columns.all(row.id) as (Omit<CurrentColumn, 'badges'> & { id: number })[]).map(({ id, ...c }) => ({
          ...c,
          badges: sortBadges(badgesByColumn.get(id)),
          stats: statsByColumn.get(id) ?? [],
        })),
        tags: tags.all(row.id) as string[],
        badges: sortBadges(badges.all(row.id) as BadgeRecord[]),
        owners: owners.all(row.id) as string[],
        programmatic_descriptions: programmatic.all(row.id) as { source: string; text: string }[],
        nested,
        nestedBadges: nestedBadgeLists,
      };
    },
    dashboard(key) {
      const row = dashboardRow.get(key) as (Omit<CurrentDashboard, 'owners' | 'tags' | 'tables'> & { id: number }) | undefined;
      if (!row) return undefined;
      const { id, ...fields } = row;
      return {
        ...fields,
        owners: dashboardOwners.all(id) as string[],
        tags: dashboardTags.all(id) as string[],
        tables: dashboardTables.all(id) as string[],
      };
    },
    hasLineage: (upstream, downstream) => lineage.hasEdge('table', upstream, downstream),
    humanEdits() {
      const rows = humanEdits.all() as { resource_key: string; field: string; id: number; user_id: string }[];
      return new Map(rows.map((r) => [`${r.resource_key}\n${r.field}`, { id: r.id, user_id: r.user_id }]));
    },
    logMark: () => logMark.get() as number,
  };
}
