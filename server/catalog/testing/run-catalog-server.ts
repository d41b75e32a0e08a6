// A separate process for the fault tests: the embedded catalog on the file given on the command line,
// its metadata API (with POST /ingest) on a free port behind the test stand-in bearer check
// (open-test-catalog.ts). Prints `listening <port>` when ready. The test kills it by its pid.
// Usage: node --import tsx run-catalog-server.ts <dbPath>
import type { AddressInfo } from 'node:net';
import { openTestCatalog } from './open-test-catalog';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: run-catalog-server.ts <dbPath>');
const catalog = openTestCatalog({ dbPath, demoTables: 0 });
const server = catalog.metadataApp.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
