// Writes the records that hang off tables — lineage edges, complex column types — for fixtures and
// loaders, one transaction per call. Lineage goes through the one lineage writer (lineage-rows.ts);
// a column's type metadata is replaced whole. Dashboards have no writer here: fixtures load them as
// ingest records (testing/load-through-ingest.ts), through the dashboard writer production uses.
import type { CatalogDatabase } from './open-catalog-database';
import type { BadgeRecord, TypeMetadataRecord } from './catalog-records';
import { createTypeMetadataRows } from './type-metadata-rows';
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
  const badgeId = (b: BadgeRecord) => tagBadgeRows.ensureBadge(b);
  const typeMetadataRows = createTypeMetadataRows(db, badgeId);

  return {
    writeLineage: ({ tables = [], columns = [] }) => runImmediate(() => {
      for (const [up, down] of tables) lineageRows.addEdge('table', up, down);
      for (const [up, down] of columns) lineageRows.addEdge('column', up, down);
    }),
    writeTypeMetadata: (tableKey, columnName, type) => runImmediate(() => {
      const column = findColumn.get(tableKey, columnName) as { id: number; table_id: number } | undefined;
      if (!column) return false;
      deleteTypeMetadata.run(column.id);
      typeMetadataRows.insert(column.id, `${tableKey}/${columnName}`, type);
      typeMetadataRows.flush();
      searchIndex.refreshDocuments([column.table_id]);
      return true;
    }),
  };
}
