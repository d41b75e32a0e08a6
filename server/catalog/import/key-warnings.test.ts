// The importers give the key warnings NDJSON ingest gives (the same check, ../ingest/table-key-check.ts):
// the real CLIs in child processes, real SQLite files — the catalog, a SQLite database to crawl, an
// OpenLineage event file — and the words compared with what `catalog:ingest` says of the same keys.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';
import { datasetEvent } from './openlineage/openlineage-test-events';

const IMPORT = join(import.meta.dirname, 'import-cli.ts');
const DBT_FIXTURES = join(import.meta.dirname, 'dbt', 'fixtures');
const INGEST = join(import.meta.dirname, '..', 'cli', 'ingest.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-key-warnings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const table = (database: string, cluster: string, schema: string, name: string) => JSON.stringify({ type: 'table', database, cluster, schema, name, columns: [] });

/** A catalog with lower-case tables loaded by NDJSON, as a databuilder job writes them. */
async function catalogWith(...lines: string[]): Promise<string> {
  const dbPath = join(dir, 'catalog.sqlite');
  const loaded = await runCli(INGEST, ['--db', dbPath, '--quiet', '-'], `${lines.join('\n')}\n`);
  expect(loaded.code).toBe(0);
  return dbPath;
}

/** What catalog:ingest warns of these records, loaded into a copy of the catalog. */
async function ingestWarnings(dbPath: string, ...lines: string[]): Promise<string[]> {
  const copy = join(dir, 'copy.sqlite');
  copyFileSync(dbPath, copy);
  const run = await runCli(INGEST, ['--db', copy, '--quiet', '-'], `${lines.join('\n')}\n`);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).warnings.map((w: { message: string }) => w.message);
}

describe('the importers warn of table keys as NDJSON ingest does', () => {
  it('sqlite: a key that differs only in case from the catalog\'s, and a table name with "/", in a dry run and a real one', async () => {
    const dbPath = await catalogWith(table('sqlite', 'shop', 'main', 'orders'));
    const shop = join(dir, 'shop.sqlite');
    const source = new Database(shop);
    source.exec('CREATE TABLE "Orders" (id INTEGER); CREATE TABLE "sl/ash" (id INTEGER); CREATE TABLE refunds (id INTEGER)');
    source.close();
    const expected = await ingestWarnings(dbPath, table('sqlite', 'shop', 'main', 'Orders'), table('sqlite', 'shop', 'main', 'sl/ash'));
    expect(expected).toHaveLength(2);
    expect(expected[0]).toMatch(/^table key "sqlite:\/\/shop\.main\/Orders" differs only in case from "sqlite:\/\/shop\.main\/orders"/);
    expect(expected[1]).toMatch(/^table name "sl\/ash" has a "\/"/);

    for (const dryRun of [['--dry-run'], []]) {
      const run = await runCli(IMPORT, ['sqlite', '--file', shop, '--db', dbPath, '--quiet', ...dryRun]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).keyWarnings).toEqual([
        { resource_key: 'sqlite://shop.main/Orders', uniqueId: 'main.Orders', message: expected[0] },
        { resource_key: 'sqlite://shop.main/sl/ash', uniqueId: 'main.sl/ash', message: expected[1] },
      ]);
      expect(run.stderr).toContain(`  2 key warnings (the tables load all the same):\n    main.Orders: ${expected[0]}\n    main.sl/ash: ${expected[1]}\n`);
    }
    // A re-run that writes nothing still says it, as a second ingest of the same file does.
    const again = await runCli(IMPORT, ['sqlite', '--file', shop, '--db', dbPath, '--quiet']);
    expect(again.stderr).toContain('  tables:     0 added, 0 changed, 3 unchanged');
    expect(JSON.parse(again.stdout).keyWarnings).toHaveLength(2);
  });

  it('openlineage: a path dataset whose key differs only in case from the catalog\'s, and one whose name has a "/"', async () => {
    const dbPath = await catalogWith(table('s3', 'lake', 'raw', 'orders'));
    const events = join(dir, 'events.ndjson');
    writeFileSync(events, `${[
      datasetEvent({ namespace: 's3://lake', name: 'raw/Orders' }),
      datasetEvent({ namespace: 's3://lake', name: 'raw/events/2026' }),
    ].map((e) => JSON.stringify(e)).join('\n')}\n`);
    const expected = await ingestWarnings(dbPath, table('s3', 'lake', 'raw', 'Orders'), table('s3', 'lake', 'raw', 'events/2026'));
    expect(expected).toHaveLength(2);

    const run = await runCli(IMPORT, ['openlineage', '--events', events, '--db', dbPath]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).keyWarnings).toEqual([
      { resource_key: 's3://lake.raw/Orders', message: expected[0] },
      { resource_key: 's3://lake.raw/events/2026', message: expected[1] },
    ]);
    expect(run.stderr).toContain(`  2 key warnings (the tables load all the same):\n    ${expected[0]}\n    ${expected[1]}\n`);
  });

  it('dbt: a lower-case key (as dbt\'s are written) whose other spelling the catalog has, from a hand-written NDJSON load', async () => {
    const dbPath = await catalogWith(table('snowflake', 'analytics', 'marts', 'FCT_VOYAGES'));
    const expected = await ingestWarnings(dbPath, table('snowflake', 'analytics', 'marts', 'fct_voyages'));
    expect(expected).toEqual([expect.stringMatching(/^table key "snowflake:\/\/analytics\.marts\/fct_voyages" differs only in case from "snowflake:\/\/analytics\.marts\/FCT_VOYAGES", which the catalog has/)]);

    const args = ['dbt', '--manifest', join(DBT_FIXTURES, 'manifest-v12.json'), '--catalog', join(DBT_FIXTURES, 'catalog-v12.json'), '--db', dbPath, '--quiet'];
    for (const dryRun of [['--dry-run'], []]) {
      const run = await runCli(IMPORT, [...args, ...dryRun]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).keyWarnings).toEqual([
        { resource_key: 'snowflake://analytics.marts/fct_voyages', uniqueId: 'model.fram_analytics.fct_voyages', message: expected[0] },
      ]);
      expect(run.stderr).toContain(`  1 key warning (the table loads all the same):\n    model.fram_analytics.fct_voyages: ${expected[0]}\n`);
    }
  });
});
