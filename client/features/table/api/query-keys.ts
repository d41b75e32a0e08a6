// Every cache key of the table feature, built here and nowhere else.
import type { LineageDirection } from '../../../../contract/api-table';

export const tableKeys = {
  all: ['table'] as const,
  detail: (key: string) => [...tableKeys.all, key, 'detail'] as const,
  lineage: (key: string, depth: number, direction: LineageDirection) => [...tableKeys.all, key, 'lineage', direction, depth] as const,
  columnLineage: (key: string, column: string, depth: number, direction: LineageDirection) => [...tableKeys.all, key, 'column-lineage', column, direction, depth] as const,
  dashboards: (key: string) => [...tableKeys.all, key, 'dashboards'] as const,
  /** The tables "joins schema.table" hints in a table's column descriptions point at. */
  joinTargets: (key: string, hints: readonly string[]) => [...tableKeys.all, key, 'join-targets', hints] as const,
  /** People found for the owner picker (user search, with indexUsers on). */
  people: (term: string) => [...tableKeys.all, 'people-search', term] as const,
  /** Mutation key of every edit of one table (descriptions, tags, owners). */
  edit: (key: string) => [...tableKeys.all, key, 'edit'] as const,
};
