// Restores a backup made by catalog:backup (docs/operations.md):
//   npm run catalog:restore -- --from backups/catalog.sqlite [--db data/catalog.sqlite] [--force]
// Without --db, into the server's catalog (CATALOG_DB, else DATA_DIR/catalog.sqlite).
// Refuses while the catalog is open (a running Nansen holds it) unless --force, which copies the
// backup into the running catalog after keeping a snapshot of it beside it (<db>.before-restore-<time>, as a
// restore of a stopped catalog keeps the file it replaces). Exit code: 0 done, 1 failed or bad arguments, 3 refused because the catalog is open,
// 78 refused because METADATA_URL is set and --db is not (the server's catalog is elsewhere).
import { CatalogInUseError, restoreCatalog } from '../store/backup-catalog';
import { CatalogElsewhereError, catalogDbOption, DB_OPTION_USAGE, describeCatalogChoice, parseCliArgs, UsageError } from './cli-arguments';

const USAGE = `usage: npm run catalog:restore -- --from path/to/backup.sqlite [--db FILE] [--force]
       ${DB_OPTION_USAGE}`;

async function main(): Promise<number> {
  const { values } = parseCliArgs({
    options: { from: { type: 'string' }, db: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.from) throw new UsageError('--from is required: the backup to restore');
  const choice = catalogDbOption(values.db, 'file');
  // Said first: without --db this is the server's catalog, chosen by the environment.
  const catalog = describeCatalogChoice(choice);
  process.stderr.write(`catalog:restore: restoring ${values.from} into ${catalog}\n`);
  const result = await restoreCatalog(values.from, choice.path, { force: values.force, dbSource: choice.from });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const kept = result.previous ? `; the catalog it replaced is kept at ${result.previous}` : '';
  process.stderr.write(`catalog:restore: restored ${values.from} into ${catalog} in ${result.durationMs} ms (${result.mode})${kept}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`catalog:restore: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof UsageError) process.stderr.write(USAGE);
    process.exitCode = err instanceof CatalogInUseError ? 3 : err instanceof CatalogElsewhereError ? err.exitCode : 1;
  },
);
