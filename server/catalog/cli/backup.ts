// Backs up the embedded catalog, safe while it runs (SQLite's online backup; docs/operations.md):
//   npm run catalog:backup -- --db data/catalog.sqlite --out backups/catalog-2026-01-01.sqlite
// Prints one JSON line with the result on stdout (`npm run -s` to capture it without npm's banner).
// Creates --out's folder when missing; refuses an --out that is the catalog itself or a folder.
// Exit code: 0 done, 1 failed (nothing left at --out).
import { parseArgs } from 'node:util';
import { backupCatalog } from '../store/backup-catalog';

const USAGE = 'usage: npm run catalog:backup -- --db path/to/catalog.sqlite --out path/to/backup.sqlite\n';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.db || !values.out) {
    process.stderr.write(`catalog:backup: --db and --out are required\n${USAGE}`);
    return 1;
  }
  const result = await backupCatalog(values.db, values.out);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stderr.write(`catalog:backup: ${result.pages} pages (${(result.bytes / 2 ** 20).toFixed(1)} MiB) → ${result.out} in ${result.durationMs} ms\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`catalog:backup: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
