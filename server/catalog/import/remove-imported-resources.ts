// `--prune`: deletes tables, dashboards and lineage edges an earlier import of the same scope produced
// and the source no longer has. Deleting a table or dashboard row cascades to its columns, links
// and search document (the FTS rows go with it by trigger). The store has no delete of its own yet;
// when it gets one (issue 13: one writer per entity), this should call it.
import type { CatalogDatabase } from '../store/open-catalog-database';
import { parseLineageResourceKey, type OwnedResource } from './import-state';

export function removeImportedResources(db: CatalogDatabase, resources: OwnedResource[]): number {
  const deleteTable = db.prepare('DELETE FROM tables WHERE key = ?');
  const deleteDashboard = db.prepare('DELETE FROM dashboards WHERE key = ?');
  const deleteLineage = db.prepare('DELETE FROM table_lineage WHERE upstream_key = ? AND downstream_key = ?');
  let removed = 0;
  for (const r of resources) {
    if (r.resource_type === 'table') removed += deleteTable.run(r.resource_key).changes;
    else if (r.resource_type === 'dashboard') removed += deleteDashboard.run(r.resource_key).changes;
    else {
      const { upstream, downstream } = parseLineageResourceKey(r.resource_key);
      removed += deleteLineage.run(upstream, downstream).changes;
    }
  }
  return removed;
}
