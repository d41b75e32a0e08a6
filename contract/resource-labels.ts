// How a table, a dashboard and a person are named and placed in every list of the app — search rows,
// the home page's lists, a profile's lists, a dashboard's tables — and in the BFF's first-results
// preview, so that the same thing reads the same everywhere (Amundsen's form: `schema.table` as the
// name, then where it lives).

type Sources = Record<string, { displayName: string } | undefined>;

/** A table's name as people read it: `schema.table`. */
export function tableDisplayName(table: { schema: string; name: string }): string {
  return `${table.schema}.${table.name}`;
}

/** Where a table lives: its database's display name and its cluster ("Hive · gold"). */
export function tableLocation(table: { database: string; cluster: string }, sources: Sources): string {
  return `${sources[table.database]?.displayName ?? table.database} · ${table.cluster}`;
}

/**
 * What a person's row says under their name: their role and team, then their email unless it is
 * already their name (a person known only by their email), else their id unless that is their name.
 */
export function personDetails(person: {
  user_id: string; display_name: string; email: string | null; role_name?: string | null; team_name?: string | null;
}): string[] {
  const details = [person.role_name, person.team_name].filter((part): part is string => Boolean(part && part.trim()));
  const contact = person.email || person.user_id;
  if (contact && contact !== person.display_name) details.push(contact);
  return details;
}
