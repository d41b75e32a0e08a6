// Amundsen metadata/search shapes → the shapes the SPA reads (contract/bff-api.ts), the way the
// Amundsen frontend's backend reshapes them (keys computed, users normalised).
import type { EditRights, TableDetail, TableSummary, User } from '../../contract/bff-api';
import { buildTableKey } from '../../contract/table-key';
import { normalizeUser } from '../../contract/user';
import type { AmundsenPopularTable, AmundsenTable, AmundsenUser } from '../upstream/amundsen-schemas';

/**
 * Users normalised the way Amundsen's frontend loads them (normalizeUser also fills a missing
 * `is_active` and `other_key_values`); a user with neither id nor email is left out.
 */
export function toUsers(users: AmundsenUser[]): User[] {
  const out: User[] = [];
  for (const u of users) {
    const user = normalizeUser(u);
    if (user) out.push(user);
  }
  return out;
}

/** `rights`: what the signed-in person may change on this table (server/api/edit-rights.ts decides). */
export function toTableDetail(table: AmundsenTable, rights: EditRights): TableDetail {
  const key = table.key ?? buildTableKey(table);
  return {
    key,
    cluster: table.cluster,
    database: table.database,
    schema: table.schema,
    schema_description: table.schema_description ?? null,
    name: table.name,
    description: table.description,
    is_view: table.is_view,
    is_editable: rights.descriptions,
    edit_rights: rights,
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

/** Popular tables carry a schema description; follow/own/read lists and a dashboard's tables do not. */
export function toTableSummary(table: AmundsenPopularTable & { schema_description?: string | null }): TableSummary {
  return {
    type: 'table',
    key: buildTableKey(table),
    cluster: table.cluster,
    database: table.database,
    schema: table.schema,
    name: table.name,
    description: table.description,
    schema_description: table.schema_description ?? null,
  };
}
