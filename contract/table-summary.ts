// A table in lists: on the first page (popular tables, bookmarks), so in a module of its own, not with the
// table page's schemas in api-table.ts.
import * as v from 'valibot';
import { nullableString } from './api-common';

/** A table in lists (popular, bookmarks, owned, read, a dashboard's tables). */
export const TableSummarySchema = v.object({
  type: v.literal('table'),
  key: v.string(),
  cluster: v.string(),
  database: v.string(),
  schema: v.string(),
  name: v.string(),
  description: nullableString,
  schema_description: nullableString,
});
export type TableSummary = v.InferOutput<typeof TableSummarySchema>;
