// `--prune`: deletes tables, dashboards and lineage edges an earlier import of the same scope produced
// and the source no longer has. Deleting a table or dashboard row cascades to its columns, links
// and search document (the FTS rows go with it by trigger). Each delete is the store's own, by the
// writer of that entity (write-tables, write-dashboards, lineage-rows).
import type { CatalogDatabase } from '../store/open-catalog-database';
import { createTableWriter } from '../store/write-tables';
import { createDashboardWriter } from '../store/write-dashboards';
import { createLineageRows } from '../store/lineage-rows';
import { parseLineageResourceKey, type OwnedResource } from './import-state';

export function removeImportedResources(db: CatalogDatabase, resources: OwnedResource[]): number {
  const tables = createTableWriter(db);
  const dashboards = createDashboardWriter(db);
  const lineage = createLineageRows(db);
  let removed = 0;
  for (const r of resources) {
    if (r.resource_type === 'table') removed += Number(tables.removeTable(r.resource_key));
    else if (r.resource_type === 'dashboard') removed += Number(dashboards.removeDashboard(r.resource_key));
    else {
      const { upstream, downstream } = parseLineageResourceKey(r.resource_key);
      removed += Number(lineage.removeEdge('table', upstream, downstream));
    }
  }
  return removed;
}
