// The lineage tables' rows, for every write path (ingest, fixtures and loaders, the demo generator,
// importers): an edge `upstream → downstream` between table keys or column keys (`table key/column`).
// Either end may be outside the catalog; adding an edge twice keeps one.
import type { CatalogDatabase } from './open-catalog-database';

export type LineageLevel = 'table' | 'column';

export interface LineageRows {
  /** Adds the edge unless it is there. */
  addEdge(level: LineageLevel, upstreamKey: string, downstreamKey: string): void;
  /** Removes the edge; false when there was none. */
  removeEdge(level: LineageLevel, upstreamKey: string, downstreamKey: string): boolean;
  hasEdge(level: LineageLevel, upstreamKey: string, downstreamKey: string): boolean;
}

export function createLineageRows(db: CatalogDatabase): LineageRows {
  const statements = (table: string) => ({
    insert: db.prepare(`INSERT OR IGNORE INTO ${table} (upstream_key, downstream_key) VALUES (?, ?)`),
    remove: db.prepare(`DELETE FROM ${table} WHERE upstream_key = ? AND downstream_key = ?`),
    has: db.prepare(`SELECT 1 FROM ${table} WHERE upstream_key = ? AND downstream_key = ?`).pluck(),
  });
  const levels = { table: statements('table_lineage'), column: statements('column_lineage') };
  return {
    addEdge: (level, up, down) => void levels[level].insert.run(up, down),
    removeEdge: (level, up, down) => levels[level].remove.run(up, down).changes > 0,
    hasEdge: (level, up, down) => levels[level].has.get(up, down) !== undefined,
  };
}
