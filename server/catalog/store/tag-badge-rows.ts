// The tags and badges tables' rows, for every write path (bulk tables, ingest, dashboards, type
// metadata, edits through the API, the demo generator, importers): find a tag or badge by its name
// (badges: name and category), creating it when unknown. An existing tag keeps its type.
import type { CatalogDatabase } from './open-catalog-database';
import type { BadgeRecord } from './catalog-records';

export interface TagBadgeRows {
  /** The row id of a tag, if there is one. */
  findTag(name: string): number | undefined;
  /** The row id of a tag, creating it with `tagType` (default `default`) when unknown. */
  ensureTag(name: string, tagType?: string): number;
  /** The row id of a badge (name and category), if there is one. */
  findBadge(badge: BadgeRecord): number | undefined;
  /** The row id of a badge, creating it when unknown. */
  ensureBadge(badge: BadgeRecord): number;
}

export function createTagBadgeRows(db: CatalogDatabase): TagBadgeRows {
  const findTag = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const insertTag = db.prepare('INSERT INTO tags (name, tag_type) VALUES (?, ?) RETURNING id').pluck();
  const findBadge = db.prepare('SELECT id FROM badges WHERE name = ? AND category = ?').pluck();
  const insertBadge = db.prepare('INSERT INTO badges (name, category) VALUES (?, ?) RETURNING id').pluck();
  return {
    findTag: (name) => findTag.get(name) as number | undefined,
    ensureTag: (name, tagType = 'default') => (findTag.get(name) as number | undefined) ?? (insertTag.get(name, tagType) as number),
    findBadge: (b) => findBadge.get(b.badge_name, b.category) as number | undefined,
    ensureBadge: (b) =>
      (findBadge.get(b.badge_name, b.category) as number | undefined) ?? (insertBadge.get(b.badge_name, b.category) as number),
  };
}
