// Lists of resources around a person and the catalog's popular lists.
import * as z from 'zod/mini';
import { DashboardSummarySchema } from './api-dashboard';
import { TableSummarySchema } from './api-table';

/** Tables and dashboards, the way Amundsen's frontend groups resource lists. */
export const ResourceListsSchema = z.object({
  table: z.array(TableSummarySchema),
  dashboard: z.array(DashboardSummarySchema),
});
export type ResourceLists = z.infer<typeof ResourceListsSchema>;

/** GET /api/metadata/v0/popular_resources?types=table,dashboard (a type not asked for is []). */
export const PopularResourcesResponseSchema = z.object({ msg: z.string(), results: ResourceListsSchema });
export type PopularResourcesResponse = z.infer<typeof PopularResourcesResponseSchema>;

/** GET /api/metadata/v0/user/bookmark[?user_id=]. */
export const BookmarksResponseSchema = z.object({ msg: z.string(), bookmarks: ResourceListsSchema });
export type BookmarksResponse = z.infer<typeof BookmarksResponseSchema>;

/** GET /api/metadata/v0/user/own?user_id=. */
export const OwnedResponseSchema = z.object({ msg: z.string(), own: ResourceListsSchema });
export type OwnedResponse = z.infer<typeof OwnedResponseSchema>;

/** GET /api/metadata/v0/user/read?user_id= (tables only, most read first, as Amundsen answers). */
export const ReadResponseSchema = z.object({ msg: z.string(), read: z.array(TableSummarySchema) });
export type ReadResponse = z.infer<typeof ReadResponseSchema>;
