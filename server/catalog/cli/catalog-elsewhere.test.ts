// With METADATA_URL set, the server's catalog is elsewhere: the catalog commands refuse to load, back
// up or restore DATA_DIR/catalog.sqlite here (a stray file Nansen never reads), with exit 78 and one
// line naming METADATA_URL and the fix; --db still names a file (decision 084).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCatalogFile } from '../demo/seed-demo-catalog';
import { runCli } from '../testing/run-cli';
import { CatalogElsewhereError, catalogDbOption } from './cli-arguments';

const CLI = (name: string) => join(import.meta.dirname, name);
const FIXTURES = join(import.meta.dirname, '..', 'import', 'dbt', 'fixtures');
const METADATA_URL = 'http://catalog.internal:5002';

let dir: string;
let stray: string;
let env: Record<string, string | undefined>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-catalog-elsewhere-'));
  stray = join(dir, 'catalog.sqlite');
  createDemoCatalogFile(stray, { count: 5 });
  env = { ...process.env, DATA_DIR: dir, CATALOG_DB: undefined, METADATA_URL, SEARCH_URL: 'http://search.internal:5001' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOAD_FIX = "run this on the catalog's machine with its DATA_DIR, or POST to its /ingest, /import/dbt or /api/v1/lineage (docs/ingest.md) (or name a catalog file with --db)";
const FILE_FIX = "run this on the catalog's machine with its DATA_DIR (or name a catalog file with --db)";
const refusal = (prefix: string, fix: string) =>
  `${prefix}: this Nansen uses the catalog at METADATA_URL (${METADATA_URL}), not a file here; ${fix}\n`;

describe('the catalog commands with METADATA_URL set', () => {
  it.each([
    ['catalog:ingest', 'ingest.ts', () => [join(dir, 'records.ndjson')], 'ingest', LOAD_FIX],
    ['catalog:import dbt', '../import/import-cli.ts', () => ['dbt', '--manifest', join(FIXTURES, 'manifest-v4.json'), '--catalog', join(FIXTURES, 'catalog-v4.json')], 'import', LOAD_FIX],
    ['catalog:backup', 'backup.ts', () => ['--out', join(dir, 'backup.sqlite')], 'catalog:backup', FILE_FIX],
    ['catalog:restore', 'restore.ts', () => ['--from', join(dir, 'backup.sqlite')], 'catalog:restore', FILE_FIX],
  ])('%s refuses the stray DATA_DIR/catalog.sqlite with exit 78 and one line naming METADATA_URL, leaving it as it was', async (_name, entry, args, prefix, fix) => {
    writeFileSync(join(dir, 'records.ndjson'), `${JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' })}\n`);
    const before = readFileSync(stray);
    const mtime = statSync(stray).mtimeMs;
    const run = await runCli(CLI(entry), args(), undefined, env);
    expect(run).toEqual({ code: 78, stdout: '', stderr: refusal(prefix, fix) });
    expect(readFileSync(stray).equals(before)).toBe(true);
    expect(statSync(stray).mtimeMs).toBe(mtime);
  });

  it('still works on a file named with --db', async () => {
    const out = join(dir, 'named-backup.sqlite');
    const run = await runCli(CLI('backup.ts'), ['--db', stray, '--out', out], undefined, env);
    expect(run.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('never shows the password of a METADATA_URL', () => {
    expect(() => catalogDbOption(undefined, 'file', { METADATA_URL: 'http://svc:hunter2@catalog:5002' })).toThrow(CatalogElsewhereError);
    expect(() => catalogDbOption(undefined, 'file', { METADATA_URL: 'http://svc:hunter2@catalog:5002' })).toThrow(/METADATA_URL \(http:\/\/svc:\*\*\*@catalog:5002\/\)/);
    expect(catalogDbOption(undefined, 'file', { DATA_DIR: dir, METADATA_URL: '  ' }).path).toBe(stray);
  });
});
