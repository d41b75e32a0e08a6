// `npm run catalog:import -- dbt` end to end (the real import-cli.ts entry in a child process, real
// SQLite files): arguments checked before anything is read or said, artifact folders named as such,
// and the summary naming what changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runCli as runCliEntry } from '../../testing/run-cli';
import { createCatalogStore } from '../../store/create-catalog-store';
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

describe('npm run catalog:import -- dbt --prune', () => {
  it('refuses to remove every table of the project when the manifest has no nodes, unless --allow-large-prune confirms it', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    expect((await runCli(['--manifest', MANIFEST, '--catalog', CATALOG, '--db', dbPath, '--quiet'])).code).toBe(0);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({
      metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json', project_name: 'fram_analytics', adapter_type: 'snowflake' },
      nodes: {}, sources: {},
    }));
    for (const extra of [[], ['--dry-run']]) {
      const refused = await runCli(['--manifest', empty, '--db', dbPath, '--quiet', '--prune', ...extra]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^import: refused to prune: it would remove all 6 tables an earlier import of dbt project "fram_analytics" made \(/);
      expect(refused.stderr).toContain('nothing was written. If they really are gone, run again with --allow-large-prune');
    }
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(6);
    } finally {
      db.close();
    }
    const confirmed = await runCli(['--manifest', empty, '--db', dbPath, '--quiet', '--prune', '--allow-large-prune']);
    expect(confirmed.code).toBe(0);
    expect(JSON.parse(confirmed.stdout).tables.removed).toBe(6);
  });

  const SHIPS = 'snowflake://analytics.seeds/ships';
  const CREW = 'snowflake://analytics.snapshots/crew_snapshot';
  const BOARD = 'dbt_dashboard://fram_analytics.ml/crew_model';
  const LIV = 'liv.arnesen@example.org';
  const OLA = 'ola.hansen@example.org';
  const GONE = [
    '    their entries stay in the edit log (each person\'s profile, Edits tab; the catalog\'s GET /edits?parent_key=KEY); ',
    'a removed table\'s or dashboard\'s page goes, and its History tab with it; a backup taken before the prune (npm run catalog:backup) has it whole\n',
  ].join('');

  it('names the tables and dashboards it removes and says how many fields people edited went with them, which the edit log keeps', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    expect((await runCli(['--manifest', MANIFEST, '--catalog', CATALOG, '--db', dbPath, '--quiet'])).code).toBe(0);
    const store = createCatalogStore(dbPath);
    try {
      store.resources.setDescription({ type: 'table', key: CREW }, 'Who sailed when: Liv\'s notes.', LIV);
      store.resources.addTag({ type: 'table', key: CREW }, 'curated', 'default', LIV);
      store.resources.setDescription({ type: 'column', key: `${SHIPS}/ship_id` }, 'Ola: the registry number.', OLA);
      store.resources.setDescription({ type: 'dashboard', key: BOARD }, 'Ola\'s model board.', OLA);
      store.resources.setDescription({ type: 'table', key: 'snowflake://analytics.marts/fct_voyages' }, 'Stays.', LIV);
    } finally {
      store.close();
    }
    // The seed, the snapshot and the exposure on the snapshot leave the project.
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    delete manifest.nodes['seed.fram_analytics.ships'];
    delete manifest.nodes['snapshot.fram_analytics.crew_snapshot'];
    delete manifest.exposures['exposure.fram_analytics.crew_model'];
    const smaller = join(dir, 'manifest.json');
    writeFileSync(smaller, JSON.stringify(manifest));

    const dry = await runCli(['--manifest', smaller, '--catalog', CATALOG, '--db', dbPath, '--quiet', '--prune', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain(`  tables:     0 added, 0 changed, 4 unchanged, 2 removed\n    would remove: ${SHIPS}, ${CREW}\n`);
    expect(dry.stderr).toContain(`  dashboards: 0 added, 0 changed, 1 unchanged, 1 removed\n    would remove: ${BOARD}\n`);
    expect(dry.stderr).toContain(`  would go with them: 4 fields people edited in Nansen, by ${OLA}, ${LIV} (first: description of ${SHIPS}/ship_id by ${OLA})\n${GONE}`);

    const run = await runCli(['--manifest', smaller, '--catalog', CATALOG, '--db', dbPath, '--quiet', '--prune']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`  tables:     0 added, 0 changed, 4 unchanged, 2 removed\n    removed: ${SHIPS}, ${CREW}\n`);
    expect(run.stderr).toContain(`  dashboards: 0 added, 0 changed, 1 unchanged, 1 removed\n    removed: ${BOARD}\n`);
    expect(run.stderr).toContain(`  removed with them: 4 fields people edited in Nansen, by ${OLA}, ${LIV} (first: description of ${SHIPS}/ship_id by ${OLA})\n${GONE}`);
    const report = JSON.parse(run.stdout);
    expect(report.removed).toEqual({ tables: [SHIPS, CREW], dashboards: [BOARD] });
    expect(report.prunedEdits).toEqual([
      { resource_key: `${SHIPS}/ship_id`, resource_type: 'column', parent_key: SHIPS, field: 'description', edited_by: OLA },
      { resource_key: CREW, resource_type: 'table', parent_key: CREW, field: 'description', edited_by: LIV },
      { resource_key: CREW, resource_type: 'table', parent_key: CREW, field: 'tag', edited_by: LIV },
      { resource_key: BOARD, resource_type: 'dashboard', parent_key: BOARD, field: 'description', edited_by: OLA },
    ]);

    // What the summary says: the rows are gone, each person's entries are still in the edit log.
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM tables WHERE key IN (?, ?)').pluck().get(SHIPS, CREW)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM dashboards WHERE key = ?').pluck().get(BOARD)).toBe(0);
      const kept = db.prepare(`SELECT parent_key, field, user_id FROM edit_log WHERE parent_key IN (?, ?, ?) AND resource_type <> 'ingest' ORDER BY id`).all(SHIPS, CREW, BOARD);
      expect(kept).toEqual([
        { parent_key: CREW, field: 'description', user_id: LIV }, { parent_key: CREW, field: 'tag', user_id: LIV },
        { parent_key: SHIPS, field: 'description', user_id: OLA }, { parent_key: BOARD, field: 'description', user_id: OLA },
      ]);
      // The import's own entry names what it removed and counts what went with it.
      const entry = JSON.parse(db.prepare("SELECT after FROM edit_log WHERE resource_type = 'ingest' ORDER BY id DESC LIMIT 1").pluck().get() as string);
      expect(entry).toMatchObject({ removed: { tables: [SHIPS, CREW], dashboards: [BOARD] }, prunedEditCount: 4 });
    } finally {
      db.close();
    }

    // Nothing left to prune: no removal line, no word on people's edits.
    const again = await runCli(['--manifest', smaller, '--catalog', CATALOG, '--db', dbPath, '--quiet', '--prune']);
    expect(again.stderr).not.toMatch(/removed:|removed with them/);
  });

  it('says when no field people edited went with what it removed', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    expect((await runCli(['--manifest', MANIFEST, '--catalog', CATALOG, '--db', dbPath, '--quiet'])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    delete manifest.nodes['seed.fram_analytics.ships'];
    const smaller = join(dir, 'manifest.json');
    writeFileSync(smaller, JSON.stringify(manifest));
    const run = await runCli(['--manifest', smaller, '--catalog', CATALOG, '--db', dbPath, '--quiet', '--prune']);
    expect(run.stderr).toContain(`    removed: ${SHIPS}\n`);
    expect(run.stderr).toContain('  removed with them: no field people edited in Nansen\n');
    expect(JSON.parse(run.stdout).prunedEdits).toEqual([]);
  });
});

describe('the dbt summary', () => {
  it('names the first ten changed tables and dashboards, then how many more', () => {
    const none = { added: 0, changed: 0, unchanged: 0, removed: 0, disappeared: 0 };
    const keys = Array.from({ length: 12 }, (_, i) => `snowflake://analytics.marts/t${i}`);
    const report: DbtImportReport = {
      source: 'dbt', project: 'p', manifestVersion: 'v12', dbtVersion: null, database: 'snowflake', dryRun: false, prune: false,
      tables: { ...none, changed: 12 }, dashboards: { ...none, changed: 1 }, lineage: none, skipped: [], dropped: [], bad: [], ignored: {},
      withoutCatalogEntry: [], changed: { tables: keys, dashboards: ['dbt_dashboard://p.dashboard/board'] }, removed: { tables: [], dashboards: [] },
      prunedEdits: [], keyWarnings: [], searchIndex: 'refreshed', durationMs: 5,
    };
    const text = formatDbtReport(report, 'c.sqlite');
    expect(text).toContain(`  tables:     0 added, 12 changed, 0 unchanged, 0 removed\n    changed: ${keys.slice(0, 10).join(', ')} … and 2 more (see the JSON report)\n`);
    expect(text).toContain('  dashboards: 0 added, 1 changed, 0 unchanged, 0 removed\n    changed: dbt_dashboard://p.dashboard/board\n');
  });

  it('names the first ten removed tables, then how many more', () => {
    const none = { added: 0, changed: 0, unchanged: 0, removed: 0, disappeared: 0 };
    const keys = Array.from({ length: 13 }, (_, i) => `snowflake://analytics.marts/gone_${String(i).padStart(2, '0')}`);
    const report: DbtImportReport = {
      source: 'dbt', project: 'p', manifestVersion: 'v12', dbtVersion: null, database: 'snowflake', dryRun: false, prune: true,
      tables: { ...none, removed: 13 }, dashboards: none, lineage: none, skipped: [], dropped: [], bad: [], ignored: {},
      withoutCatalogEntry: [], changed: { tables: [], dashboards: [] }, removed: { tables: keys, dashboards: [] },
      prunedEdits: [{ resource_key: keys[12], resource_type: 'table', parent_key: keys[12], field: 'owner', edited_by: 'liv.arnesen@example.org' }],
      keyWarnings: [], searchIndex: 'refreshed', durationMs: 5,
    };
    const text = formatDbtReport(report, 'c.sqlite');
    expect(text).toContain(`  tables:     0 added, 0 changed, 0 unchanged, 13 removed\n    removed: ${keys.slice(0, 10).join(', ')} … and 3 more (see the JSON report)\n`);
    expect(text).toContain(`  removed with them: 1 field people edited in Nansen, by liv.arnesen@example.org (first: owner of ${keys[12]} by liv.arnesen@example.org)\n`);
  });
});
