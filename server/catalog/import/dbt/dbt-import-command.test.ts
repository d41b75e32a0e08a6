// `npm run catalog:import -- dbt` end to end (the real import-cli.ts entry in a child process, real
// SQLite files): arguments checked before anything is read or said, artifact folders named as such,
// and the summary naming what changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../../testing/run-cli';
import { formatDbtReport } from './dbt-import-command';
import type { DbtImportReport } from './import-dbt-project';

const CLI = join(import.meta.dirname, '..', 'import-cli.ts');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const MANIFEST = join(FIXTURES, 'manifest-v12.json');
const CATALOG = join(FIXTURES, 'catalog-v12.json');

const runCli = (args: string[]) => runCliEntry(CLI, ['dbt', ...args]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-dbt-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run catalog:import -- dbt', () => {
  it('refuses a wrong option before it reads the artifacts or prints any note', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    // No --catalog: the note about it must not come before the refusal.
    const run = await runCli(['--manifest', MANIFEST, '--tags-as', 'label', '--db', dbPath]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^import: --tags-as must be tag or badge, got "label"\nusage: npm run catalog:import -- dbt/);
    expect(run.stderr).not.toContain('no --catalog given');
    // Before the manifest is read: a missing manifest is not what is reported.
    const both = await runCli(['--manifest', join(dir, 'missing.json'), '--name-from', 'label', '--db', dbPath]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/^import: --name-from must be name or alias, got "label"\n/);
    const engine = await runCli(['--manifest', join(dir, 'missing.json'), '--database', 'post gres', '--db', dbPath]);
    expect(engine.stderr).toMatch(/^import: --database must be an engine name of letters, digits, _, \+ or - \(it starts every table key\), got "post gres"\n/);
  });

  it('says that a --manifest or --catalog folder is a folder and names the file in it', async () => {
    const target = join(dir, 'target');
    mkdirSync(target);
    const dbPath = join(dir, 'catalog.sqlite');
    const manifest = await runCli(['--manifest', `${target}/`, '--db', dbPath]);
    expect(manifest.code).toBe(1);
    expect(manifest.stderr).toBe(`import: --manifest ${target}/ is a folder, not dbt's manifest.json: give the file in it, --manifest ${target}/manifest.json\n`);
    const catalog = await runCli(['--manifest', MANIFEST, '--catalog', target, '--db', dbPath]);
    expect(catalog.code).toBe(1);
    expect(catalog.stderr).toBe(`import: --catalog ${target} is a folder, not dbt's catalog.json: give the file in it, --catalog ${target}/catalog.json\n`);
  });

  it('names the tables that changed, in the summary and the JSON report', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    expect((await runCli(['--manifest', MANIFEST, '--catalog', CATALOG, '--db', dbPath, '--quiet'])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    manifest.nodes['model.fram_analytics.fct_voyages'].description = 'Changed in dbt.';
    const changed = join(dir, 'manifest.json');
    writeFileSync(changed, JSON.stringify(manifest));
    const run = await runCli(['--manifest', changed, '--catalog', CATALOG, '--db', dbPath, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('  tables:     0 added, 1 changed, 5 unchanged, 0 removed\n    changed: snowflake://analytics.marts/fct_voyages\n');
    expect(JSON.parse(run.stdout).changed).toEqual({ tables: ['snowflake://analytics.marts/fct_voyages'], dashboards: [] });
  });
});

describe('the dbt summary', () => {
  it('names the first ten changed tables and dashboards, then how many more', () => {
    const none = { added: 0, changed: 0, unchanged: 0, removed: 0, disappeared: 0 };
    const keys = Array.from({ length: 12 }, (_, i) => `snowflake://analytics.marts/t${i}`);
    const report: DbtImportReport = {
      source: 'dbt', project: 'p', manifestVersion: 'v12', dbtVersion: null, database: 'snowflake', dryRun: false, prune: false,
      tables: { ...none, changed: 12 }, dashboards: { ...none, changed: 1 }, lineage: none, skipped: [], dropped: [], bad: [], ignored: {},
      withoutCatalogEntry: [], changed: { tables: keys, dashboards: ['dbt_dashboard://p.dashboard/board'] }, searchIndex: 'refreshed', durationMs: 5,
    };
    const text = formatDbtReport(report, 'c.sqlite');
    expect(text).toContain(`  tables:     0 added, 12 changed, 0 unchanged, 0 removed\n    changed: ${keys.slice(0, 10).join(', ')} … and 2 more (see the JSON report)\n`);
    expect(text).toContain('  dashboards: 0 added, 1 changed, 0 unchanged, 0 removed\n    changed: dbt_dashboard://p.dashboard/board\n');
  });
});
