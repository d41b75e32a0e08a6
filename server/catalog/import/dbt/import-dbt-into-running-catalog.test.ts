// The importer next to a running catalog on the same SQLite file: what it imports is found by the
// search API, and a description a person PUT through the metadata API survives a re-import.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../create-catalog';
import { openCatalogDatabase } from '../../store/open-catalog-database';
import { AUTH_HEADER, authAs, requireTestToken } from '../../testing/open-test-catalog';
import { importDbtProject, type DbtImportReport } from './import-dbt-project';
import { parseCatalog, parseManifest } from './read-dbt-artifacts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const FCT_VOYAGES = 'snowflake://analytics.marts/fct_voyages';

let dir: string;
let dbPath: string;
let catalog: Catalog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-dbt-running-'));
  dbPath = join(dir, 'catalog.sqlite');
  catalog = openCatalog({ dbPath, demoTables: 0, authenticate: requireTestToken, log: { error() {} } });
});
afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importFixture(edit?: (manifest: any) => void): Promise<DbtImportReport> {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'manifest-v12.json'), 'utf8'));
  edit?.(raw);
  const { manifest, version } = parseManifest(raw);
  const db = openCatalogDatabase(dbPath);
  try {
    return await importDbtProject(db, { manifest, version, catalog: parseCatalog(JSON.parse(readFileSync(join(FIXTURES, 'catalog-v12.json'), 'utf8'))) }, {
      database: 'snowflake', nameFrom: 'name', tagsAs: 'tag', importedBy: 'cli:test',
    });
  } finally {
    db.close();
  }
}

describe('a dbt import into the file a running catalog serves', () => {
  it('is found by the search API: its tables by name, its exposures as dashboards', async () => {
    await importFixture();
    const tables = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term: 'voyages', resource_types: ['table'] });
    expect(tables.status).toBe(200);
    const keys = tables.body.results.table.results.map((r: { key: string }) => r.key);
    expect(keys).toEqual(expect.arrayContaining([FCT_VOYAGES, 'snowflake://analytics.staging/stg_voyages', 'snowflake://raw.logbook/voyages']));
    const dashboards = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term: 'expedition', resource_types: ['dashboard'] });
    expect(dashboards.body.results.dashboard.results.map((r: { uri: string }) => r.uri)).toEqual(['dbt_dashboard://fram_analytics.dashboard/expedition_overview']);
  });

  it('keeps a description a person PUT through the metadata API, and reports the imported one as skipped', async () => {
    await importFixture();
    const put = await request(catalog.metadataApp).put(`/table/${FCT_VOYAGES}/description`).set(...authAs('liv.arnesen@example.org'))
      .set('Content-Type', 'text/plain').send(JSON.stringify({ description: 'Voyages, checked by Liv.' }));
    expect(put.status).toBe(200);

    const report = await importFixture((m) => {
      m.nodes['model.fram_analytics.fct_voyages'].description = 'Voyages, as dbt now says.';
    });
    expect(report.skipped).toEqual([{
      resource_key: FCT_VOYAGES, resource_type: 'table', field: 'description', edited_by: 'liv.arnesen@example.org',
      kept: 'Voyages, checked by Liv.', imported: 'Voyages, as dbt now says.',
    }]);
    expect(report.tables.changed).toBe(0);
    const read = await request(catalog.metadataApp).get(`/table/${FCT_VOYAGES}/description`).set(...AUTH_HEADER);
    expect(read.body).toEqual({ description: 'Voyages, checked by Liv.' });
  });
});

describe('POST /import/dbt', () => {
  const artifacts = () => ({
    manifest: JSON.parse(readFileSync(join(FIXTURES, 'manifest-v12.json'), 'utf8')),
    catalog: JSON.parse(readFileSync(join(FIXTURES, 'catalog-v12.json'), 'utf8')),
  });
  const post = (query = '') => request(catalog.metadataApp).post(`/import/dbt${query}`);

  it('imports the artifacts in the body, answers the report and records the caller in the edit log', async () => {
    const res = await post().set(...authAs('ci-bot@example.org')).send(artifacts());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ project: 'fram_analytics', manifestVersion: 'v12 (dbt 1.8 and later)', tables: { added: 6 }, bad: [] });
    const edits = await request(catalog.metadataApp).get('/edits').set(...AUTH_HEADER);
    expect(edits.body.edits).toEqual(expect.arrayContaining([
      expect.objectContaining({ resource_key: 'dbt:fram_analytics', user_id: 'ci-bot@example.org' }),
    ]));
    const again = await post().set(...AUTH_HEADER).send(artifacts());
    expect(again.body.tables).toMatchObject({ added: 0, changed: 0, unchanged: 6 });
  });

  it('takes the options as query parameters, and writes nothing with dry_run', async () => {
    const res = await post('?database=bigquery&name_from=alias&dry_run=true').set(...AUTH_HEADER).send(artifacts());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, database: 'bigquery', tables: { added: 6 } });
    const table = await request(catalog.metadataApp).get('/table/bigquery://analytics.marts/fct_voyages_v2').set(...AUTH_HEADER);
    expect(table.status).toBe(404);
  });

  it('refuses an old manifest, a bad option and a body that is not the artifacts with 400 and the reason', async () => {
    const old = { manifest: { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v3.json' }, nodes: {} } };
    const refused = await post().set(...AUTH_HEADER).send(old);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^manifest: manifest schema v3 \(dbt 0\.21\) is older than this importer reads/);
    const badOption = await post('?tags_as=label').set(...AUTH_HEADER).send(artifacts());
    expect(badOption.status).toBe(400);
    expect(badOption.body.message).toBe('tags_as must be tag or badge, got "label"');
    const broken = await post().set(...AUTH_HEADER).set('Content-Type', 'application/json').send('{"manifest": {"metadata": {},\n  "nodes": {]}}');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe('The request body is not valid JSON at line 2, column 13: expected a property name in double quotes, found "]".');
    const bare = await post().set(...AUTH_HEADER).set('Content-Type', 'application/json').send('"manifest"');
    expect(bare.body.message).toBe('The request body must be a JSON object or array, not a bare value.');
    const unwrapped = await post().set(...AUTH_HEADER).send(artifacts().manifest);
    expect(unwrapped.status).toBe(400);
    expect(unwrapped.body.message).toMatch(/^The body is dbt's manifest\.json itself, not wrapped: send \{"manifest": <target\/manifest\.json>, "catalog": <target\/catalog\.json>\}, e\.g\. jq -n/);
    expect((await post().set(...AUTH_HEADER).send(artifacts().catalog)).body.message).toMatch(/^The body is dbt's catalog\.json itself, not wrapped/);
    const notArtifacts = await post().set(...AUTH_HEADER).send({ models: [] });
    expect(notArtifacts.status).toBe(400);
    expect(notArtifacts.body.message).toMatch(/^The body must be \{"manifest"/);
  });

  it('refuses an unknown query parameter with 400, suggesting the one meant, before importing anything', async () => {
    for (const [query, message] of [
      ['?prunee=true', 'unknown parameter "prunee" (did you mean prune?)'],
      ['?dry-run=true', 'unknown parameter "dry-run" (did you mean dry_run?)'],
      ['?nameFrom=alias', 'unknown parameter "nameFrom" (did you mean name_from?)'],
      ['?force=1', 'unknown parameter "force" (POST /import/dbt takes database, name_from, tags_as, source_url, project, prune, allow_large_prune, dry_run)'],
    ]) {
      const res = await post(query).set(...AUTH_HEADER).send(artifacts());
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: { message } });
    }
    expect((await request(catalog.metadataApp).get(`/table/${FCT_VOYAGES}`).set(...AUTH_HEADER)).status).toBe(404);
  });

  it('asks for the bearer token like every catalog route', async () => {
    expect((await post().send(artifacts())).status).toBe(401);
  });
});

describe('POST /import/dbt?prune=true of a manifest that has lost the tables', () => {
  const artifacts = () => ({
    manifest: JSON.parse(readFileSync(join(FIXTURES, 'manifest-v12.json'), 'utf8')),
    catalog: JSON.parse(readFileSync(join(FIXTURES, 'catalog-v12.json'), 'utf8')),
  });
  const empty = {
    manifest: {
      metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json', project_name: 'fram_analytics', adapter_type: 'snowflake' },
      nodes: {}, sources: {},
    },
  };
  const post = (query: string) => request(catalog.metadataApp).post(`/import/dbt${query}`).set(...AUTH_HEADER);

  it('is refused with 422, naming allow_large_prune, and leaves every table and a person\'s edit in place', async () => {
    expect((await post('').send(artifacts())).status).toBe(200);
    await request(catalog.metadataApp).put(`/table/${FCT_VOYAGES}/description`).set(...authAs('liv.arnesen@example.org'))
      .set('Content-Type', 'text/plain').send(JSON.stringify({ description: 'Voyages, checked by Liv.' }));

    for (const query of ['?prune=true', '?prune=true&dry_run=true']) {
      const refused = await post(query).send(empty);
      expect(refused.status).toBe(422);
      expect(refused.body).toEqual({ message: expect.stringMatching(/^refused to prune: it would remove all 6 tables an earlier import of dbt project "fram_analytics" made \(/) });
      expect(refused.body.message).toContain('run again with allow_large_prune=true');
    }
    const read = await request(catalog.metadataApp).get(`/table/${FCT_VOYAGES}/description`).set(...AUTH_HEADER);
    expect(read.body).toEqual({ description: 'Voyages, checked by Liv.' });
    // Without prune nothing is removed anyway: the tables are reported as gone from the project.
    expect((await post('').send(empty)).body.tables).toMatchObject({ removed: 0, disappeared: 6 });

    const confirmed = await post('?prune=true&allow_large_prune=true').send(empty);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.tables).toMatchObject({ removed: 6 });
    expect((await request(catalog.metadataApp).get(`/table/${FCT_VOYAGES}`).set(...AUTH_HEADER)).status).toBe(404);
  });

  it('still removes a few tables a project really dropped', async () => {
    expect((await post('').send(artifacts())).status).toBe(200);
    const smaller = artifacts();
    delete smaller.manifest.nodes['seed.fram_analytics.ships'];
    const pruned = await post('?prune=true').send(smaller);
    expect(pruned.status).toBe(200);
    expect(pruned.body.tables).toMatchObject({ removed: 1 });
  });
});
