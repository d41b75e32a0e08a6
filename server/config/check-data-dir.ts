// DATA_DIR must be a folder Nansen can write before anything is started in it: the embedded catalog,
// the development provider's keys, the SQLite sessions and the generated session secret live there.
// A read-only, full or missing-permission folder is refused at start-up with a message naming DATA_DIR
// and the fix, instead of an ENOENT/EROFS stack from whichever part touched it first.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config-schema';
import { ConfigError } from './load-config';

const REASONS: Record<string, string> = {
  EROFS: 'its file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  ENOENT: 'no folder can be made there',
};

/** Whether this setup keeps anything in DATA_DIR. */
export function usesDataDir(config: Config): boolean {
  return config.devIdp.enabled || config.catalog.embedded || config.session.store === 'sqlite' || (!config.session.secrets && config.mode !== 'production');
}

/**
 * mkdir -p, one level at a time. Node's own `recursive: true` never returns for a path under /proc
 * (mkdir answers ENOENT there although the parent exists, and Node tries the parent again, forever):
 * here a level that still cannot be made once its parent is there is an error.
 */
function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && fs.statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT') throw err;
    makeFolder(path.dirname(dir));
    fs.mkdirSync(dir);
  }
}

/** Creates DATA_DIR if needed and writes (then removes) a small file in it; throws ConfigError naming DATA_DIR when it cannot. */
export function checkDataDir(dataDir: string): void {
  const probe = path.join(dataDir, `.write-check-${process.pid}`);
  try {
    makeFolder(dataDir);
    // A few kB, so a disk with no room left fails here and not half-way through writing the catalog.
    fs.writeFileSync(probe, Buffer.alloc(16 * 1024));
    fs.rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (err instanceof Error ? err.message : String(err));
    const fix = code === 'ENOSPC' || code === 'EDQUOT' ? 'free space on its disk, or point DATA_DIR at another folder' : 'point DATA_DIR at a folder Nansen may write, or fix its permissions';
    throw new ConfigError([`DATA_DIR (${dataDir}) cannot be written: ${reason}${code ? ` (${code})` : ''}. Nansen keeps its catalog, sessions and keys there; ${fix}.`]);
  }
}
