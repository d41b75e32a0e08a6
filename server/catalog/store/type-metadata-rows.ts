// A column's nested type as rows of type_metadata (one per node, children pointing at their
// parent) and type_metadata_badges. Keys as Amundsen's: `{column key}/type/{name}` for the top node,
// `{parent key}/{name}` below. Used by the bulk table writer (ingest) and the related-record writer.
// Rows are buffered and written with multi-row INSERTs (a row at a time cost ~50 µs, half an
// ingest's time for a catalog with a nested column per table); ids are given here, counting on from
// the largest id at the first row of a flush, so children can name their parent before it is written.
// The caller holds the write lock from `insert` to `flush` (one transaction), so no one else takes those ids.
import type { CatalogDatabase } from './open-catalog-database';
import type { BadgeRecord, TypeMetadataRecord } from './catalog-records';

export interface TypeMetadataRows {
  /** Buffers the tree of one column (whose earlier rows are gone: replaced columns cascade). */
  insert(columnId: number, columnKey: string, root: TypeMetadataRecord): void;
  /** Writes what is buffered; call it in the transaction of the `insert`s. */
  flush(): void;
  /** Forgets what is buffered (the transaction rolled back). */
  clear(): void;
}

const NODE_WIDTH = 9;
const ROWS_PER_INSERT = 100;

export function createTypeMetadataRows(db: CatalogDatabase, badgeId: (b: BadgeRecord) => number): TypeMetadataRows {
  const maxId = db.prepare('SELECT coalesce(max(id), 0) FROM type_metadata').pluck();
  const statements = new Map<string, ReturnType<CatalogDatabase['prepare']>>();
  const multiRow = (head: string, width: number, rows: number) => {
    const sql = `${head} VALUES ${Array(rows).fill(`(${Array(width).fill('?').join(', ')})`).join(', ')}`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const NODE_HEAD = 'INSERT INTO type_metadata (id, column_id, parent_id, key, kind, name, description, data_type, sort_order)';
  const BADGE_HEAD = 'INSERT OR IGNORE INTO type_metadata_badges (type_metadata_id, badge_id)';
  let nextId: number | null = null;
  let nodes: unknown[] = [];
  let badges: unknown[] = [];

  const writeRows = (head: string, width: number, params: unknown[]) => {
    const rows = params.length / width;
    for (let from = 0; from < rows; from += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, rows - from);
      multiRow(head, width, n).run(params.slice(from * width, (from + n) * width));
    }
  };
  const clear = () => {
    nextId = null;
    nodes = [];
    badges = [];
  };

  return {
    insert(columnId, columnKey, root) {
      nextId ??= (maxId.get() as number) + 1;
      const add = (node: TypeMetadataRecord, parentId: number | null, key: string, sortOrder: number) => {
        const id = nextId!++;
        nodes.push(id, columnId, parentId, key, node.kind, node.name, node.description ?? null, node.data_type, sortOrder);
        for (const b of node.badges ?? []) badges.push(id, badgeId(b));
        (node.children ?? []).forEach((child, i) => add(child, id, `${key}/${child.name}`, i));
      };
      add(root, null, `${columnKey}/type/${root.name}`, 0);
    },
    flush() {
      try {
        writeRows(NODE_HEAD, NODE_WIDTH, nodes);
        writeRows(BADGE_HEAD, 2, badges);
      } finally {
        clear();
      }
    },
    clear,
  };
}
