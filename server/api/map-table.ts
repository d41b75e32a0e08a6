// Amundsen metadata/search shapes → the shapes the SPA reads (contract/bff-api.ts), the way the
// Amundsen frontend's backend reshapes them (keys computed, users normalised).
import type { TableDetail, TableSearchResult, TableSummary, User } from '../../contract/bff-api';
import { buildTableKey } from '../../contract/table-key';
import { normalizeUser } from '../../contract/user';
import type { AmundsenTable, AmundsenUser } from '../upstream/amundsen-schemas';
import type { SearchTableHitSchema, AmundsenTableSummarySchema } from '../upstream/amundsen-schemas';
import type { z } from 'zod';

function toUsers(users: AmundsenUser[]): User[] {
  return users.map((u) => normalizeUser({ ...u, is_active: u.is_active ?? true, other_key_values: u.other_key_values ?? {} })).filter((u): u is User => u !== null);
}

export function toTableDetail(table: AmundsenTable, isEditable: boolean): TableDetail {
  const key = table.key ?? buildTableKey(table);
  return {
    key,
    cluster: table.cluster,
    database: table.database,
    schema: table.schema,
    name: table.name,
    description: table.description,
    is_view: table.is_view,
    is_editable: isEditable,
    last_updated_timestamp: table.last_updated_timestamp,
    tags: table.tags,
    badges: table.badges,
    columns: [...table.columns]
      .sort((a, b) => a.sort_order - b.sort_order)
      .map((c) => ({ ...c, key: c.key ?? `${key}/${c.name}` })),
    owners: toUsers(table.owners),
    table_readers: table.table_readers.flatMap((r) => {
      const [user] = toUsers([r.user]);
      return user ? [{ user, read_count: r.read_count }] : [];
    }),
    watermarks: table.watermarks,
    table_writer: table.table_writer,
    table_apps: table.table_apps,
    resource_reports: table.resource_reports,
    source: table.source,
    programmatic_descriptions: table.programmatic_descriptions,
  };
}

export function toTableSummary(table: z.infer<typeof AmundsenTableSummarySchema>): TableSummary {
  return {
    type: 'table',
    key: buildTableKey(table),
    cluster: table.cluster,
    database: table.database,
    schema: table.schema,
    name: table.name,
    description: table.description,
    schema_description: table.schema_description,
  };
}

export function toTableSearchResult(hit: z.infer<typeof SearchTableHitSchema>): TableSearchResult {
  return {
    type: 'table',
    key: hit.key,
    name: hit.table,
    cluster: hit.cluster,
    database: hit.database,
    schema: hit.schema,
    description: hit.description,
    badges: hit.badges.map((tag_name) => ({ tag_name })),
    tags: hit.tag,
    search_score: hit.search_score,
    highlight: hit.highlight,
  };
}
