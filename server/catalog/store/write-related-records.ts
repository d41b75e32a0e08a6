// Writes the records that hang off tables — lineage edges, complex column types — for fixtures and
// loaders, one transaction per call. Lineage goes through the one lineage writer (lineage-rows.ts);
// a column's type metadata is replaced whole. Dashboards have no writer here: fixtures load them as
// ingest records (testing/load-through-ingest.ts), through the dashboard writer production uses.
import type { CatalogDatabase } from './open-catalog-database';
import type { BadgeRecord, TypeMetadataRecord } from './catalog-records';
import { createImmediateRunner } from './run-immediate';
import { createLineageRows } from './lineage-rows';
import { createTagBadgeRows } from './tag-badge-rows';
import { createSearchIndexMaintainer } from './search-index';

export interface RelatedRecordWriter {
  /** Adds lineage edges `[upstream_key, downstream_key]`; either end may be outside the catalog. */
  writeLineage(edges: { tables?: readonly [string, string][]; columns?: readonly [string, string][] }): void;
  /** Replaces the type metadata of one column; false when the column does not exist. */
  writeTypeMetadata(tableKey: string, columnName: string, type: TypeMetadataRecord): boolean;
}

export function createRelatedRecordWriter(db: CatalogDatabase): RelatedRecordWriter {
  const runImmediate = createImmediateRunner(db);
  const searchIndex = createSearchIndexMaintainer(db);
  const tagBadgeRows = createTagBadgeRows(db);
  const lineageRows = createLineageRows(db);
  const findColumn = db.prepare(`SELECT c.id, c.table_id FROM columns c JOIN tables t ON t.id = c.table_id
    WHERE t.key = ? AND c.name = ?`);
  const deleteTypeMetadata = db.prepare('DELETE FROM type_metadata WHERE column_id = ?');
  const insertTypeMetadata = db.prepare(`INSERT INTO type_metadata (column_id, parent_id, key, kind, name, description, data_type, sort_order)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).pluck();
  const insertTypeBadge = db.prepare('INSERT OR IGNORE INTO type_metadata_badges (type_metadata_id, badge_id) VALUES (?, ?)');

  const badgeId = (b: BadgeRecord) => tagBadgeRows.ensureBadge(b);

  return {
    writeLineage: ({ tables = [], columns = [] }) => runImmediate(() => {
      for (const [up, down] of tables) lineageRows.addEdge('table', up, down);
      for (const [up, down] of columns) lineageRows.addEdge('column', up, down);
    }),
    writeTypeMetadata: (tableKey, columnName, type) => runImmediate(() => {
      const column = findColumn.get(tableKey, columnName) as { id: number; table_id: number } | undefined;
      if (!column) return false;
      deleteTypeMetadata.run(column.id);
      const insert = (node: TypeMetadataRecord, parentId: number | null, key: string, sortOrder: number) => {
        const id = insertTypeMetadata.get(column.id, parentId, key, node.kind, node.name, node.description ?? null,
          node.data_type, sortOrder) as number;
        for (const b of node.badges ?? []) insertTypeBadge.run(id, badgeId(b));
        (node.children ?? []).forEach((child, i) => insert(child, id, `${key}/${child.name}`, i));
      };
      insert(type, null, `${tableKey}/${columnName}/type/${type.name}`, 0);
      searchIndex.refreshDocuments([column.table_id]);
      return true;
    }),
  };
}
