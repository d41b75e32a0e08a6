// The importer against real SQLite files: a generated project of 300 models, imported, re-imported,
// changed, pruned, dry-run, with bad nodes and with edits people made through the store's edit path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../../store/create-catalog-store';
import { ingestNdjson } from '../../ingest/ingest-ndjson';
import { generateDbtProject, type GeneratedProject } from './generate-dbt-project';
import { formatDbtReport } from './dbt-import-command';
import { importDbtProject, type DbtImportOptions, type DbtImportReport } from './import-dbt-project';
import { parseCatalog, parseManifest } from './read-dbt-artifacts';

let dir: string;
let store: CatalogStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-dbt-import-'));
  store = createCatalogStore(join(dir, 'catalog.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const OPTIONS: DbtImportOptions = { database: 'snowflake', nameFrom: 'name', tagsAs: 'tag', importedBy: 'cli:test' };
const EDITOR = 'liv.arnesen@example.org';

function importProject(project: GeneratedProject, options: Partial<DbtImportOptions> = {}): Promise<DbtImportReport> {
  const { manifest, version } = parseManifest(structuredClone(project.manifest));
  return importDbtProject(store.db, { manifest, version, catalog: parseCatalog(structuredClone(project.catalog)) }, { ...OPTIONS, ...options });
}

/** Every row of every table in the file (FTS shadow tables included), to show that nothing changed. */
function dumpCatalog(): string {
  const names = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(names.map((name) => [name, store.db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}

const count = (sql: string, ...params: unknown[]) => store.db.prepare(sql).pluck().get(...params) as number;
const counts = (added: number, changed: number, unchanged: number, removed = 0, disappeared = 0) => ({ added, changed, unchanged, removed, disappeared });
const FCT_5 = 'snowflake://analytics.marts/fct_5';
/** Tables of a generated project of 60 models: 20 staging and 20 marts (20 are ephemeral), 20 sources, 5 seeds, 3 snapshots. */
const TABLES_60 = 68;

describe('importing a generated dbt project of 300 models', () => {
  it('loads its tables with columns, owners and tags, its lineage and its exposures, and indexes them for search', async () => {
    const project = generateDbtProject({ models: 300 });
    const report = await importProject(project);

    expect(report).toMatchObject({
      project: 'polar_analytics', manifestVersion: 'v12 (dbt 1.8 and later)', dbtVersion: '1.8.7', database: 'snowflake',
      tables: counts(228, 0, 0), dashboards: counts(4, 0, 0), bad: [], skipped: [], searchIndex: 'refreshed',
    });
    expect(report.lineage.added).toBeGreaterThan(300);
    expect(count('SELECT count(*) FROM tables')).toBe(228);
    expect(count('SELECT count(*) FROM table_lineage')).toBe(report.lineage.added);

    const fct5 = store.tables.getTableDetail(FCT_5);
    expect(fct5).toMatchObject({ database: 'snowflake', cluster: 'analytics', schema: 'marts', name: 'fct_5', is_view: false,
      description: 'Mart fct_5: one row per entity, refreshed daily.', tags: [{ tag_name: 'finance' }] });
    expect(fct5?.columns.map((c) => [c.name, c.col_type, c.sort_order])).toEqual([
      ['fct_5_id', 'DATE', 1], ['attribute_1', 'NUMBER', 2], ['attribute_2', 'TEXT', 3], ['attribute_3', 'TIMESTAMP_NTZ', 4],
      ['attribute_4', 'BOOLEAN', 5], ['attribute_5', 'FLOAT', 6], ['attribute_6', 'DATE', 7], ['attribute_7', 'NUMBER', 8],
    ]);
    expect(store.tables.getTableDetail('snowflake://analytics.marts/fct_35')?.owners.map((o) => o.user_id).sort())
      .toEqual(['borge.ousland@example.org', 'fridtjof.nansen@example.org', 'roald.amundsen@example.org']);
    expect(store.lineage.getTableLineage(FCT_5, 'upstream', 1)?.upstream_entities.map((e) => e.key).sort())
      .toEqual(['snowflake://analytics.staging/stg_0', 'snowflake://analytics.staging/stg_3']);
    expect(store.dashboards.getDashboardDetail('dbt_dashboard://polar_analytics.dashboard/board_0')).toMatchObject({
      name: 'Board 0', url: 'https://bi.example.org/boards/0', owners: [{ user_id: 'roald.amundsen@example.org' }],
    });
    expect(count('SELECT count(*) FROM table_search')).toBe(228);
    // One edit-log entry for the import, by whom.
    expect(store.editLog.list({ limit: 10 })).toMatchObject([{ resource_key: 'dbt:polar_analytics', resource_type: 'ingest', user_id: 'cli:test' }]);
  });

  it('changes nothing on a re-run of the same artifacts and reports 0 added and 0 changed', async () => {
    const project = generateDbtProject({ models: 300 });
    const first = await importProject(project);
    const before = dumpCatalog();
    const again = await importProject(project);
    expect(again).toMatchObject({
      tables: counts(0, 0, 228), dashboards: counts(0, 0, 4), lineage: counts(0, 0, first.lineage.added), searchIndex: 'unchanged',
    });
    expect(dumpCatalog()).toBe(before);
  });

  it('writes what changed in the project and counts it as changed', async () => {
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    const fct5 = project.manifest.nodes['model.polar_analytics.fct_5'];
    fct5.description = 'Facts, five.';
    fct5.columns.fct_5_id.description = 'The key.';
    fct5.meta = { owner: 'borge.ousland@example.org' };
    project.catalog.nodes['model.polar_analytics.stg_3'].columns.ATTRIBUTE_1.type = 'VARCHAR(20)';
    const report = await importProject(project);
    expect(report.tables).toEqual(counts(0, 2, TABLES_60 - 2));
    const table = store.tables.getTableDetail(FCT_5);
    expect(table?.description).toBe('Facts, five.');
    expect(table?.columns[0].description).toBe('The key.');
    expect(table?.owners.map((o) => o.user_id)).toEqual(['borge.ousland@example.org']);
    expect(store.tables.getTableDetail('snowflake://analytics.staging/stg_3')?.columns[1].col_type).toBe('VARCHAR(20)');
  });

  it('puts the descriptions, tags and owners it changed into the table\'s history, and is not held back by them', async () => {
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    const fct5 = project.manifest.nodes['model.polar_analytics.fct_5'];
    fct5.description = 'Facts, five.';
    fct5.columns.fct_5_id.description = 'The key.';
    await importProject(project);
    const history = store.editLog.list({ parentKey: FCT_5, limit: 10 });
    expect(history.map((e) => [e.resource_key, e.field, e.before, e.after, e.user_id])).toEqual([
      [`${FCT_5}/fct_5_id`, 'description', 'Column 0 of fct_5', 'The key.', 'dbt:polar_analytics'],
      [FCT_5, 'description', 'Mart fct_5: one row per entity, refreshed daily.', 'Facts, five.', 'dbt:polar_analytics'],
    ]);

    fct5.description = 'Facts, five, again.';
    const report = await importProject(project);
    expect(report.skipped).toEqual([]);
    expect(store.tables.getTableDetail(FCT_5)?.description).toBe('Facts, five, again.');
  });

  it('reports in a dry run what a run would do, and writes nothing', async () => {
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    delete project.manifest.nodes['model.polar_analytics.dim_8'];
    project.manifest.nodes['model.polar_analytics.fct_5'].description = 'Changed.';
    const before = dumpCatalog();
    const dry = await importProject(project, { dryRun: true, prune: true });
    expect(dumpCatalog()).toBe(before);
    expect(dry).toMatchObject({ dryRun: true, tables: counts(0, 1, TABLES_60 - 2, 1), searchIndex: 'unchanged' });
    const real = await importProject(project, { prune: true });
    expect({ ...real, durationMs: 0, dryRun: true, searchIndex: 'unchanged' }).toEqual({ ...dry, durationMs: 0 });
  });
});

describe('models that disappear from the project', () => {
  it('are kept and reported without prune, and removed with their lineage and exposures with prune, touching nothing else', async () => {
    // A table from another source, which the import must leave alone.
    await ingestNdjson(store.db, [`${JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name: 'other' })}\n`]);
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    delete project.manifest.nodes['model.polar_analytics.fct_5'];
    delete project.catalog.nodes['model.polar_analytics.fct_5'];
    delete project.manifest.exposures['exposure.polar_analytics.board_3'];
    const edgesOfFct5 = count('SELECT count(*) FROM table_lineage WHERE upstream_key = ? OR downstream_key = ?', FCT_5, FCT_5);
    expect(edgesOfFct5).toBeGreaterThan(0);

    const kept = await importProject(project);
    expect(kept.tables).toEqual(counts(0, 0, TABLES_60 - 1, 0, 1));
    // board_1 showed fct_5: it changes; board_3 is gone.
    expect(kept.dashboards).toEqual(counts(0, 1, 2, 0, 1));
    expect(kept.lineage.disappeared).toBe(edgesOfFct5);
    expect(store.tables.getTableDetail(FCT_5)).toBeDefined();

    const pruned = await importProject(project, { prune: true });
    expect(pruned.tables).toEqual(counts(0, 0, TABLES_60 - 1, 1, 0));
    expect(pruned.dashboards).toEqual(counts(0, 0, 3, 1, 0));
    expect(pruned.lineage.removed).toBe(edgesOfFct5);
    expect(store.tables.getTableDetail(FCT_5)).toBeUndefined();
    expect(count('SELECT count(*) FROM table_lineage WHERE upstream_key = ? OR downstream_key = ?', FCT_5, FCT_5)).toBe(0);
    expect(store.dashboards.getDashboardDetail('dbt_dashboard://polar_analytics.notebook/board_3')).toBeUndefined();
    expect(count("SELECT count(*) FROM table_search ts JOIN tables t ON t.id = ts.table_id WHERE t.key = ?", FCT_5)).toBe(0);
    expect(store.tables.getTableDetail('hive://gold.core/other')).toBeDefined();

    const again = await importProject(project, { prune: true });
    expect(again.tables).toEqual(counts(0, 0, TABLES_60 - 1));
  });
});

describe('bad nodes', () => {
  it('are named by unique_id while the rest loads, and what an earlier import made of a bad node is not pruned', async () => {
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    const STG_3 = 'snowflake://analytics.staging/stg_3';
    const edgesOf = (key: string) => count('SELECT count(*) FROM table_lineage WHERE upstream_key = ? OR downstream_key = ?', key, key);
    const [edgesOfFct5, edgesOfStg3] = [edgesOf(FCT_5), edgesOf(STG_3)];
    project.manifest.nodes['model.polar_analytics.fct_5'].meta = { owner: ['ok@example.org', { name: 'no email' }] };
    project.manifest.nodes['model.polar_analytics.stg_3'].meta = { owner: 3 };
    project.manifest.nodes['model.polar_analytics.stg_0'].description = 'Changed while fct_5 is bad.';
    const report = await importProject(project, { prune: true });
    expect(report.bad).toEqual([
      { uniqueId: 'model.polar_analytics.stg_3', reason: 'field "meta.owner": expected an email (or {"email": …}), got 3' },
      { uniqueId: 'model.polar_analytics.fct_5', reason: 'field "meta.owner[1]": expected an email (or {"email": …}), got {"name":"no email"}' },
    ]);
    expect(report.tables).toEqual(counts(0, 1, TABLES_60 - 3));
    expect(store.tables.getTableDetail('snowflake://analytics.staging/stg_0')?.description).toBe('Changed while fct_5 is bad.');
    expect(store.tables.getTableDetail(FCT_5)).toBeDefined();
    // Its lineage and its place on the board that shows it stay too.
    expect(report.lineage).toMatchObject({ removed: 0, disappeared: 0 });
    expect([edgesOf(FCT_5), edgesOf(STG_3)]).toEqual([edgesOfFct5, edgesOfStg3]);
    expect(report.dashboards).toEqual(counts(0, 0, 4));
    expect(store.dashboards.getDashboardDetail('dbt_dashboard://polar_analytics.notebook/board_1')?.tables.map((t) => t.name)).toContain('fct_5');
  });

  it('takes an owner that is not an email (a name) for a bad node, naming it and the value, and keeps the owner it had', async () => {
    const project = generateDbtProject({ models: 60 });
    project.manifest.nodes['model.polar_analytics.fct_5'].meta = { owner: 'roald.amundsen@example.org' };
    project.manifest.nodes['model.polar_analytics.fct_5'].config.meta = {};
    await importProject(project);
    expect(store.tables.getTableDetail(FCT_5)?.owners.map((o) => o.user_id)).toEqual(['roald.amundsen@example.org']);
    project.manifest.nodes['model.polar_analytics.fct_5'].meta = { owner: 'Liv Arnesen' };
    project.manifest.nodes['model.polar_analytics.fct_5'].config.meta = { owners: ['ok@example.org', 'Roald'] };
    const report = await importProject(project);
    expect(report.bad).toEqual([
      { uniqueId: 'model.polar_analytics.fct_5', reason: 'field "meta.owner": expected an email (or {"email": …}), got "Liv Arnesen"' },
    ]);
    expect(report.tables).toEqual(counts(0, 0, TABLES_60 - 1));
    expect(store.tables.getTableDetail(FCT_5)?.owners.map((o) => o.user_id)).toEqual(['roald.amundsen@example.org']);
    expect(count("SELECT count(*) FROM users WHERE user_id = 'Liv Arnesen' OR email = 'Liv Arnesen'")).toBe(0);
  });
});

describe('edits people made in Nansen', () => {
  it('win over imported descriptions, column descriptions, tags and owners, which are reported as skipped', async () => {
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    const table = { type: 'table' as const, key: FCT_5 };
    store.resources.setDescription(table, 'Written by a person.', EDITOR);
    store.resources.setDescription({ type: 'column', key: `${FCT_5}/fct_5_id` }, 'The person\'s column note.', EDITOR);
    store.resources.addTag(table, 'curated', 'default', EDITOR);
    store.resources.addOwner(table, EDITOR, EDITOR);

    // A re-run of the same artifacts keeps all of it and writes nothing.
    const before = dumpCatalog();
    const rerun = await importProject(project);
    expect(rerun.tables).toEqual(counts(0, 0, TABLES_60));
    expect(dumpCatalog()).toBe(before);
    expect(rerun.skipped.map((s) => [s.resource_key, s.field, s.edited_by])).toEqual([
      [FCT_5, 'description', EDITOR], [FCT_5, 'tag', EDITOR], [FCT_5, 'owner', EDITOR], [`${FCT_5}/fct_5_id`, 'description', EDITOR],
    ]);

    // The project changes the same fields and another one: the person's values stay, the rest is imported.
    const node = project.manifest.nodes['model.polar_analytics.fct_5'];
    node.description = 'dbt says otherwise.';
    node.columns.fct_5_id.description = 'dbt column note.';
    node.columns.attribute_2.description = 'dbt note on a column nobody edited.';
    node.tags = ['core'];
    node.config.tags = ['core'];
    const report = await importProject(project);
    expect(report.tables).toEqual(counts(0, 1, TABLES_60 - 1));
    expect(report.skipped).toContainEqual({
      resource_key: FCT_5, resource_type: 'table', field: 'description', edited_by: EDITOR, kept: 'Written by a person.', imported: 'dbt says otherwise.',
    });
    const detail = store.tables.getTableDetail(FCT_5);
    expect(detail?.description).toBe('Written by a person.');
    expect(detail?.columns.find((c) => c.name === 'fct_5_id')?.description).toBe('The person\'s column note.');
    expect(detail?.columns.find((c) => c.name === 'attribute_2')?.description).toBe('dbt note on a column nobody edited.');
    expect(detail?.tags.map((t) => t.tag_name).sort()).toEqual(['curated', 'finance']);
    expect(detail?.owners.map((o) => o.user_id)).toContain(EDITOR);

    // The edit log keeps both: the person's edit and the import's value it did not write.
    const log = store.editLog.list({ limit: 20 });
    expect(log.find((e) => e.resource_key === FCT_5 && e.field === 'description')?.after).toBe('Written by a person.');
    const entry = log.find((e) => e.resource_key === 'dbt:polar_analytics');
    expect((entry?.after as { skipped: unknown[] }).skipped).toContainEqual(expect.objectContaining({ field: 'description', imported: 'dbt says otherwise.' }));
  });

  it('win over imported column badges and, with --tags-as badge, table badges, which are reported as skipped', async () => {
    const project = generateDbtProject({ models: 60 });
    const asBadges = { tagsAs: 'badge' as const };
    await importProject(project, asBadges);
    const primaryKey = { badge_name: 'primary_key', category: 'column' };
    store.resources.removeBadge({ type: 'column', key: `${FCT_5}/fct_5_id` }, primaryKey, EDITOR);
    store.resources.addBadge({ type: 'column', key: `${FCT_5}/attribute_1` }, primaryKey, EDITOR);
    store.resources.addBadge({ type: 'table', key: FCT_5 }, { badge_name: 'certified', category: 'table_status' }, EDITOR);

    // A re-run of the same artifacts keeps all of it and writes nothing.
    const before = dumpCatalog();
    const rerun = await importProject(project, asBadges);
    expect(rerun.tables).toEqual(counts(0, 0, TABLES_60));
    expect(dumpCatalog()).toBe(before);
    expect(rerun.skipped.map((s) => [s.resource_key, s.resource_type, s.field, s.edited_by])).toEqual([
      [FCT_5, 'table', 'badge', EDITOR], [`${FCT_5}/fct_5_id`, 'column', 'badge', EDITOR], [`${FCT_5}/attribute_1`, 'column', 'badge', EDITOR],
    ]);
    expect(formatDbtReport(rerun, 'catalog.sqlite')).toContain(`kept 3 field(s) people edited in Nansen (first: badge of ${FCT_5}, edited by ${EDITOR})`);

    // The project changes the badges of the edited column, of a column nobody edited and the table's:
    // the person's stay, the other column's are imported.
    const node = project.manifest.nodes['model.polar_analytics.fct_5'];
    node.columns.fct_5_id.tags = ['primary_key', 'unique'];
    node.columns.attribute_2.tags = ['pii'];
    node.tags = ['core'];
    node.config.tags = ['core'];
    const report = await importProject(project, asBadges);
    expect(report.tables).toEqual(counts(0, 1, TABLES_60 - 1));
    expect(report.skipped).toContainEqual({
      resource_key: `${FCT_5}/fct_5_id`, resource_type: 'column', field: 'badge', edited_by: EDITOR,
      kept: [], imported: [primaryKey, { badge_name: 'unique', category: 'column' }],
    });
    const detail = store.tables.getTableDetail(FCT_5);
    expect(detail?.columns.slice(0, 3).map((c) => [c.name, c.badges.map((b) => b.badge_name)])).toEqual([
      ['fct_5_id', []], ['attribute_1', ['primary_key']], ['attribute_2', ['pii']],
    ]);
    expect(detail?.badges.map((b) => b.badge_name).sort()).toEqual(['certified', 'finance']);
  });

  it('hold back only the field the person edited, on that table', async () => {
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    store.resources.addTag({ type: 'table', key: FCT_5 }, 'curated', 'default', EDITOR);
    project.manifest.nodes['model.polar_analytics.fct_5'].description = 'New from dbt.';
    project.manifest.nodes['model.polar_analytics.fct_11'].tags = ['core'];
    const report = await importProject(project);
    expect(report.skipped).toMatchObject([{ resource_key: FCT_5, field: 'tag', kept: ['curated', 'finance'], imported: ['finance'] }]);
    expect(store.tables.getTableDetail(FCT_5)?.description).toBe('New from dbt.');
    expect(store.tables.getTableDetail('snowflake://analytics.marts/fct_11')?.tags.map((t) => t.tag_name)).toEqual(['core']);
  });

  it('win on dashboards made from exposures too', async () => {
    const project = generateDbtProject({ models: 60 });
    await importProject(project);
    const key = 'dbt_dashboard://polar_analytics.dashboard/board_0';
    store.resources.setDescription({ type: 'dashboard', key }, 'The board everyone reads.', EDITOR);
    project.manifest.exposures['exposure.polar_analytics.board_0'].description = 'Board zero.';
    const report = await importProject(project);
    expect(report.dashboards).toEqual(counts(0, 0, 4));
    expect(report.skipped).toMatchObject([{ resource_key: key, field: 'description', kept: 'The board everyone reads.', imported: 'Board zero.' }]);
    expect(store.dashboards.getDashboardDetail(key)?.description).toBe('The board everyone reads.');
  });
});
