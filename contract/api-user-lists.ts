// Lists of resources around a person and the catalog's popular lists.
import * as v from 'valibot';
import { DashboardSummarySchema } from './api-dashboard';
import { TableSummarySchema } from './table-summary';

/** Tables and dashboards, the way Amundsen's frontend groups resource lists. */
export const ResourceListsSchema = v.object({
  table: v.array(TableSummarySchema),
  dashboard: v.array(DashboardSummarySchema),
});
export type ResourceLists = v.InferOutput<typeof ResourceListsSchema>;

/** GET /api/metadata/v0/popular_resources?types=table,dashboard (a type not asked for is []). */
export const PopularResourcesResponseSchema = v.object({ msg: v.string(), results: ResourceListsSchema });
export type PopularResourcesResponse = v.InferOutput<typeof PopularResourcesResponseSchema>;

/** GET /api/metadata/v0/user/bookmark[?user_id=]. */
export const BookmarksResponseSchema = v.object({ msg: v.string(), bookmarks: ResourceListsSchema });
export type BookmarksResponse = v.InferOutput<typeof BookmarksResponseSchema>;

/** GET /api/metadata/v0/user/own?user_id=. */
export const OwnedResponseSchema = v.object({ msg: v.string(), own: ResourceListsSchema });
export type OwnedResponse = v.InferOutput<typeof OwnedResponseSchema>;

/** GET /api/metadata/v0/user/read?user_id= (tables only, most read first, as Amundsen answers). */
export const ReadResponseSchema = v.object({ msg: v.string(), read: v.array(TableSummarySchema) });
export type ReadResponse = v.InferOutput<typeof ReadResponseSchema>;
