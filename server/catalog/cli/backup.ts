// Backs up the embedded catalog, safe while it runs (SQLite's online backup; docs/operations.md):
//   npm run catalog:backup -- [--db data/catalog.sqlite] --out backups/catalog-2026-01-01.sqlite
// Without --db, the server's catalog (CATALOG_DB, else DATA_DIR/catalog.sqlite).
// Prints one JSON line with the result on stdout (`npm run -s` to capture it without npm's banner).
// Creates --out's folder when missing; refuses an --out that is the catalog itself or a folder.
// Exit code: 0 done, 1 failed (nothing left at --out) or bad arguments, 78 refused: METADATA_URL is set
// and --db is not (the server's catalog is elsewhere; cli-arguments.ts).
import { backupCatalog } from '../store/backup-catalog';
import { CatalogElsewhereError, catalogDbOption, DB_OPTION_USAGE, describeCatalogChoice, parseCliArgs, UsageError } from './cli-arguments';

const USAGE = `usage: npm run catalog:backup -- [--db FILE] --out path/to/backup.sqlite
       ${DB_OPTION_USAGE}`;

async function main(): Promise<number> {
  const { values } = parseCliArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.out) throw new UsageError('--out is required: the file to write the backup to');
  const choice = catalogDbOption(values.db, 'file');
  // Said first: without --db this is the server's catalog, chosen by the environment.
  const catalog = describeCatalogChoice(choice);
  process.stderr.write(`catalog:backup: backing up ${catalog} to ${values.out}\n`);
  const result = await backupCatalog(choice.path, values.out, { dbSource: choice.from });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stderr.write(`catalog:backup: backed up ${catalog}, ${result.pages} pages (${(result.bytes / 2 ** 20).toFixed(1)} MiB), to ${result.out} in ${result.durationMs} ms\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`catalog:backup: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof UsageError) process.stderr.write(USAGE);
    process.exitCode = err instanceof CatalogElsewhereError ? err.exitCode : 1;
  },
);
