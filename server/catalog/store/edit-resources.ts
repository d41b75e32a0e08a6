// The metadata write path for descriptions, tags, badges and owners of tables, columns, type
// metadata and dashboards. Each write is one BEGIN IMMEDIATE transaction that reads the value
// before, changes it, records the edit (edit-log.ts) and refreshes the search documents of what it
// touched, so a tag added here is findable in /v2/search as soon as the PUT returns.
// A write that changes nothing (adding a tag already there) succeeds without an edit-log entry.
import type { Statement } from 'better-sqlite3';
import type { CatalogDatabase } from './open-catalog-database';
import type { BadgeRecord } from './catalog-records';
import { createEditLog, type EditLog, type EditResourceType } from './edit-log';
import { createImmediateRunner } from './run-immediate';
import { createTagBadgeRows } from './tag-badge-rows';
import { createUserRows } from './user-rows';
import { createSearchIndexMaintainer, type SearchIndexMaintainer } from './search-index';

export type DescribedType = 'table' | 'column' | 'type_metadata' | 'dashboard';
export type TaggedType = 'table' | 'dashboard';
export type BadgedType = DescribedType;
export type OwnedType = 'table' | 'dashboard';

/** A resource by key. Column keys are `{table_key}/{column_name}` (column names hold no `/`). */
export interface ResourceRef<T extends DescribedType = DescribedType> {
  type: T;
  key: string;
}

/** What a description write did: `missing` no such resource, `stale` the precondition refused it. */
export type DescriptionWrite = 'saved' | 'missing' | 'stale';

export interface ResourceEditor {
  getDescription(ref: ResourceRef): { description: string | null } | undefined;
  /**
   * Writes the description; with `precondition`, only when it accepts the description stored now
   * (checked in the write's transaction: an If-Match, see metadata/description-etag.ts).
   */
  setDescription(ref: ResourceRef, description: string | null, by: string, precondition?: (current: string | null) => boolean): DescriptionWrite;
  addTag(ref: ResourceRef<TaggedType>, tag: string, tagType: string, by: string): boolean;
  removeTag(ref: ResourceRef<TaggedType>, tag: string, by: string): boolean;
  addBadge(ref: ResourceRef<BadgedType>, badge: BadgeRecord, by: string): boolean;
  removeBadge(ref: ResourceRef<BadgedType>, badge: BadgeRecord, by: string): boolean;
  /** Creates the user (with just the id as email) when unknown, like Amundsen's MERGE. */
  addOwner(ref: ResourceRef<OwnedType>, userId: string, by: string): boolean;
  removeOwner(ref: ResourceRef<OwnedType>, userId: string, by: string): boolean;
  /** Is (name, category) a badge some resource already uses or used (a row in `badges`)? */
  badgeExists(badge: BadgeRecord): boolean;
  hasBadgeNamed(name: string): boolean;
}

interface Located {
  id: number;
  /** Tables whose search documents depend on the resource (none for dashboards). */
  tableId: number | null;
}

const ENTITY_TABLE: Record<DescribedType, string> = {
  table: 'tables', column: 'columns', type_metadata: 'type_metadata', dashboard: 'dashboards',
};
const LINKS = {
  tag: { table: ['table_tags', 'table_id'], dashboard: ['dashboard_tags', 'dashboard_id'] },
  badge: {
    table: ['table_badges', 'table_id'], column: ['column_badges', 'column_id'],
    type_metadata: ['type_metadata_badges', 'type_metadata_id'], dashboard: ['dashboard_badges', 'dashboard_id'],
  },
  owner: { table: ['table_owners', 'table_id'], dashboard: ['dashboard_owners', 'dashboard_id'] },
} as const;

export function createResourceEditor(
  db: CatalogDatabase,
  searchIndex: SearchIndexMaintainer = createSearchIndexMaintainer(db),
  editLog: EditLog = createEditLog(db),
): ResourceEditor {
  const runImmediate = createImmediateRunner(db);
  const finders: Record<DescribedType, (key: string) => Located | undefined> = (() => {
    const table = db.prepare('SELECT id, id AS tableId FROM tables WHERE key = ?');
    const column = db.prepare(`SELECT c.id, c.table_id AS tableId FROM columns c JOIN tables t ON t.id = c.table_id
      WHERE t.key = ? AND c.name = ?`);
    const typeMetadata = db.prepare(`SELECT tm.id, c.table_id AS tableId FROM type_metadata tm
      JOIN columns c ON c.id = tm.column_id WHERE tm.key = ?`);
    const dashboard = db.prepare('SELECT id, NULL AS tableId FROM dashboards WHERE key = ?');
    return {
      table: (key) => table.get(key) as Located | undefined,
      column: (key) => {
        const slash = key.lastIndexOf('/');
        return slash < 0 ? undefined : (column.get(key.slice(0, slash), key.slice(slash + 1)) as Located | undefined);
      },
      type_metadata: (key) => typeMetadata.get(key) as Located | undefined,
      dashboard: (key) => dashboard.get(key) as Located | undefined,
    };
  })();

  const descriptionOf = Object.fromEntries(Object.entries(ENTITY_TABLE).map(([type, table]) =>
    [type, db.prepare(`SELECT description FROM ${table} WHERE id = ?`).pluck()])) as Record<DescribedType, Statement>;
  const updateDescription = Object.fromEntries(Object.entries(ENTITY_TABLE).map(([type, table]) =>
    [type, db.prepare(`UPDATE ${table} SET description = ? WHERE id = ?`)])) as Record<DescribedType, Statement>;

  const linkStatements = (table: string, column: string, ref: string, list: string) => ({
    insert: db.prepare(`INSERT OR IGNORE INTO ${table} (${column}, ${ref}) VALUES (?, ?)`),
    remove: db.prepare(`DELETE FROM ${table} WHERE ${column} = ? AND ${ref} = ?`),
    list: db.prepare(list.replaceAll('$link', table).replaceAll('$owner', column)),
  });
  const tagLinks = Object.fromEntries(Object.entries(LINKS.tag).map(([type, [table, column]]) => [type,
    linkStatements(table, column, 'tag_id', 'SELECT g.name FROM $link x JOIN tags g ON g.id = x.tag_id WHERE x.$owner = ? ORDER BY g.name')]));
  const badgeLinks = Object.fromEntries(Object.entries(LINKS.badge).map(([type, [table, column]]) => [type,
    linkStatements(table, column, 'badge_id', `SELECT b.name AS badge_name, b.category FROM $link x JOIN badges b ON b.id = x.badge_id
      WHERE x.$owner = ? ORDER BY b.name, b.category`)]));
  const ownerLinks = Object.fromEntries(Object.entries(LINKS.owner).map(([type, [table, column]]) => [type,
    linkStatements(table, column, 'user_id', 'SELECT u.user_id FROM $link x JOIN users u ON u.id = x.user_id WHERE x.$owner = ? ORDER BY u.user_id')]));

  const tagBadgeRows = createTagBadgeRows(db);
  const badgeNamed = db.prepare('SELECT 1 FROM badges WHERE name = ? LIMIT 1').pluck();
  const userRows = createUserRows(db);

  const tableKeyOf = db.prepare('SELECT key FROM tables WHERE id = ?').pluck();
  /** The table (or dashboard) an edit belongs to: its history lists the edits of its columns and nested types too. */
  function parentKeyOf(ref: ResourceRef, found: Located): string {
    if (ref.type === 'table' || ref.type === 'dashboard' || found.tableId === null) return ref.key;
    return (tableKeyOf.get(found.tableId) as string | undefined) ?? ref.key;
  }

  function reindex(type: DescribedType, found: Located): void {
    if (type === 'dashboard') {
      searchIndex.refreshDashboards([found.id]);
    } else if (found.tableId !== null) {
      searchIndex.refreshPopularity([found.tableId]);
      searchIndex.refreshDocuments([found.tableId]);
    }
  }

  /** Runs one link change (tag/badge/owner) with before/after lists and the edit-log entry. */
  function changeLinks(
    ref: ResourceRef,
    field: 'tag' | 'badge' | 'owner',
    statements: ReturnType<typeof linkStatements>,
    action: 'add' | 'remove',
    resolve: () => number | undefined,
    by: string,
  ): boolean {
    return runImmediate(() => {
      const found = finders[ref.type](ref.key);
      if (!found) return false;
      const listNow = () => (field === 'badge' ? statements.list.all(found.id) : statements.list.pluck().all(found.id));
      const linkedId = resolve();
      if (linkedId === undefined) return true; // removing something that does not exist: nothing to do
      const before = listNow();
      const changes = (action === 'add' ? statements.insert : statements.remove).run(found.id, linkedId).changes;
      if (changes === 0) return true;
      editLog.record({
        resource_key: ref.key, parent_key: parentKeyOf(ref, found), resource_type: ref.type as EditResourceType, action, field,
        before, after: listNow(), user_id: by,
      });
      reindex(ref.type, found);
      return true;
    });
  }

  return {
    getDescription(ref) {
      const found = finders[ref.type](ref.key);
      if (!found) return undefined;
      return { description: (descriptionOf[ref.type].get(found.id) as string | null) ?? null };
    },
    setDescription(ref, description, by, precondition) {
      return runImmediate((): DescriptionWrite => {
        const found = finders[ref.type](ref.key);
        if (!found) return 'missing';
        const before = (descriptionOf[ref.type].get(found.id) as string | null) ?? null;
        if (precondition && !precondition(before)) return 'stale';
        if (before === description) return 'saved';
        updateDescription[ref.type].run(description, found.id);
        editLog.record({
          resource_key: ref.key, parent_key: parentKeyOf(ref, found), resource_type: ref.type, action: 'update', field: 'description',
          before, after: description, user_id: by,
        });
        // A table's own description is in its document's text alone (not its name index nor popularity).
        if (ref.type === 'table') searchIndex.refreshTableDescription(found.id);
        else reindex(ref.type, found);
        return 'saved';
      });
    },
    addTag(ref, tag, tagType, by) {
      return changeLinks(ref, 'tag', tagLinks[ref.type], 'add', () => tagBadgeRows.ensureTag(tag, tagType), by);
    },
    removeTag(ref, tag, by) {
      return changeLinks(ref, 'tag', tagLinks[ref.type], 'remove', () => tagBadgeRows.findTag(tag), by);
    },
    addBadge(ref, badge, by) {
      return changeLinks(ref, 'badge', badgeLinks[ref.type], 'add', () => tagBadgeRows.ensureBadge(badge), by);
    },
    removeBadge(ref, badge, by) {
      return changeLinks(ref, 'badge', badgeLinks[ref.type], 'remove', () => tagBadgeRows.findBadge(badge), by);
    },
    addOwner(ref, userId, by) {
      return changeLinks(ref, 'owner', ownerLinks[ref.type], 'add',
        () => {
          const { id, created } = userRows.ensure(userId);
          if (created) searchIndex.refreshUsers([id]);
          return id;
        }, by);
    },
    removeOwner(ref, userId, by) {
      return changeLinks(ref, 'owner', ownerLinks[ref.type], 'remove', () => userRows.find(userId), by);
    },
    badgeExists: (badge) => tagBadgeRows.findBadge(badge) !== undefined,
    hasBadgeNamed: (name) => badgeNamed.get(name) !== undefined,
  };
}
