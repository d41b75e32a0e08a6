// Test support: the artifacts of a generated dbt project in the shape dbt writes them
// (`dbt docs generate`: target/manifest.json and target/catalog.json, manifest schema v12 by default).
// Layout of the project, `polar_analytics` on database ANALYTICS (catalog.json in upper case, as
// Snowflake answers): sources in RAW; per model i one of
//   staging      stg_i   view,      reads a source
//   intermediate int_i   ephemeral, reads two staging models (inlined: lineage passes through)
//   marts        fct_i / dim_i  table, reads an intermediate and a staging model
// plus seeds, snapshots, a test per model and exposures on the marts. Owners via meta.owner on some
// models and config.meta.owners on others; tags on most. Deterministic: the same options give the
// same artifacts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedProjectOptions {
  models?: number;
  sources?: number;
  seeds?: number;
  snapshots?: number;
  exposures?: number;
  /** Manifest schema version to declare (the node shape stays v12's, as v4–v12 differ only in fields we do not read). */
  version?: number;
  dbtVersion?: string;
}

export interface GeneratedProject {
  manifest: Record<string, any>;
  catalog: Record<string, any>;
}

const PROJECT = 'polar_analytics';
const OWNERS = ['roald.amundsen@example.org', 'fridtjof.nansen@example.org', 'liv.arnesen@example.org', 'borge.ousland@example.org'];
const TAGS = ['finance', 'daily', 'pii', 'core', 'marketing'];
const TYPES = ['NUMBER', 'TEXT', 'TIMESTAMP_NTZ', 'BOOLEAN', 'FLOAT', 'DATE'];

export function modelLayer(i: number): 'staging' | 'intermediate' | 'marts' {
  return (['staging', 'intermediate', 'marts'] as const)[i % 3];
}

export function modelName(i: number): string {
  const layer = modelLayer(i);
  return layer === 'staging' ? `stg_${i}` : layer === 'intermediate' ? `int_${i}` : i % 2 ? `fct_${i}` : `dim_${i}`;
}

function columnsFor(i: number): { name: string; type: string; description: string; tags: string[] }[] {
  const count = 3 + (i % 6);
  return Array.from({ length: count }, (_, c) => ({
    name: c === 0 ? `${modelName(i)}_id` : `attribute_${c}`,
    type: TYPES[(i + c) % TYPES.length],
    description: c % 2 === 0 ? `Column ${c} of ${modelName(i)}` : '',
    tags: c === 0 ? ['primary_key'] : [],
  }));
}

function baseNode(uniqueId: string, resourceType: string, name: string, schema: string, path: string) {
  return {
    database: 'ANALYTICS',
    schema,
    name,
    resource_type: resourceType,
    package_name: PROJECT,
    path,
    original_file_path: path.startsWith('seeds/') || path.startsWith('snapshots/') ? path : `models/${path}`,
    unique_id: uniqueId,
    fqn: [PROJECT, ...path.replace(/\.\w+$/, '').split('/')],
    alias: name,
    checksum: { name: 'sha256', checksum: uniqueId.length.toString(16).padStart(64, '0') },
    group: null,
    docs: { show: true, node_color: null },
    patch_path: null,
    build_path: null,
    unrendered_config: {},
    created_at: 1727854861.12,
    relation_name: `ANALYTICS.${schema}.${name}`,
    language: 'sql',
    metrics: [],
    compiled_path: null,
    contract: { enforced: false, alias_types: true, checksum: null },
  };
}

function config(materialized: string, tags: string[], meta: Record<string, unknown>) {
  return {
    enabled: true, alias: null, schema: null, database: null, tags, meta, group: null, materialized,
    persist_docs: {}, 'post-hook': [], 'pre-hook': [], quoting: {}, column_types: {}, full_refresh: null,
    on_schema_change: 'ignore', on_configuration_change: 'apply', grants: {}, packages: [],
    docs: { show: true, node_color: null }, contract: { enforced: false, alias_types: true }, access: 'protected',
  };
}

const catalogColumns = (columns: { name: string; type: string }[]) =>
  Object.fromEntries(columns.map((c, index) => [c.name.toUpperCase(), { type: c.type, index: index + 1, name: c.name.toUpperCase(), comment: null }]));

function catalogEntry(uniqueId: string, type: string, schema: string, name: string, columns: { name: string; type: string }[], database = 'ANALYTICS') {
  return {
    metadata: { type, schema, name: name.toUpperCase(), database, comment: null, owner: 'TRANSFORMER' },
    columns: catalogColumns(columns),
    stats: { has_stats: { id: 'has_stats', label: 'Has Stats?', value: false, include: false, description: 'Indicates whether there are statistics for this table' } },
    unique_id: uniqueId,
  };
}

export function generateDbtProject(options: GeneratedProjectOptions = {}): GeneratedProject {
  const models = options.models ?? 300;
  const sourceCount = options.sources ?? 20;
  const seedCount = options.seeds ?? 5;
  const snapshotCount = options.snapshots ?? 3;
  const exposureCount = options.exposures ?? 4;
  const version = options.version ?? 12;
  const nodes: Record<string, any> = {};
  const sources: Record<string, any> = {};
  const exposures: Record<string, any> = {};
  const catalogNodes: Record<string, any> = {};
  const catalogSources: Record<string, any> = {};
  const parentMap: Record<string, string[]> = {};
  const modelId = (i: number) => `model.${PROJECT}.${modelName(i)}`;
  const sourceId = (s: number) => `source.${PROJECT}.shop.raw_table_${s}`;

  for (let s = 0; s < sourceCount; s++) {
    const id = sourceId(s);
    const columns = [{ name: 'id', type: 'NUMBER' }, { name: 'payload', type: 'VARIANT' }, { name: '_loaded_at', type: 'TIMESTAMP_NTZ' }];
    sources[id] = {
      database: 'RAW', schema: 'SHOP', name: `raw_table_${s}`, resource_type: 'source', package_name: PROJECT,
      path: 'models/staging/_sources.yml', original_file_path: 'models/staging/_sources.yml', unique_id: id,
      fqn: [PROJECT, 'staging', 'shop', `raw_table_${s}`], source_name: 'shop',
      source_description: 'The shop database, loaded by Fivetran', loader: 'fivetran', identifier: `raw_table_${s}`,
      quoting: { database: null, schema: null, identifier: null, column: null }, loaded_at_field: '_loaded_at',
      freshness: { warn_after: { count: 12, period: 'hour' }, error_after: { count: 24, period: 'hour' }, filter: null },
      external: null, description: s % 2 ? `Raw table ${s} of the shop` : '',
      columns: { id: { name: 'id', description: 'Primary key in the shop', meta: {}, data_type: null, constraints: [], quote: null, tags: [], granularity: null } },
      meta: {}, source_meta: {}, tags: ['raw'], config: { enabled: true, event_time: null }, patch_path: null,
      unrendered_config: {}, relation_name: `RAW.SHOP.raw_table_${s}`, created_at: 1727854861.5,
    };
    catalogSources[id] = catalogEntry(id, 'BASE TABLE', 'SHOP', `raw_table_${s}`, columns, 'RAW');
  }

  for (let i = 0; i < models; i++) {
    const id = modelId(i);
    const layer = modelLayer(i);
    const name = modelName(i);
    const schema = layer.toUpperCase();
    const columns = columnsFor(i);
    const tags = i % 4 === 3 ? [] : [TAGS[i % TAGS.length]];
    const meta = i % 5 === 0 ? { owner: OWNERS[i % OWNERS.length] } : {};
    const configMeta = i % 7 === 0 ? { owners: [OWNERS[(i + 1) % OWNERS.length], OWNERS[(i + 2) % OWNERS.length]] } : {};
    const materialized = layer === 'staging' ? 'view' : layer === 'intermediate' ? 'ephemeral' : 'table';
    const deps =
      layer === 'staging'
        ? sourceCount ? [sourceId(i % sourceCount)] : []
        : layer === 'intermediate'
          ? [i - 1, i - 4].filter((j) => j >= 0).map(modelId)
          : [i - 1, i - 2].filter((j) => j >= 0).map(modelId);
    parentMap[id] = deps;
    nodes[id] = {
      ...baseNode(id, 'model', name, schema, `${layer}/${name}.sql`),
      config: config(materialized, tags, configMeta),
      tags,
      description: i % 3 === 2 ? `Mart ${name}: one row per entity, refreshed daily.` : `Model ${name} of the ${layer} layer.`,
      columns: Object.fromEntries(columns.map((c) => [c.name, {
        name: c.name, description: c.description, meta: {}, data_type: null, constraints: [], quote: null, tags: c.tags, granularity: null,
      }])),
      meta,
      raw_code: `select * from ${deps.map((d) => `{{ ref('${d.split('.').pop()}') }}`).join(' join ') || 'dual'}`,
      refs: deps.filter((d) => d.startsWith('model.')).map((d) => ({ name: d.split('.').pop(), package: null, version: null })),
      sources: deps.filter((d) => d.startsWith('source.')).map((d) => ['shop', d.split('.').pop()]),
      depends_on: { macros: [], nodes: deps },
      access: 'protected', constraints: [], version: null, latest_version: null, deprecation_date: null,
    };
    if (materialized !== 'ephemeral') {
      catalogNodes[id] = catalogEntry(id, materialized === 'view' ? 'VIEW' : 'BASE TABLE', schema, name, columns);
    }
    const testId = `test.${PROJECT}.not_null_${name}_${name}_id.${(i * 2654435761 % 2 ** 32).toString(16).padStart(10, '0').slice(0, 10)}`;
    nodes[testId] = {
      ...baseNode(testId, 'test', `not_null_${name}_${name}_id`, `${schema}_DBT_TEST__AUDIT`, `${layer}/_schema.yml`),
      config: { enabled: true, alias: null, schema: 'dbt_test__audit', database: null, tags: [], meta: {}, materialized: 'test', severity: 'ERROR' },
      tags: [], description: '', columns: {}, meta: {}, raw_code: '{{ test_not_null(**_dbt_generic_test_kwargs) }}',
      refs: [{ name, package: null, version: null }], sources: [], depends_on: { macros: ['macro.dbt.test_not_null'], nodes: [id] },
      column_name: `${name}_id`, file_key_name: `models.${name}`, attached_node: id,
      test_metadata: { name: 'not_null', kwargs: { column_name: `${name}_id` }, namespace: null },
    };
    parentMap[testId] = [id];
  }

  for (let s = 0; s < seedCount; s++) {
    const id = `seed.${PROJECT}.lookup_${s}`;
    const columns = [{ name: 'code', type: 'TEXT' }, { name: 'label', type: 'TEXT' }];
    nodes[id] = {
      ...baseNode(id, 'seed', `lookup_${s}`, 'SEEDS', `seeds/lookup_${s}.csv`),
      config: { ...config('seed', [], {}), delimiter: ',', quote_columns: null },
      tags: [], description: `Lookup list ${s}`, columns: {}, meta: {}, raw_code: '', root_path: '/usr/app/polar',
      depends_on: { macros: [] },
    };
    catalogNodes[id] = catalogEntry(id, 'BASE TABLE', 'SEEDS', `lookup_${s}`, columns);
    parentMap[id] = [];
  }

  for (let s = 0; s < snapshotCount; s++) {
    const id = `snapshot.${PROJECT}.history_${s}`;
    const deps = sourceCount ? [sourceId(s % sourceCount)] : [];
    const columns = [{ name: 'id', type: 'NUMBER' }, { name: 'dbt_valid_from', type: 'TIMESTAMP_NTZ' }, { name: 'dbt_valid_to', type: 'TIMESTAMP_NTZ' }];
    nodes[id] = {
      ...baseNode(id, 'snapshot', `history_${s}`, 'SNAPSHOTS', `snapshots/history_${s}.sql`),
      config: { ...config('snapshot', ['history'], {}), strategy: 'timestamp', unique_key: 'id', updated_at: '_loaded_at' },
      tags: ['history'], description: `History of raw table ${s}`, columns: {}, meta: {},
      raw_code: '', refs: [], sources: [['shop', `raw_table_${s}`]], depends_on: { macros: [], nodes: deps },
    };
    catalogNodes[id] = catalogEntry(id, 'BASE TABLE', 'SNAPSHOTS', `history_${s}`, columns);
    parentMap[id] = deps;
  }

  const marts = Array.from({ length: models }, (_, i) => i).filter((i) => modelLayer(i) === 'marts');
  for (let e = 0; e < exposureCount; e++) {
    const id = `exposure.${PROJECT}.board_${e}`;
    const deps = marts.filter((_, k) => k % Math.max(exposureCount, 1) === e).slice(0, 5).map(modelId);
    exposures[id] = {
      name: `board_${e}`, resource_type: 'exposure', package_name: PROJECT, path: 'marts/_exposures.yml',
      original_file_path: 'models/marts/_exposures.yml', unique_id: id, fqn: [PROJECT, 'marts', `board_${e}`],
      type: e % 2 ? 'notebook' : 'dashboard', owner: { email: OWNERS[e % OWNERS.length], name: null },
      description: `Board ${e}`, label: `Board ${e}`, maturity: 'medium', meta: {}, tags: ['kpi'], config: { enabled: true },
      unrendered_config: {}, url: `https://bi.example.org/boards/${e}`, depends_on: { macros: [], nodes: deps },
      refs: deps.map((d) => ({ name: d.split('.').pop(), package: null, version: null })), sources: [], metrics: [], created_at: 1727854861.9,
    };
    parentMap[id] = deps;
  }

  const childMap: Record<string, string[]> = {};
  for (const id of [...Object.keys(nodes), ...Object.keys(sources), ...Object.keys(exposures)]) childMap[id] = [];
  for (const [child, parents] of Object.entries(parentMap)) for (const p of parents) (childMap[p] ??= []).push(child);

  const dbtVersion = options.dbtVersion ?? '1.8.7';
  return {
    manifest: {
      metadata: {
        dbt_schema_version: `https://schemas.getdbt.com/dbt/manifest/v${version}.json`,
        dbt_version: dbtVersion, generated_at: '2024-10-02T07:41:18.334221Z', invocation_id: '0e1c4f5e-5b6a-4a51-bb1d-6f6d3f0f6a77',
        env: {}, project_name: PROJECT, project_id: '3f1d0c3b6e1c1f5d5a0e4b2c9d8e7f60', user_id: null,
        send_anonymous_usage_stats: false, adapter_type: 'snowflake',
      },
      nodes, sources, macros: {}, docs: {}, exposures, metrics: {}, groups: {}, selectors: {}, disabled: {},
      parent_map: parentMap, child_map: childMap, group_map: {}, saved_queries: {}, semantic_models: {}, unit_tests: {},
    },
    catalog: {
      metadata: {
        dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json', dbt_version: dbtVersion,
        generated_at: '2024-10-02T07:41:40.112938Z', invocation_id: '0e1c4f5e-5b6a-4a51-bb1d-6f6d3f0f6a77', env: {},
      },
      nodes: catalogNodes, sources: catalogSources, errors: null,
    },
  };
}

/** Writes `target/manifest.json` and `target/catalog.json` under `dir`; returns their paths. */
export function writeDbtProject(dir: string, project: GeneratedProject): { manifest: string; catalog: string } {
  const target = join(dir, 'target');
  mkdirSync(target, { recursive: true });
  const paths = { manifest: join(target, 'manifest.json'), catalog: join(target, 'catalog.json') };
  writeFileSync(paths.manifest, JSON.stringify(project.manifest));
  writeFileSync(paths.catalog, JSON.stringify(project.catalog));
  return paths;
}
