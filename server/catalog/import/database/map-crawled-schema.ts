// A crawled database → table ingest records (docs/ingest.md, "PostgreSQL and SQLite"). Pure: no database.
//
// Keys as Amundsen's databuilder PostgresMetadataExtractor forms them: `{engine}://{cluster}.{schema}/{table}`
// with the engine `postgres` (its `database_key` default), the cluster the database's name (its
// `use_catalog_as_cluster_name` default; `--cluster` sets another) and schema and table names as the
// database spells them. SQLite has one schema, `main`, and the file's base name as the database's name.
// Every record is checked against the ingest schema here, so a bad relation is named as `schema.table`.
import { buildTableKey } from '../../../../contract/table-key';
import { TableIngestSchema, type TableIngestRecord } from '../../ingest/ingest-record-schemas';
import { describeIssues } from '../../ingest/parse-ingest-line';
import type { BadNode, ImportedTable } from '../write-import';
import type { CrawledRelation } from './crawled-schema';

export interface CrawlMappingOptions {
  /** The engine part of the keys: `postgres`, `sqlite`. */
  engine: string;
  cluster: string;
}

/** Column badges, in the style of databuilder's `partition column` badge. */
export const PRIMARY_KEY_BADGE = { badge_name: 'primary key', category: 'column' };
export const FOREIGN_KEY_BADGE = { badge_name: 'foreign key', category: 'column' };
/** Programmatic description sources. */
export const VIEW_DEFINITION_SOURCE = 'view definition';
export const FOREIGN_KEYS_SOURCE = 'foreign keys';
/** The column stat that carries the table's row-count estimate (shown as "Rows"). */
export const ROW_COUNT_STAT = 'num_rows';

export const relationId = (r: { schema: string; name: string }) => `${r.schema}.${r.name}`;

const VIEW_KINDS = new Set<CrawledRelation['kind']>(['view', 'materialized view']);

function foreignKeysText(relation: CrawledRelation): string | null {
  if (relation.foreignKeys.length === 0) return null;
  // In the order of the tables' columns (the database keeps constraints by name).
  const position = new Map(relation.columns.map((c) => [c.name, c.position]));
  const first = (fk: CrawledRelation['foreignKeys'][number]) => position.get(fk.columns[0]) ?? Number.MAX_SAFE_INTEGER;
  return [...relation.foreignKeys]
    .sort((a, b) => first(a) - first(b))
    .map((fk) => `${fk.columns.join(', ')} → ${fk.refSchema}.${fk.refTable} (${fk.refColumns.join(', ')})`)
    .join('\n');
}

function recordOf(relation: CrawledRelation, options: CrawlMappingOptions): TableIngestRecord {
  if (relation.unreadable !== undefined) throw new Error(`cannot read it: ${relation.unreadable}`);
  const primary = new Set(relation.primaryKey);
  const foreign = new Set(relation.foreignKeys.flatMap((fk) => fk.columns));
  const stats = relation.rowEstimate === null ? undefined : [{
    stat_type: ROW_COUNT_STAT,
    stat_val: String(Math.round(relation.rowEstimate)),
    start_epoch: relation.estimatedAt,
    end_epoch: relation.estimatedAt,
  }];
  const programmatic = [
    ...(relation.viewDefinition ? [{ source: VIEW_DEFINITION_SOURCE, text: relation.viewDefinition.trim() }] : []),
    ...(foreignKeysText(relation) ? [{ source: FOREIGN_KEYS_SOURCE, text: foreignKeysText(relation) as string }] : []),
  ];
  const record = {
    type: 'table',
    database: options.engine,
    cluster: options.cluster,
    schema: relation.schema,
    name: relation.name,
    description: relation.comment?.trim() || null,
    is_view: VIEW_KINDS.has(relation.kind),
    columns: [...relation.columns].sort((a, b) => a.position - b.position).map((c) => {
      const badges = [...(primary.has(c.name) ? [PRIMARY_KEY_BADGE] : []), ...(foreign.has(c.name) ? [FOREIGN_KEY_BADGE] : [])];
      return {
        name: c.name,
        col_type: c.type.trim() || 'unknown',
        description: c.comment?.trim() || null,
        sort_order: c.position,
        ...(badges.length ? { badges } : {}),
        ...(stats ? { stats } : {}),
      };
    }),
    programmatic_descriptions: programmatic,
  };
  if (options.cluster.includes('/')) {
    throw new Error(`the cluster "${options.cluster}" has a "/", which a table key cannot hold: give --cluster a name without one`);
  }
  if (relation.schema.includes('.') || relation.schema.includes('/')) {
    throw new Error(`schema "${relation.schema}" has a "." or "/", which a table key ({database}://{cluster}.{schema}/{table}) cannot hold`);
  }
  const parsed = TableIngestSchema.safeParse(record);
  if (!parsed.success) throw new Error(describeIssues(parsed.error.issues, record));
  return parsed.data;
}

export interface MappedRelations {
  tables: ImportedTable[];
  /** A view's lineage: each relation it reads (imported or not) upstream of it. */
  lineage: { upstream: string; downstream: string }[];
  bad: BadNode[];
}

export function mapCrawledRelations(relations: CrawledRelation[], options: CrawlMappingOptions): MappedRelations {
  const tables: ImportedTable[] = [];
  const lineage: MappedRelations['lineage'] = [];
  const bad: BadNode[] = [];
  for (const relation of relations) {
    try {
      const record = recordOf(relation, options);
      const key = buildTableKey(record);
      tables.push({ uniqueId: relationId(relation), key, record });
      for (const read of relation.reads) {
        if (read.schema.includes('.') || read.schema.includes('/')) continue; // no key can name it
        lineage.push({ upstream: buildTableKey({ database: options.engine, cluster: options.cluster, ...read }), downstream: key });
      }
    } catch (err) {
      bad.push({ uniqueId: relationId(relation), reason: (err as Error).message });
    }
  }
  return { tables, lineage, bad };
}
