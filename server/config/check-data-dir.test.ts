import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDataDir, usesDataDir } from './check-data-dir';
import type { Config } from './config-schema';
import { ConfigError } from './load-config';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-data-dir-'));
const problemOf = (dataDir: string) => {
  try {
    checkDataDir(dataDir);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  return [];
};

describe('checkDataDir', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('creates a missing DATA_DIR and leaves no trace of its check', () => {
    const dataDir = path.join(temp(), 'nested', 'data');
    checkDataDir(dataDir);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('refuses a DATA_DIR where a file is in the way, naming DATA_DIR, the path and the fix', () => {
    const file = path.join(temp(), 'not-a-folder');
    fs.writeFileSync(file, '');
    expect(problemOf(file)).toEqual([
      `DATA_DIR (${file}) cannot be written: a file of that name is in the way (EEXIST). Nansen keeps its catalog, sessions and keys there; point DATA_DIR at a folder Nansen may write, or fix its permissions.`,
    ]);
    expect(problemOf(path.join(file, 'below'))[0]).toMatch(/^DATA_DIR \(.*below\) cannot be written: a part of the path is a file, not a folder \(ENOTDIR\)/);
  });

  // Node's mkdir -p never returned there (mkdir answers ENOENT under /proc, and Node tried again, forever).
  it.skipIf(!fs.existsSync('/proc/self'))('refuses a folder under /proc at once, saying no folder can be made there', () => {
    expect(problemOf('/proc/nope/data')).toEqual([
      'DATA_DIR (/proc/nope/data) cannot be written: no folder can be made there (ENOENT). Nansen keeps its catalog, sessions and keys there; point DATA_DIR at a folder Nansen may write, or fix its permissions.',
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a read-only DATA_DIR (not as root, whom permissions do not stop)', () => {
    const dataDir = temp();
    fs.chmodSync(dataDir, 0o555);
    expect(problemOf(dataDir)[0]).toMatch(/^DATA_DIR \(.*\) cannot be written: permission denied \(EACCES\)/);
    fs.chmodSync(dataDir, 0o755);
  });

  it('says the disk is full, and to free space, when writing fails with ENOSPC', () => {
    vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    expect(problemOf(temp())[0]).toMatch(/cannot be written: the disk is full \(ENOSPC\)\. .*free space on its disk, or point DATA_DIR at another folder\.$/);
  });

  // As root no permission stops a write, and a read-only or full disk cannot be made in a test: the
  // error is the one Node gives (code and message), thrown where the probe is written.
  const PERMISSIONS = 'point DATA_DIR at a folder Nansen may write, or fix its permissions';
  const SPACE = 'free space on its disk, or point DATA_DIR at another folder';
  it.each([
    ['EROFS', 'its file system is read-only', PERMISSIONS],
    ['EACCES', 'permission denied', PERMISSIONS],
    ['EPERM', 'the operation is not permitted', PERMISSIONS],
    ['ENOSPC', 'the disk is full', SPACE],
    ['EDQUOT', 'the disk quota is used up', SPACE],
  ])('says in words what %s means, and the fix', (code, reason, fix) => {
    vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw Object.assign(new Error(`${code}: failed, open`), { code });
    });
    const dataDir = temp();
    expect(problemOf(dataDir)).toEqual([`DATA_DIR (${dataDir}) cannot be written: ${reason} (${code}). Nansen keeps its catalog, sessions and keys there; ${fix}.`]);
  });

  it('writes a 16 kB probe, and names the fix for a used-up quota or an error without a code', () => {
    const writes = vi.spyOn(fs, 'writeFileSync');
    checkDataDir(temp());
    expect((writes.mock.calls[0]![1] as Buffer).length).toBe(16 * 1024);
    writes.mockImplementation(() => {
      throw Object.assign(new Error('EDQUOT: quota'), { code: 'EDQUOT' });
    });
    expect(problemOf(temp())[0]).toMatch(/cannot be written: the disk quota is used up \(EDQUOT\)\. .*; free space on its disk, or point DATA_DIR at another folder\.$/);
    writes.mockImplementation(() => {
      throw new Error('something odd');
    });
    expect(problemOf(temp())[0]).toMatch(/cannot be written: something odd\. Nansen keeps .*; point DATA_DIR at a folder Nansen may write, or fix its permissions\.$/);
  });
});

describe('usesDataDir', () => {
  /** A setup that keeps nothing in DATA_DIR: an outside provider, catalog and Redis, and set session secrets. */
  const nothingKept = { mode: 'production', devIdp: { enabled: false }, catalog: { embedded: false }, session: { store: 'redis', secrets: ['s'.repeat(32)] } };
  const config = (change: object) => ({ ...nothingKept, ...change }) as unknown as Config;

  it('is false only when nothing is kept there', () => {
    expect(usesDataDir(config({}))).toBe(false);
  });

  it('is true with the development provider, the embedded catalog, SQLite sessions, or generated secrets outside production', () => {
    expect(usesDataDir(config({ devIdp: { enabled: true } }))).toBe(true);
    expect(usesDataDir(config({ catalog: { embedded: true } }))).toBe(true);
    expect(usesDataDir(config({ session: { store: 'sqlite', secrets: ['s'.repeat(32)] } }))).toBe(true);
    expect(usesDataDir(config({ mode: 'development', session: { store: 'redis', secrets: undefined } }))).toBe(true);
    // In production the secrets must be set; a missing one is refused elsewhere, not generated here.
    expect(usesDataDir(config({ session: { store: 'redis', secrets: undefined } }))).toBe(false);
    expect(usesDataDir(config({ mode: 'development' }))).toBe(false);
  });
});
