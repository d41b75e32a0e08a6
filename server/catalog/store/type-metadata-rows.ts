// A column's nested type as rows of type_metadata (one per node, children pointing at their
// parent) and type_metadata_badges. Keys as Amundsen's: `{column key}/type/{name}` for the top node,
// `{parent key}/{name}` below. Used by the bulk table writer (ingest) and the related-record writer.
import type { CatalogDatabase } from './open-catalog-database';
import type { BadgeRecord, TypeMetadataRecord } from './catalog-records';

export interface TypeMetadataRows {
  /** Inserts the tree of one column (whose earlier rows are gone: replaced columns cascade). */
  insert(columnId: number, columnKey: string, root: TypeMetadataRecord): void;
}

export function createTypeMetadataRows(db: CatalogDatabase, badgeId: (b: BadgeRecord) => number): TypeMetadataRows {
  const insertNode = db.prepare(`INSERT INTO type_metadata (column_id, parent_id, key, kind, name, description, data_type, sort_order)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).pluck();
  const insertBadge = db.prepare('INSERT OR IGNORE INTO type_metadata_badges (type_metadata_id, badge_id) VALUES (?, ?)');
  return {
    insert(columnId, columnKey, root) {
      const insert = (node: TypeMetadataRecord, parentId: number | null, key: string, sortOrder: number) => {
        const id = insertNode.get(columnId, parentId, key, node.kind, node.name, node.description ?? null, node.data_type, sortOrder) as number;
        for (const b of node.badges ?? []) insertBadge.run(id, badgeId(b));
        (node.children ?? []).forEach((child, i) => insert(child, id, `${key}/${child.name}`, i));
      };
      insert(root, null, `${columnKey}/type/${root.name}`, 0);
    },
  };
}
