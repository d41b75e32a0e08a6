// End to end: the real CLI (server/catalog/cli/ingest.ts) in a child process on temp files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../testing/run-cli';
import { openCatalogDatabase } from '../store/open-catalog-database';

const CLI = join(import.meta.dirname, '..', 'cli', 'ingest.ts');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-ingest-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const runCli = (args: string[], stdin?: string) => runCliEntry(CLI, args, stdin);

const table = (name: string) => JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name });
const countTables = (dbPath: string) => {
  const db = openCatalogDatabase(dbPath);
  try {
    return db.prepare('SELECT count(*) FROM tables').pluck().get();
  } finally {
    db.close();
  }
};

describe('catalog:ingest CLI', () => {
  it('loads the good records, prints the summary with the bad lines and exits 2', async () => {
    const file = join(dir, 'records.ndjson');
    writeFileSync(file, [table('a'), 'nope', table('b'), '{"type":"usage","table_key":"hive://gold.core/zz","user_email":"u@x.org","read_count":1}'].join('\n'));
    const dbPath = join(dir, 'catalog.sqlite');
    const { code, stdout, stderr } = await runCli(['--db', dbPath, file]);
    expect(code).toBe(2);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ loaded: { table: 2 }, rejectedCount: 2, linesRead: 4 });
    expect(summary.rejected.map((r: { line: number }) => r.line)).toEqual([2, 4]);
    expect(stderr).toMatch(/ingest: loaded 2 records \(table 2\), 2 rejected \(first: line 2: invalid JSON/);
    expect(countTables(dbPath)).toBe(2);
  });

  it('reads stdin for "-", reports progress on stderr and exits 0 when everything loaded', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const input = Array.from({ length: 3000 }, (_, i) => table(`t${i}`)).join('\n');
    const { code, stdout, stderr } = await runCli(['--db', dbPath, '--batch-size', '500', '--progress-every', '1000', '-'], input);
    expect(stderr).toMatch(/ingest: \d+ lines \([\d.]+ MB\), \d+ loaded, 0 rejected, \d+ records\/s/);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ loaded: { table: 3000 }, rejectedCount: 0 });
    expect(countTables(dbPath)).toBe(3000);
  });

  it('exits 1 with a clear message when the input file does not exist', async () => {
    const missing = join(dir, 'missing.ndjson');
    const { code, stdout, stderr } = await runCli(['--db', join(dir, 'catalog.sqlite'), missing]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ingest: input file not found: ${missing}\n`);
  });

  it('takes a time budget per transaction with --max-batch-ms and refuses one that is not a whole number ≥ 1', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const input = Array.from({ length: 50 }, (_, i) => table(`t${i}`)).join('\n');
    const ok = await runCli(['--db', dbPath, '--max-batch-ms', '1', '--quiet', '-'], input);
    expect(ok.code).toBe(0);
    expect(countTables(dbPath)).toBe(50);
    const bad = await runCli(['--db', dbPath, '--max-batch-ms', '0.5', '-'], input);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--max-batch-ms must be a whole number ≥ 1, got "0.5"[\s\S]*usage: .*--max-batch-ms N/);
    // Only digits: what Number() would also read is refused.
    for (const value of ['0x10', '1e3', ' 5 ']) {
      const refused = await runCli(['--db', dbPath, '--batch-size', value, '-'], input);
      expect(refused.code, value).toBe(1);
      expect(refused.stderr).toContain(`--batch-size must be a whole number ≥ 1, got "${value}"`);
    }
  });

  it('exits 1 with the usage when --db is missing', async () => {
    const { code, stderr } = await runCli([join(dir, 'x.ndjson')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--db is required[\s\S]*usage: /);
  });
});
