// The edit log: one row per metadata write that changed something (who, when, which resource, which
// field, the value before and after as JSON). Writers call `record` inside their own transaction, so
// the log and the change commit together or not at all.
import type { Statement } from 'better-sqlite3';
import type { CatalogDatabase } from './open-catalog-database';

export type EditResourceType = 'table' | 'column' | 'type_metadata' | 'dashboard' | 'user' | 'ingest';
export type EditAction = 'update' | 'add' | 'remove' | 'create';

export interface EditRecord {
  resource_key: string;
  /** The table or dashboard the edit belongs to (a column's or nested type's table); none for users and ingests. */
  parent_key?: string | null;
  resource_type: EditResourceType;
  action: EditAction;
  field: string;
  before: unknown;
  after: unknown;
  /** Who made the change (the caller's email, else their token subject). */
  user_id: string;
}

export interface EditEntry extends Omit<EditRecord, 'parent_key'> {
  id: number;
  parent_key: string | null;
  edited_at: string;
  /** The editor's name as the catalog knows it (display name, else full name); null when unknown. */
  user_display_name: string | null;
  /** A dashboard edit's dashboard name (absent on other edits, and when the dashboard is gone). */
  parent_name?: string;
  /** An owner edit's people, those of its ids before and after that the catalog knows (absent on other edits). */
  people?: EditPerson[];
}

/** Someone an owner edit names: their name as the catalog knows it (null for a bare id) and whether active. */
export interface EditPerson {
  user_id: string;
  display_name: string | null;
  is_active: boolean;
}

export interface EditQuery {
  resourceKey?: string;
  /** A table's or dashboard's edits with those of its columns and nested types. */
  parentKey?: string;
  /** One person's edits. */
  userId?: string;
  resourceTypes?: readonly EditResourceType[];
  /** Only edits of this field (`description`, `tag`, …). */
  field?: string;
  limit: number;
  /** Only edits with an id below this one (the previous page's last id). */
  before?: number;
}

/** The filters of an EditQuery, without its page: what `count` counts. */
export type EditFilter = Omit<EditQuery, 'limit' | 'before'>;

export interface EditLog {
  record(edit: EditRecord): void;
  list(query: EditQuery): EditEntry[];
  /** How many edits match the filters, all pages together. */
  count(filter: EditFilter): number;
}

interface EditRow extends Omit<EditEntry, 'before' | 'after' | 'parent_name' | 'people'> {
  before: string | null;
  after: string | null;
  parent_name: string | null;
}

const NAME_SQL = "COALESCE(NULLIF(u.display_name, ''), NULLIF(u.full_name, ''))";

/** The user ids an owner edit's value holds (a list of ids, or one). */
function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function createEditLog(db: CatalogDatabase): EditLog {
  const insert = db.prepare(`
    INSERT INTO edit_log (resource_key, parent_key, resource_type, action, field, before, after, user_id, edited_at)
    VALUES (@resource_key, @parent_key, @resource_type, @action, @field, @before, @after, @user_id, @edited_at)`);
  // One statement per combination of filters, so SQLite uses the index that filter has
  // (edit_log_by_resource, _by_parent, _by_user) instead of scanning the log for `? IS NULL OR …`.
  // The parent's and editor's indexes carry resource_type after id, so counting a table's or a person's
  // edits of some types reads only the index (migration 8; figures in docs/benchmarks.md).
  const statements = new Map<string, Statement>();
  const statementFor = (kind: 'list' | 'count', filters: readonly string[]) => {
    const signature = filters.join(' AND ');
    const where = filters.length ? `WHERE ${signature}` : '';
    let statement = statements.get(`${kind} ${signature}`);
    if (!statement) {
      statement = kind === 'count'
        ? db.prepare(`SELECT COUNT(*) FROM edit_log e ${where}`).pluck()
        : db.prepare(`
        SELECT e.id, e.resource_key, e.parent_key, e.resource_type, e.action, e.field, e.before, e.after, e.user_id, e.edited_at,
          ${NAME_SQL} AS user_display_name, d.name AS parent_name
        FROM edit_log e LEFT JOIN users u ON u.user_id = e.user_id
          LEFT JOIN dashboards d ON e.resource_type = 'dashboard' AND d.key = e.parent_key
        ${where}
        ORDER BY e.id DESC LIMIT @limit`);
      statements.set(`${kind} ${signature}`, statement);
    }
    return statement;
  };
  /** The WHERE terms of the filters given, and their parameters (only those: better-sqlite3 refuses unused ones). */
  const filtersOf = ({ resourceKey, parentKey, userId, resourceTypes, field, before }: EditFilter & { before?: number }) => {
    const params = { key: resourceKey, parent: parentKey, user: userId, types: resourceTypes ? JSON.stringify(resourceTypes) : undefined, field, before };
    const filters = [
      params.key !== undefined && 'e.resource_key = @key',
      params.parent !== undefined && 'e.parent_key = @parent',
      params.user !== undefined && 'e.user_id = @user',
      params.types !== undefined && 'e.resource_type IN (SELECT value FROM json_each(@types))',
      params.field !== undefined && 'e.field = @field',
      params.before !== undefined && 'e.id < @before',
    ].filter((f): f is string => f !== false);
    const bound = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
    return { filters, bound };
  };
  // The people of a page's owner edits, in one query (not one per edit or per id).
  const peopleIn = db.prepare(`SELECT u.user_id, ${NAME_SQL} AS display_name, u.is_active FROM users u
    WHERE u.user_id IN (SELECT value FROM json_each(@ids))`);
  const peopleOf = (entries: EditEntry[]) => {
    const ids = new Set(entries.filter((e) => e.field === 'owner').flatMap((e) => [...idsIn(e.before), ...idsIn(e.after)]));
    if (ids.size === 0) return;
    const rows = peopleIn.all({ ids: JSON.stringify([...ids]) }) as { user_id: string; display_name: string | null; is_active: number }[];
    const known = new Map(rows.map((r) => [r.user_id, { user_id: r.user_id, display_name: r.display_name, is_active: r.is_active === 1 }]));
    for (const entry of entries) {
      if (entry.field !== 'owner') continue;
      entry.people = [...new Set([...idsIn(entry.before), ...idsIn(entry.after)])].flatMap((id) => known.get(id) ?? []);
    }
  };
  const toJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

  return {
    record(edit) {
      insert.run({ ...edit, parent_key: edit.parent_key ?? null, before: toJson(edit.before), after: toJson(edit.after), edited_at: new Date().toISOString() });
    },
    list({ limit, ...query }) {
      const { filters, bound } = filtersOf(query);
      const rows = statementFor('list', filters).all({ ...bound, limit }) as EditRow[];
      const entries: EditEntry[] = rows.map((r) => ({
        id: r.id,
        resource_key: r.resource_key,
        parent_key: r.parent_key,
        resource_type: r.resource_type,
        action: r.action,
        field: r.field,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
        user_id: r.user_id,
        user_display_name: r.user_display_name,
        edited_at: r.edited_at,
        ...(r.parent_name !== null ? { parent_name: r.parent_name } : {}),
      }));
      peopleOf(entries);
      return entries;
    },
    count(filter) {
      const { filters, bound } = filtersOf({ ...filter, before: undefined });
      return statementFor('count', filters).get(bound) as number;
    },
  };
}
