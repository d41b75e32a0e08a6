import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapDbtProject, toTagName, type DbtMappingOptions } from './map-dbt-project';
import { parseCatalog, parseManifest } from './read-dbt-artifacts';
import { generateDbtProject } from './generate-dbt-project';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const defaults: DbtMappingOptions = { database: 'postgres', nameFrom: 'name', tagsAs: 'tag' };

function mapFixture(version: 'v4' | 'v12', options: Partial<DbtMappingOptions> = {}, edit?: (manifest: any) => void) {
  const raw = fixture(`manifest-${version}.json`);
  edit?.(raw);
  const { manifest } = parseManifest(raw);
  const catalog = parseCatalog(fixture(`catalog-${version}.json`));
  return mapDbtProject(manifest, catalog, { ...defaults, database: version === 'v4' ? 'postgres' : 'snowflake', ...options });
}
const tableOf = (mapped: ReturnType<typeof mapDbtProject>, uniqueId: string) => {
  const table = mapped.tables.find((t) => t.uniqueId === uniqueId);
  if (!table) throw new Error(`no table for ${uniqueId}`);
  return table;
};

describe('mapping a dbt 1.0 project (manifest v4)', () => {
  const mapped = mapFixture('v4');

  it('keys tables as databuilder does: engine://dbt-database.schema/name, in lower case', () => {
    expect(mapped.tables.map((t) => t.key).sort()).toEqual([
      'postgres://analytics.jaffle_shop/customers',
      'postgres://analytics.jaffle_shop/raw_orders',
      'postgres://analytics.jaffle_shop/stg_customers',
      'postgres://raw.jaffle/raw_customers',
    ]);
  });

  it('makes models, seeds and sources tables and leaves out tests and ephemeral models', () => {
    expect(mapped.tables.map((t) => t.uniqueId).sort()).toEqual([
      'model.jaffle_shop.customers', 'model.jaffle_shop.stg_customers', 'seed.jaffle_shop.raw_orders', 'source.jaffle_shop.jaffle.raw_customers',
    ]);
    expect(mapped.ignored).toEqual({ test: 1, 'ephemeral model': 1 });
    expect(mapped.bad).toEqual([]);
  });

  it('takes column types and order from catalog.json and descriptions from the manifest', () => {
    const { record } = tableOf(mapped, 'model.jaffle_shop.customers');
    expect(record.description).toBe("This table has basic information about a customer, as well as some derived facts based on a customer's orders");
    expect(record.description_source).toBe('dbt description');
    expect(record.columns).toEqual([
      { name: 'customer_id', col_type: 'integer', sort_order: 1, description: 'This is a unique identifier for a customer', badges: [{ badge_name: 'pii', category: 'column' }] },
      { name: 'first_name', col_type: 'text', sort_order: 2, description: "Customer's first name. PII." },
      { name: 'number_of_orders', col_type: 'bigint', sort_order: 3, description: null },
    ]);
  });

  it('marks views from catalog.json', () => {
    expect(tableOf(mapped, 'model.jaffle_shop.stg_customers').record.is_view).toBe(true);
    expect(tableOf(mapped, 'model.jaffle_shop.customers').record.is_view).toBe(false);
  });

  it('takes tags and meta.owner / meta.owners (emails or {email} objects) as tags and owners', () => {
    expect(tableOf(mapped, 'model.jaffle_shop.customers').record).toMatchObject({ tags: ['finance'], owners: ['roald.amundsen@example.org'] });
    expect(tableOf(mapped, 'seed.jaffle_shop.raw_orders').record.owners).toEqual(['borge.ousland@example.org', 'liv.arnesen@example.org']);
    expect(tableOf(mapped, 'source.jaffle_shop.jaffle.raw_customers').record).toMatchObject({ tags: ['raw'], owners: ['fridtjof.nansen@example.org'] });
  });

  it('draws lineage from depends_on, through ephemeral models to the tables they read', () => {
    expect(mapped.lineage).toEqual(expect.arrayContaining([
      { upstream: 'postgres://analytics.jaffle_shop/stg_customers', downstream: 'postgres://analytics.jaffle_shop/customers' },
      { upstream: 'postgres://analytics.jaffle_shop/raw_orders', downstream: 'postgres://analytics.jaffle_shop/customers' },
      { upstream: 'postgres://raw.jaffle/raw_customers', downstream: 'postgres://analytics.jaffle_shop/stg_customers' },
    ]));
    expect(mapped.lineage).toHaveLength(3);
  });

  it('names the project after the package most of its models belong to when the manifest has no project_name', () => {
    expect(mapped.project).toBe('jaffle_shop');
  });

  it('makes exposures dashboards keyed dbt_dashboard://project.type/name, with their owner and tables', () => {
    expect(mapped.dashboards).toEqual([{
      uniqueId: 'exposure.jaffle_shop.weekly_kpis',
      key: 'dbt_dashboard://jaffle_shop.dashboard/weekly_kpis',
      record: expect.objectContaining({
        product: 'dbt', cluster: 'jaffle_shop', group_id: 'dashboard', id: 'weekly_kpis', name: 'weekly_kpis',
        url: 'https://bi.example.org/dashboards/12', description: 'Customers and orders, week by week',
        owners: ['roald.amundsen@example.org'], tags: ['kpi'],
        tables: ['postgres://analytics.jaffle_shop/customers', 'postgres://analytics.jaffle_shop/raw_orders'],
      }),
    }]);
  });

  it('names a source by its identifier and a model by its alias with nameFrom "alias"', () => {
    const aliased = mapFixture('v4', { nameFrom: 'alias' });
    expect(tableOf(aliased, 'source.jaffle_shop.jaffle.raw_customers').key).toBe('postgres://raw.jaffle/customers_v2');
  });

  it('turns dbt tags into tags people can remove (lower-case letters, digits, _); badges keep them as written', () => {
    const edit = (m: any) => {
      m.nodes['model.jaffle_shop.customers'].tags = ['Finance', 'daily-refresh', 'PII data', '---'];
      m.exposures['exposure.jaffle_shop.weekly_kpis'].tags = ['KPI!'];
    };
    const mapped = mapFixture('v4', {}, edit);
    expect(tableOf(mapped, 'model.jaffle_shop.customers').record.tags).toEqual(['daily_refresh', 'finance', 'pii_data']);
    expect(mapped.dashboards[0].record.tags).toEqual(['kpi']);
    expect(toTagName('x'.repeat(100))).toHaveLength(80);
    const asBadges = tableOf(mapFixture('v4', { tagsAs: 'badge' }, edit), 'model.jaffle_shop.customers').record.badges;
    expect(asBadges?.map((b) => b.badge_name)).toEqual(['---', 'PII data', 'daily-refresh', 'finance', 'Finance'].sort());
  });

  it('gives dbt tags as badges with tagsAs "badge", as databuilder does by default', () => {
    const { record } = tableOf(mapFixture('v4', { tagsAs: 'badge' }), 'model.jaffle_shop.customers');
    expect(record.badges).toEqual([{ badge_name: 'finance', category: 'table' }]);
    expect(record.tags).toBeUndefined();
  });

  it('links each table to its file in the repository with sourceUrl', () => {
    const { record } = tableOf(mapFixture('v4', { sourceUrl: 'https://github.com/acme/jaffle/blob/main/' }), 'model.jaffle_shop.customers');
    expect(record.source).toEqual({ source_type: 'github', source: 'https://github.com/acme/jaffle/blob/main/models/customers.sql' });
  });
});

describe('mapping a dbt 1.8 project (manifest v12, Snowflake)', () => {
  const mapped = mapFixture('v12');

  it('matches upper-case catalog.json columns with the manifest\'s lower-case ones and keys in lower case', () => {
    const table = tableOf(mapped, 'model.fram_analytics.fct_voyages');
    expect(table.key).toBe('snowflake://analytics.marts/fct_voyages');
    expect(table.record.columns.map((c) => [c.name, c.col_type, c.description])).toEqual([
      ['voyage_id', 'NUMBER', 'Primary key.'],
      ['ship_name', 'TEXT', 'The ship, e.g. Fram.'],
      ['nautical_miles', 'FLOAT', null],
      ['crew_size', 'NUMBER', null],
    ]);
  });

  it('names a versioned model by its alias (the relation) with nameFrom "alias"', () => {
    expect(tableOf(mapFixture('v12', { nameFrom: 'alias' }), 'model.fram_analytics.fct_voyages').key).toBe('snowflake://analytics.marts/fct_voyages_v2');
  });

  it('joins the tags of the node and its config, and owners from config.meta', () => {
    expect(tableOf(mapped, 'model.fram_analytics.fct_voyages').record).toMatchObject({
      tags: ['core', 'daily'], owners: ['fridtjof.nansen@example.org', 'roald.amundsen@example.org'],
    });
    expect(tableOf(mapped, 'model.fram_analytics.stg_voyages').record.owners).toEqual(['liv.arnesen@example.org']);
  });

  it('makes snapshots tables and leaves out analyses and tests', () => {
    expect(tableOf(mapped, 'snapshot.fram_analytics.crew_snapshot').key).toBe('snowflake://analytics.snapshots/crew_snapshot');
    expect(mapped.ignored).toEqual({ test: 1, analysis: 1 });
  });

  it('keeps tables catalog.json does not describe, with the columns the manifest declares', () => {
    expect(mapped.withoutCatalogEntry.sort()).toEqual(['snapshot.fram_analytics.crew_snapshot', 'source.fram_analytics.logbook.crew']);
    expect(tableOf(mapped, 'snapshot.fram_analytics.crew_snapshot').record.columns).toEqual([]);
  });

  it('without a catalog.json entry, takes a view from the materialization and column types from data_type', () => {
    const raw = fixture('manifest-v12.json');
    const catalog = fixture('catalog-v12.json');
    delete catalog.nodes['model.fram_analytics.stg_voyages'];
    delete catalog.nodes['model.fram_analytics.fct_voyages'];
    const mapped = mapDbtProject(parseManifest(raw).manifest, parseCatalog(catalog), { ...defaults, database: 'snowflake' });
    expect(tableOf(mapped, 'model.fram_analytics.stg_voyages').record.is_view).toBe(true);
    expect(tableOf(mapped, 'model.fram_analytics.fct_voyages').record.columns.map((c) => [c.name, c.col_type, c.sort_order])).toEqual([
      ['voyage_id', 'number', 1], ['ship_name', 'varchar', 2], ['nautical_miles', 'float', 3],
    ]);
  });

  it('puts tables of an adapter without databases (Spark) in cluster "default"', () => {
    const mapped = mapFixture('v12', { database: 'spark' }, (m) => {
      m.nodes['model.fram_analytics.stg_voyages'].database = null;
    });
    expect(tableOf(mapped, 'model.fram_analytics.stg_voyages').key).toBe('spark://default.staging/stg_voyages');
  });

  it('takes the project name from the manifest and an exposure\'s label as the dashboard name', () => {
    expect(mapped.project).toBe('fram_analytics');
    const overview = mapped.dashboards.find((d) => d.uniqueId === 'exposure.fram_analytics.expedition_overview');
    expect(overview?.key).toBe('dbt_dashboard://fram_analytics.dashboard/expedition_overview');
    expect(overview?.record.name).toBe('Expedition overview');
    const ml = mapped.dashboards.find((d) => d.uniqueId === 'exposure.fram_analytics.crew_model');
    expect(ml?.record).toMatchObject({ group_id: 'ml', name: 'crew_model', owners: [], tables: ['snowflake://analytics.snapshots/crew_snapshot'] });
  });

  it('draws lineage from models, seeds and snapshots to the models that read them', () => {
    const into = (key: string) => mapped.lineage.filter((e) => e.downstream === key).map((e) => e.upstream).sort();
    expect(into('snowflake://analytics.marts/fct_voyages')).toEqual([
      'snowflake://analytics.seeds/ships', 'snowflake://analytics.snapshots/crew_snapshot', 'snowflake://analytics.staging/stg_voyages',
    ]);
    expect(into('snowflake://analytics.snapshots/crew_snapshot')).toEqual(['snowflake://raw.logbook/crew']);
  });
});

describe('bad nodes', () => {
  it('names each bad node by its unique_id with the reason, and maps the rest', () => {
    const mapped = mapFixture('v12', {}, (m) => {
      m.nodes['model.fram_analytics.stg_voyages'].meta.owner = 42;
      delete m.nodes['seed.fram_analytics.ships'].schema;
      m.nodes['model.fram_analytics.fct_voyages'].tags = 'core';
      m.exposures['exposure.fram_analytics.crew_model'].name = '';
    });
    expect(mapped.bad).toEqual([
      { uniqueId: 'model.fram_analytics.stg_voyages', reason: 'field "meta.owner": expected an email (or {"email": …}), got 42' },
      { uniqueId: 'seed.fram_analytics.ships', reason: 'field "schema": expected a non-empty string, got nothing' },
      { uniqueId: 'exposure.fram_analytics.crew_model', reason: 'field "name": expected a non-empty string, got ""' },
    ]);
    // A single tag as a string is read as a list of one; lineage leaves the bad nodes out.
    expect(tableOf(mapped, 'model.fram_analytics.fct_voyages').record.tags).toEqual(['core']);
    expect(mapped.tables).toHaveLength(4);
    expect(mapped.lineage.some((e) => e.upstream.endsWith('/stg_voyages') || e.downstream.endsWith('/stg_voyages'))).toBe(false);
  });

  it('takes an owner that is not an email (a person\'s name, in meta or an exposure\'s owner.email) for a bad node', () => {
    const mapped = mapFixture('v12', {}, (m) => {
      m.nodes['model.fram_analytics.stg_voyages'].meta.owner = 'Liv Arnesen';
      m.nodes['model.fram_analytics.fct_voyages'].meta = { owners: [{ email: 'liv.arnesen@example.org' }, { email: 'Roald' }] };
      m.exposures['exposure.fram_analytics.crew_model'].owner = { name: 'Liv', email: 'Liv Arnesen' };
    });
    expect(mapped.bad).toEqual([
      { uniqueId: 'model.fram_analytics.fct_voyages', reason: 'field "meta.owners[1]": expected an email (or {"email": …}), got {"email":"Roald"}' },
      { uniqueId: 'model.fram_analytics.stg_voyages', reason: 'field "meta.owner": expected an email (or {"email": …}), got "Liv Arnesen"' },
      { uniqueId: 'exposure.fram_analytics.crew_model', reason: 'field "owner.email": expected an email, got "Liv Arnesen"' },
    ]);
  });

  it('gives a key to one node only: a second version of a model is bad unless keyed by its alias', () => {
    const addVersion1 = (m: any) => {
      const v2 = m.nodes['model.fram_analytics.fct_voyages'];
      m.nodes['model.fram_analytics.fct_voyages.v1'] = { ...v2, unique_id: 'model.fram_analytics.fct_voyages.v1', alias: 'fct_voyages_v1', version: 1 };
    };
    const byName = mapFixture('v12', {}, addVersion1);
    expect(byName.bad).toEqual([{
      uniqueId: 'model.fram_analytics.fct_voyages.v1',
      reason: 'its key "snowflake://analytics.marts/fct_voyages" is already the key of model.fram_analytics.fct_voyages ' +
        '(versions of a model share a name: --name-from alias keys each by its relation)',
    }]);
    const twoBoards = mapFixture('v12', {}, (m) => {
      m.exposures['exposure.other_package.Expedition_Overview'] = { ...m.exposures['exposure.fram_analytics.expedition_overview'], name: 'Expedition_Overview' };
    });
    expect(twoBoards.bad).toEqual([{
      uniqueId: 'exposure.other_package.Expedition_Overview',
      reason: 'its key "dbt_dashboard://fram_analytics.dashboard/expedition_overview" is already the key of exposure.fram_analytics.expedition_overview',
    }]);
    const byAlias = mapFixture('v12', { nameFrom: 'alias' }, addVersion1);
    expect(byAlias.bad).toEqual([]);
    expect(byAlias.tables.map((t) => t.key)).toEqual(expect.arrayContaining([
      'snowflake://analytics.marts/fct_voyages_v1', 'snowflake://analytics.marts/fct_voyages_v2',
    ]));
  });

  it('reports a catalog.json column without a type against its node', () => {
    const raw = fixture('manifest-v4.json');
    const catalog = fixture('catalog-v4.json');
    delete catalog.nodes['model.jaffle_shop.customers'].columns.first_name.type;
    const mapped = mapDbtProject(parseManifest(raw).manifest, parseCatalog(catalog), defaults);
    expect(mapped.bad).toEqual([{ uniqueId: 'model.jaffle_shop.customers', reason: 'catalog.json column "first_name" has no type' }]);
  });
});

describe('every manifest version from dbt 1.0 on', () => {
  it.each([4, 5, 6, 7, 8, 9, 10, 11, 12, 20])('maps a project declaring manifest v%i the same way', (version) => {
    const { manifest, catalog } = generateDbtProject({ models: 30, version });
    const parsed = parseManifest(manifest);
    expect(parsed.version.version).toBe(version);
    const mapped = mapDbtProject(parsed.manifest, parseCatalog(catalog), defaults);
    const reference = mapDbtProject(parseManifest(generateDbtProject({ models: 30 }).manifest).manifest, parseCatalog(catalog), defaults);
    expect(mapped.tables.length).toBeGreaterThan(0);
    expect(mapped).toEqual(reference);
  });

  it('uses the project name given in the options over the manifest\'s, for the dashboards\' cluster', () => {
    const mapped = mapFixture('v12', { project: 'Voyages' });
    expect(mapped.project).toBe('Voyages');
    expect(mapped.dashboards.map((d) => d.key)).toContain('dbt_dashboard://voyages.dashboard/expedition_overview');
  });
});

describe('a generated project of a few hundred models', () => {
  it('maps every model that is a relation, and every seed, snapshot and source', () => {
    const { manifest, catalog } = generateDbtProject({ models: 300 });
    const mapped = mapDbtProject(parseManifest(manifest).manifest, parseCatalog(catalog), { ...defaults, database: 'snowflake' });
    expect(mapped.bad).toEqual([]);
    // 300 models: 100 ephemeral; + 20 sources, 5 seeds, 3 snapshots.
    expect(mapped.tables).toHaveLength(200 + 20 + 5 + 3);
    expect(mapped.ignored).toEqual({ test: 300, 'ephemeral model': 100 });
    expect(mapped.dashboards).toHaveLength(4);
    expect(mapped.withoutCatalogEntry).toEqual([]);
    // A mart reads an ephemeral model (inlined) and a staging model: the edge goes to what the ephemeral one reads.
    const into5 = mapped.lineage.filter((e) => e.downstream === 'snowflake://analytics.marts/fct_5').map((e) => e.upstream).sort();
    expect(into5).toEqual(['snowflake://analytics.staging/stg_0', 'snowflake://analytics.staging/stg_3']);
  });
});
