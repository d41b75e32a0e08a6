// Where the embedded catalog's database is: one rule for the server (load-config.ts) and for the
// command-line tools that load, back up and restore it (npm run catalog:…), so that a tool run with
// the server's environment works on the server's catalog.
import path from 'node:path';
import { showSettingValue } from './show-setting-value';

/** DATA_DIR when it is unset. */
export const DEFAULT_DATA_DIR = 'data';

/** CATALOG_DB, a path taken from DATA_DIR (an absolute one stands alone), else catalog.sqlite in DATA_DIR. */
export function resolveCatalogDbPath(dataDir: string, catalogDb: string | undefined): string {
  return path.resolve(dataDir, catalogDb ?? 'catalog.sqlite');
}

/** The catalog file the server would open with this environment (a blank setting counts as unset). */
export function catalogDbPathFromEnv(env: Record<string, string | undefined> = process.env): string {
  return catalogDbFromEnv(env).path;
}

/**
 * Where a command's catalog file came from: its --db, or the server's rule — CATALOG_DB, DATA_DIR
 * (DATA_DIR/catalog.sqlite), or neither set (data/catalog.sqlite).
 */
export type CatalogDbSource = '--db' | 'CATALOG_DB' | 'DATA_DIR' | 'default';

/** The server's catalog file for this environment, and which setting chose it. */
export function catalogDbFromEnv(env: Record<string, string | undefined> = process.env): { path: string; from: Exclude<CatalogDbSource, '--db'> } {
  const setting = (name: string) => env[name]?.trim() || undefined;
  const dataDir = setting('DATA_DIR');
  const catalogDb = setting('CATALOG_DB');
  return {
    path: resolveCatalogDbPath(path.resolve(dataDir ?? DEFAULT_DATA_DIR), catalogDb),
    from: catalogDb ? 'CATALOG_DB' : dataDir ? 'DATA_DIR' : 'default',
  };
}

/**
 * METADATA_URL as a message may show it (its password hidden), when it is set: the server then uses
 * the catalog there and opens no catalog file; undefined when the embedded catalog is the server's.
 */
export function catalogElsewhereFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  const url = env.METADATA_URL?.trim();
  if (!url) return undefined;
  const shown = showSettingValue('METADATA_URL', url);
  return shown === undefined ? 'its value hidden' : shown.slice(1, -1);
}

/** "from DATA_DIR", for "restoring into /srv/nansen/catalog.sqlite (from DATA_DIR)". */
export function describeCatalogDbSource(from: CatalogDbSource): string {
  return from === 'default' ? 'the default: CATALOG_DB and DATA_DIR are unset' : `from ${from}`;
}

/** The fix to name when the catalog file is the wrong one, by where it came from: one sentence. */
export function howToNameTheCatalog(from: CatalogDbSource): string {
  switch (from) {
    case '--db':
      return "Give the catalog's file with --db, or a new path to create a catalog (without --db: the server's, CATALOG_DB, else DATA_DIR/catalog.sqlite)";
    case 'CATALOG_DB':
      return "Set CATALOG_DB as the server has it (the catalog's file; a relative path is taken from DATA_DIR), or give --db";
    case 'DATA_DIR':
      return "Set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db";
    case 'default':
      return 'Set DATA_DIR (or CATALOG_DB) as the server has it, or give --db';
  }
}
