// Restores a backup made by catalog:backup (docs/operations.md):
//   npm run catalog:restore -- --from backups/catalog.sqlite --db data/catalog.sqlite [--force]
// Refuses while the catalog is open (a running Nansen holds it) unless --force, which copies the
// backup into the running catalog. Exit code: 0 done, 1 failed, 3 refused because the catalog is open.
import { parseArgs } from 'node:util';
import { CatalogInUseError, restoreCatalog } from '../store/backup-catalog';

const USAGE = 'usage: npm run catalog:restore -- --from path/to/backup.sqlite --db path/to/catalog.sqlite [--force]\n';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, db: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.from || !values.db) {
    process.stderr.write(`catalog:restore: --from and --db are required\n${USAGE}`);
    return 1;
  }
  const result = await restoreCatalog(values.from, values.db, { force: values.force });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const kept = result.previous ? `; the catalog it replaced is kept at ${result.previous}` : '';
  process.stderr.write(`catalog:restore: ${values.from} → ${result.db} (${result.mode}) in ${result.durationMs} ms${kept}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`catalog:restore: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof CatalogInUseError ? 3 : 1;
  },
);
