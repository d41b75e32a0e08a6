// Where the embedded catalog's database is: one rule for the server (load-config.ts) and for the
// command-line tools that load, back up and restore it (npm run catalog:…), so that a tool run with
// the server's environment works on the server's catalog.
import path from 'node:path';

/** DATA_DIR when it is unset. */
export const DEFAULT_DATA_DIR = 'data';

/** CATALOG_DB, a path taken from DATA_DIR (an absolute one stands alone), else catalog.sqlite in DATA_DIR. */
export function resolveCatalogDbPath(dataDir: string, catalogDb: string | undefined): string {
  return path.resolve(dataDir, catalogDb ?? 'catalog.sqlite');
}

/** The catalog file the server would open with this environment (a blank setting counts as unset). */
export function catalogDbPathFromEnv(env: Record<string, string | undefined> = process.env): string {
  const setting = (name: string) => env[name]?.trim() || undefined;
  return resolveCatalogDbPath(path.resolve(setting('DATA_DIR') ?? DEFAULT_DATA_DIR), setting('CATALOG_DB'));
}
