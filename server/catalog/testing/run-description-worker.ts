// A separate process for the concurrency tests: opens the catalog file given on the command line and,
// `count` times, reads a table's description and writes `<prefix>-<i> after <what it read>` on the
// condition that the description is still what it read (the If-Match of description-etag.ts). Prints
// how many writes were saved and how many were refused as stale.
// Usage: node --import tsx run-description-worker.ts <dbPath> <tableKey> <prefix> <count>
import { ifMatchAccepts, descriptionEtag } from '../metadata/description-etag';
import { createCatalogStore } from '../store/create-catalog-store';

const [dbPath, tableKey, prefix, count] = process.argv.slice(2);
const store = createCatalogStore(dbPath);
const ref = { type: 'table' as const, key: tableKey };
const outcome = { saved: 0, stale: 0 };
try {
  for (let i = 0; i < Number(count); i++) {
    const read = store.resources.getDescription(ref);
    if (!read) throw new Error('table missing');
    const etag = descriptionEtag(read.description);
    const written = store.resources.setDescription(ref, `${prefix}-${i} after ${read.description}`, `${prefix}@example.org`, (current) => ifMatchAccepts(etag, current));
    if (written === 'missing') throw new Error('table missing');
    outcome[written] += 1;
  }
  process.stdout.write(JSON.stringify(outcome));
} finally {
  store.close();
}
