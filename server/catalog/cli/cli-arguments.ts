// What every catalog command (npm run catalog:ingest, catalog:import, catalog:backup,
// catalog:restore) does with its arguments: the same one-line words for a bad one ("unknown option
// --bogus"), followed by the command's usage by its caller, and the same default catalog as the server's.
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalogDbFromEnv, catalogElsewhereFromEnv, describeCatalogDbSource, type CatalogDbSource } from '../../config/catalog-db-path';

/** Bad arguments: the command prints the message and its usage, and exits 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** How the usage lines explain --db, which every catalog command takes. */
export const DB_OPTION_USAGE = '--db FILE: the catalog; by default the server\'s: CATALOG_DB, else DATA_DIR/catalog.sqlite (DATA_DIR defaults to data)\n';

/** The last usage line of catalog:ingest and catalog:import: where the whole story is. */
export const DOCS_USAGE = 'More, with examples: docs/ingest.md\n';

export interface CatalogDbChoice {
  /** --db, else the catalog the server would open with this environment (CATALOG_DB, else DATA_DIR/catalog.sqlite). */
  path: string;
  /**
   * For checkCatalogTarget: a missing folder that may be created — the default data/ folder the server
   * creates at start (undefined: data/). A folder named by DATA_DIR or CATALOG_DB is not: missing, it
   * is more likely a typo than the server's.
   */
  creatableFolder: string | undefined;
  /** --db, or which of the server's settings chose the file (for the messages that name it). */
  from: CatalogDbSource;
}

/**
 * Without --db and with METADATA_URL set, the server's catalog is elsewhere: DATA_DIR/catalog.sqlite
 * here is a file that Nansen never reads. The command refuses (exit 78, as bad settings stop the
 * server) rather than load, back up or overwrite that file. --db still names a file (decision 084).
 */
export class CatalogElsewhereError extends Error {
  override name = 'CatalogElsewhereError';
  readonly exitCode = 78;
}

/** What a command does, for the refusal's fix: loading (ingest, import) can be posted to the catalog instead. */
export type CatalogCommandKind = 'load' | 'file';

export function catalogDbOption(db: string | undefined, kind: CatalogCommandKind = 'load', env?: Record<string, string | undefined>): CatalogDbChoice {
  // No env given: server/config's functions read the process's own (only server/config reads it).
  if (db !== undefined) return { path: db, creatableFolder: undefined, from: '--db' };
  const elsewhere = catalogElsewhereFromEnv(env);
  if (elsewhere !== undefined) {
    const post = kind === 'load' ? ", or POST to its /ingest, /import/dbt or /api/v1/lineage (docs/ingest.md)" : '';
    throw new CatalogElsewhereError(
      `this Nansen uses the catalog at METADATA_URL (${elsewhere}), not a file here; run this on the catalog's machine with its DATA_DIR${post} (or name a catalog file with --db)`,
    );
  }
  const { path, from } = catalogDbFromEnv(env);
  return { path, creatableFolder: from === 'default' ? dirname(path) : undefined, from };
}

/** The file a command works on, and why that one: "/srv/nansen/catalog.sqlite (from DATA_DIR)". */
export function describeCatalogChoice(choice: Pick<CatalogDbChoice, 'path' | 'from'>): string {
  return `${resolve(choice.path)} (${describeCatalogDbSource(choice.from)})`;
}

/**
 * node:util's parseArgs, with its mistakes as UsageErrors in our words: Node's own
 * ("Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the
 * end of the command after '--', as in '-- "--bogus"") differ from one Node version to the next and
 * tell the person nothing about this command.
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const options = config.options ?? {};
  // Read loosely first, to name the first argument that is wrong.
  const { tokens } = parseArgs({ args: config.args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue; // what follows "--" comes as positionals
    if (token.kind === 'positional') {
      if (!config.allowPositionals) throw new UsageError(`unexpected argument "${token.value}"`);
      continue;
    }
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) throw new UsageError(`unknown option ${token.rawName}`);
    const name = `--${token.name}`;
    if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(`${name} takes no value`);
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-'))) {
      throw new UsageError(`${name} needs a value`);
    }
  }
  try {
    return parseArgs(config);
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((err as Error).message);
    throw err;
  }
}
