// A separate process for the concurrency tests: opens the catalog file given on the command line and
// adds `count` tags and owners to one table through the store's write path, as fast as it can.
// Usage: node --import tsx run-edit-worker.ts <dbPath> <tableKey> <prefix> <count>
import { createCatalogStore } from '../store/create-catalog-store';

const [dbPath, tableKey, prefix, count] = process.argv.slice(2);
const store = createCatalogStore(dbPath);
try {
  for (let i = 0; i < Number(count); i++) {
    const ref = { type: 'table' as const, key: tableKey };
    if (!store.resources.addTag(ref, `${prefix}-tag-${i}`, 'default', `${prefix}@example.org`)) throw new Error('table missing');
    store.resources.addOwner(ref, `${prefix}-owner-${i}@example.org`, `${prefix}@example.org`);
  }
} finally {
  store.close();
}
