// dbt artifacts → ingest records (docs/ingest.md, "dbt"). Pure: no database.
//
// Keys follow Amundsen's databuilder DbtExtractor: `{database}://{cluster}.{schema}/{name}` where
// `database` is the engine (the artifacts do not name it the way Amundsen's keys need: --database,
// defaulting to the manifest's adapter_type), `cluster` is dbt's database (the warehouse catalog /
// BigQuery project), `schema` dbt's schema and `name` the node's name (or its alias with
// nameFrom 'alias'), all in lower case, like the extractor's default. Column types and view-ness come
// from catalog.json, descriptions, tags and owners from the manifest. Unlike the extractor, seeds,
// snapshots and sources become tables too, lineage comes from `depends_on` (through ephemeral
// models), exposures become dashboards, and dbt tags become Nansen tags (badges with tagsAs 'badge').
// Every record is checked against the ingest schema here, so a bad node is named by its unique_id.
import { buildTableKey } from '../../../../contract/table-key';
import { TAG_MAX_LENGTH, TAG_PATTERN } from '../../../../contract/api-edits';
import {
  DashboardIngestSchema,
  TableIngestSchema,
  type DashboardIngestRecord,
  type TableIngestRecord,
} from '../../ingest/ingest-record-schemas';
import { describeIssues } from '../../ingest/parse-ingest-line';
import { buildDashboardKey } from '../../store/catalog-records';
import type { DbtCatalog, DbtCatalogEntry, DbtManifest, DbtNode } from './read-dbt-artifacts';

export interface DbtMappingOptions {
  /** The engine part of the keys, e.g. `postgres`, `snowflake`. */
  database: string;
  /** Which node field names the table: dbt's `name` (databuilder's default) or `alias` (the relation's name). */
  nameFrom: 'name' | 'alias';
  /** dbt tags as Nansen tags (default) or as badges (databuilder's default). */
  tagsAs: 'tag' | 'badge';
  /** Base URL of the project's repository: tables link to `{sourceUrl}/{original_file_path}`. */
  sourceUrl?: string;
  /** The project name (dashboard cluster, import ownership); default from the manifest. */
  project?: string;
}

export interface MappedTable {
  uniqueId: string;
  key: string;
  record: TableIngestRecord;
}

export interface MappedDashboard {
  uniqueId: string;
  key: string;
  record: DashboardIngestRecord;
}

export interface BadNode {
  uniqueId: string;
  reason: string;
}

export interface MappedProject {
  project: string;
  tables: MappedTable[];
  lineage: { upstream: string; downstream: string }[];
  dashboards: MappedDashboard[];
  bad: BadNode[];
  /** Nodes that are not tables (tests, analyses, ephemeral models, …), counted by kind. */
  ignored: Record<string, number>;
  /** Tables catalog.json does not describe (not built yet): their columns come from the manifest. */
  withoutCatalogEntry: string[];
}

/** Node kinds that are relations in the warehouse. */
const TABLE_RESOURCE_TYPES = new Set(['model', 'seed', 'snapshot']);
export const DBT_DESCRIPTION_SOURCE = 'dbt description';
export const DBT_DASHBOARD_PRODUCT = 'dbt';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A bad node: its reason is reported with its unique_id and it is left out. */
class BadNodeError extends Error {}

function requiredText(node: DbtNode, field: keyof DbtNode): string {
  const value = text(node[field]);
  if (value === undefined) {
    const got = node[field];
    throw new BadNodeError(`field "${field}": expected a non-empty string, got ${got === undefined ? 'nothing' : JSON.stringify(got)}`);
  }
  return value;
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw new BadNodeError(`field "${field}": expected a list of strings, got ${JSON.stringify(value)}`);
  return list.map((item, i) => {
    if (typeof item !== 'string') throw new BadNodeError(`field "${field}[${i}]": expected a string, got ${JSON.stringify(item)}`);
    return item.trim();
  }).filter((s) => s !== '');
}

const sortedUnique = (items: string[]) => [...new Set(items)].sort();

/**
 * A dbt tag as a Nansen tag, which follows Amundsen's rule (lower-case letters, digits and _, so that
 * people can remove it in the UI): `Daily-Refresh` → `daily_refresh`. Nothing left → no tag.
 */
export function toTagName(tag: string): string | undefined {
  const name = tag.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, TAG_MAX_LENGTH);
  return TAG_PATTERN.test(name) ? name : undefined;
}
const tagNames = (tags: string[]) => sortedUnique(tags.map(toTagName).filter((t): t is string => t !== undefined));

/** Tags of the node and of its config (dbt keeps both; newer versions move them into config). */
function tagsOf(node: DbtNode): string[] {
  const config = isObject(node.config) ? node.config : {};
  return sortedUnique([...stringList(node.tags, 'tags'), ...stringList(config.tags, 'config.tags')]);
}

/** An owner is a person's email (docs/ingest.md): a name such as "Liv Arnesen" would become a user of that id. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * `meta.owner` / `meta.owners`, of the node and of its config: emails, or `{email}` objects. Anything
 * else (a name, a number) makes the node bad, so what an earlier import gave it, its owner too, stays.
 */
function ownersOf(node: DbtNode): string[] {
  const metas: [string, unknown][] = [['meta', node.meta]];
  if (isObject(node.config)) metas.push(['config.meta', node.config.meta]);
  const owners: string[] = [];
  for (const [where, meta] of metas) {
    if (!isObject(meta)) continue;
    for (const field of ['owner', 'owners'] as const) {
      const value = meta[field];
      if (value === undefined || value === null) continue;
      const list = Array.isArray(value) ? value : [value];
      list.forEach((item, i) => {
        const email = isObject(item) ? text(item.email) : text(item);
        if (email === undefined || !EMAIL.test(email)) {
          const at = Array.isArray(value) ? `${where}.${field}[${i}]` : `${where}.${field}`;
          throw new BadNodeError(`field "${at}": expected an email (or {"email": …}), got ${JSON.stringify(item)}`);
        }
        owners.push(email);
      });
    }
  }
  return sortedUnique(owners);
}

function dependenciesOf(node: DbtNode): string[] {
  const nodes = isObject(node.depends_on) ? node.depends_on.nodes : undefined;
  return Array.isArray(nodes) ? nodes.filter((n): n is string => typeof n === 'string') : [];
}

function materializedOf(node: DbtNode): string | undefined {
  return isObject(node.config) ? text(node.config.materialized) : undefined;
}

/** The manifest's columns by lower-case name (catalog.json may spell them in upper case). */
function manifestColumns(node: DbtNode): Map<string, Record<string, unknown>> {
  const columns = new Map<string, Record<string, unknown>>();
  if (!isObject(node.columns)) return columns;
  for (const [name, column] of Object.entries(node.columns)) {
    if (isObject(column)) columns.set((text(column.name) ?? name).toLowerCase(), column);
  }
  return columns;
}

function columnsOf(node: DbtNode, entry: DbtCatalogEntry | undefined): TableIngestRecord['columns'] {
  const documented = manifestColumns(node);
  const describe = (name: string) => {
    const column = documented.get(name);
    const badges = column ? stringList(column.tags, `columns.${name}.tags`) : [];
    return {
      description: text(column?.description) ?? null,
      ...(badges.length ? { badges: sortedUnique(badges).map((badge_name) => ({ badge_name, category: 'column' })) } : {}),
    };
  };
  if (entry) {
    const catalogColumns = Object.entries(entry.columns ?? {})
      .filter(([, c]) => isObject(c))
      .map(([key, c], position) => ({
        name: (text(c.name) ?? key).toLowerCase(),
        type: text(c.type),
        index: typeof c.index === 'number' && Number.isInteger(c.index) && c.index >= 0 ? c.index : position + 1,
      }))
      .sort((a, b) => a.index - b.index);
    return catalogColumns.map((c) => {
      if (c.type === undefined) throw new BadNodeError(`catalog.json column "${c.name}" has no type`);
      return { name: c.name, col_type: c.type, sort_order: c.index, ...describe(c.name) };
    });
  }
  // Not in catalog.json (not built when `dbt docs generate` ran): the columns the manifest declares.
  return [...documented.entries()].map(([name, column], i) => ({
    name,
    col_type: text(column.data_type) ?? 'unknown',
    sort_order: i + 1,
    ...describe(name),
  }));
}

/** The project's name: the manifest's (v10+), else the package most table nodes belong to. */
function projectNameOf(manifest: DbtManifest): string {
  const named = text(manifest.metadata.project_name);
  if (named) return named;
  const counts = new Map<string, number>();
  for (const node of Object.values(manifest.nodes)) {
    const pkg = text(node?.package_name);
    if (pkg && TABLE_RESOURCE_TYPES.has(String(node.resource_type))) counts.set(pkg, (counts.get(pkg) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return top?.[0] ?? text(manifest.metadata.project_id) ?? 'dbt';
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function mapDbtProject(manifest: DbtManifest, catalog: DbtCatalog | undefined, options: DbtMappingOptions): MappedProject {
  const project = options.project ?? projectNameOf(manifest);
  const database = options.database.toLowerCase();
  const tables: MappedTable[] = [];
  const dashboards: MappedDashboard[] = [];
  const bad: BadNode[] = [];
  const ignored: Record<string, number> = {};
  const withoutCatalogEntry: string[] = [];
  const keyOf = new Map<string, string>(); // unique_id → table key, for good tables only
  const nodeOfKey = new Map<string, string>(); // table key → the unique_id it was given to
  const ephemeral = new Map<string, DbtNode>();
  const lineageNodes: [string, DbtNode][] = [];
  const ignore = (kind: string) => (ignored[kind] = (ignored[kind] ?? 0) + 1);

  const mapTable = (uniqueId: string, node: DbtNode, isSource: boolean) => {
    try {
      if (!isObject(node)) throw new BadNodeError(`expected an object, got ${JSON.stringify(node)}`);
      const schema = requiredText(node, 'schema').toLowerCase();
      const baseName = requiredText(node, 'name');
      const relation = options.nameFrom === 'alias' ? text(isSource ? node.identifier : node.alias) ?? baseName : baseName;
      const coordinates = {
        database,
        // dbt's database (warehouse catalog, BigQuery project) is Amundsen's cluster; Spark has none.
        cluster: (text(node.database) ?? 'default').toLowerCase(),
        schema,
        name: relation.toLowerCase(),
      };
      const entry = (isSource ? catalog?.sources : catalog?.nodes)?.[uniqueId];
      if (catalog && !entry) withoutCatalogEntry.push(uniqueId);
      const tags = tagsOf(node);
      const catalogType = entry && isObject(entry.metadata) ? text(entry.metadata.type)?.toLowerCase() : undefined;
      const originalPath = text(node.original_file_path);
      const record = {
        type: 'table',
        ...coordinates,
        description: text(node.description) ?? null,
        description_source: DBT_DESCRIPTION_SOURCE,
        is_view: catalogType !== undefined ? catalogType === 'view' : materializedOf(node) === 'view',
        columns: columnsOf(node, entry),
        owners: ownersOf(node),
        ...(options.tagsAs === 'badge'
          ? { badges: tags.map((badge_name) => ({ badge_name, category: 'table' })) }
          : { tags: tagNames(tags) }),
        ...(options.sourceUrl && originalPath ? { source: { source_type: 'github', source: joinUrl(options.sourceUrl, originalPath) } } : {}),
      };
      const parsed = TableIngestSchema.safeParse(record);
      if (!parsed.success) throw new BadNodeError(describeIssues(parsed.error.issues, record));
      const key = buildTableKey(coordinates);
      // Two nodes, one key (versions of a model share its name; two sources may name one relation):
      // the first keeps it, so the import stays the same from run to run.
      const owner = nodeOfKey.get(key);
      if (owner !== undefined) {
        throw new BadNodeError(`its key "${key}" is already the key of ${owner}` +
          (options.nameFrom === 'name' ? ' (versions of a model share a name: --name-from alias keys each by its relation)' : ''));
      }
      nodeOfKey.set(key, uniqueId);
      keyOf.set(uniqueId, key);
      tables.push({ uniqueId, key, record: parsed.data });
      if (!isSource) lineageNodes.push([uniqueId, node]);
    } catch (err) {
      if (!(err instanceof BadNodeError)) throw err;
      bad.push({ uniqueId, reason: err.message });
    }
  };

  for (const [uniqueId, node] of Object.entries(manifest.nodes)) {
    const kind = isObject(node) ? String(node.resource_type ?? 'unknown') : 'unknown';
    if (!TABLE_RESOURCE_TYPES.has(kind)) {
      ignore(kind);
      continue;
    }
    if (kind === 'model' && materializedOf(node) === 'ephemeral') {
      ephemeral.set(uniqueId, node); // not a relation: lineage passes through it
      ignore('ephemeral model');
      continue;
    }
    mapTable(uniqueId, node, false);
  }
  for (const [uniqueId, node] of Object.entries(manifest.sources)) mapTable(uniqueId, node, true);

  // The tables a node reads, looking through ephemeral models (which are inlined as CTEs).
  const upstreamKeys = (node: DbtNode, seen = new Set<string>()): string[] =>
    dependenciesOf(node).flatMap((dep) => {
      if (seen.has(dep)) return [];
      seen.add(dep);
      const key = keyOf.get(dep);
      if (key !== undefined) return [key];
      const inlined = ephemeral.get(dep);
      return inlined ? upstreamKeys(inlined, seen) : [];
    });

  const lineage = new Map<string, { upstream: string; downstream: string }>();
  for (const [uniqueId, node] of lineageNodes) {
    const downstream = keyOf.get(uniqueId) as string;
    for (const upstream of upstreamKeys(node)) {
      if (upstream !== downstream) lineage.set(`${upstream}\n${downstream}`, { upstream, downstream });
    }
  }

  for (const [uniqueId, node] of Object.entries(manifest.exposures)) {
    try {
      if (!isObject(node)) throw new BadNodeError(`expected an object, got ${JSON.stringify(node)}`);
      const name = requiredText(node, 'name');
      const kind = text(node.type) ?? 'exposure';
      const owner = isObject(node.owner) ? node.owner : {};
      const ownerEmail = text(owner.email);
      if (ownerEmail !== undefined && !EMAIL.test(ownerEmail)) {
        throw new BadNodeError(`field "owner.email": expected an email, got ${JSON.stringify(owner.email)}`);
      }
      const record = {
        type: 'dashboard',
        product: DBT_DASHBOARD_PRODUCT,
        cluster: project.toLowerCase(),
        group_id: kind.toLowerCase(),
        group_name: kind,
        id: name.toLowerCase(),
        name: text(node.label) ?? name,
        url: text(node.url) ?? null,
        description: text(node.description) ?? null,
        owners: sortedUnique([...(ownerEmail ? [ownerEmail] : []), ...ownersOf(node)]),
        tags: tagNames(tagsOf(node)),
        tables: sortedUnique(upstreamKeys(node)),
      };
      const parsed = DashboardIngestSchema.safeParse(record);
      if (!parsed.success) throw new BadNodeError(describeIssues(parsed.error.issues, record));
      const key = buildDashboardKey({ ...record, dashboard_id: record.id });
      const keyHolder = nodeOfKey.get(key);
      if (keyHolder !== undefined) throw new BadNodeError(`its key "${key}" is already the key of ${keyHolder}`);
      nodeOfKey.set(key, uniqueId);
      dashboards.push({ uniqueId, key, record: parsed.data });
    } catch (err) {
      if (!(err instanceof BadNodeError)) throw err;
      bad.push({ uniqueId, reason: err.message });
    }
  }

  return { project, tables, lineage: [...lineage.values()], dashboards, bad, ignored, withoutCatalogEntry };
}
