// How an edit changes a loaded table, for the optimistic update of its page (the server's answer
// replaces it when the write is over).
import type { User } from '../../../contract/api-common';
import type { TableDetail, TableSummary, TypeMetadata } from '../../../contract/api-table';

export type EditAction = 'add' | 'remove';

export function withTableDescription(table: TableDetail, description: string): TableDetail {
  return { ...table, description };
}

export function withColumnDescription(table: TableDetail, columnName: string, description: string): TableDetail {
  return { ...table, columns: table.columns.map((c) => (c.name === columnName ? { ...c, description } : c)) };
}

function withNodeDescription(node: TypeMetadata, typeKey: string, description: string): TypeMetadata {
  if (node.key === typeKey) return { ...node, description };
  const children = node.children.map((child) => withNodeDescription(child, typeKey, description));
  return children.some((child, i) => child !== node.children[i]) ? { ...node, children } : node;
}

/** The nested type with `typeKey`, in whichever column it is. */
export function withTypeMetadataDescription(table: TableDetail, typeKey: string, description: string): TableDetail {
  return {
    ...table,
    columns: table.columns.map((c) => {
      if (!c.type_metadata) return c;
      const type_metadata = withNodeDescription(c.type_metadata, typeKey, description);
      return type_metadata === c.type_metadata ? c : { ...c, type_metadata };
    }),
  };
}

export function withTag(table: TableDetail, tag: string, action: EditAction): TableDetail {
  const others = table.tags.filter((t) => t.tag_name !== tag);
  return { ...table, tags: action === 'add' ? [...others, { tag_type: 'default', tag_name: tag }] : others };
}

/** Tag names as search results carry them. */
export function withTagName(tags: readonly string[], tag: string, action: EditAction): string[] {
  const others = tags.filter((t) => t !== tag);
  return action === 'add' ? [...others, tag] : others;
}

export function withOwner(table: TableDetail, owner: User, action: EditAction): TableDetail {
  const others = table.owners.filter((o) => o.user_id !== owner.user_id);
  return { ...table, owners: action === 'add' ? [...others, owner] : others };
}

/** The table as lists show it (a person's Owned tab). */
export function toTableSummary(table: TableDetail): TableSummary {
  const { key, cluster, database, schema, name, description } = table;
  return { type: 'table', key, cluster, database, schema, name, description, schema_description: null };
}
