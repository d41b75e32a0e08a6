// The caches an edit on one page touches in other features (search results, a person's lists, the
// tags in use, the edit histories), named once here from each feature's own key factory: features import this, as they
// import paths.ts, and never each other.
import type { QueryKey } from '@tanstack/react-query';
import { browseKeys } from '../features/browse/api/query-keys';
import { editHistoryKeys } from '../features/edit-history/api/query-keys';
import { searchKeys } from '../features/search/api/query-keys';
import { userKeys } from '../features/user-profile/api/query-keys';

export { tagsQueryOptions } from '../features/browse/api/get-tags';
// The badges the catalog knows (the browse page; the search box completes `badge:` with them), and
// which of them are table badges (a search can find those; column badges mark columns).
export { badgesQueryOptions } from '../features/browse/api/get-badges';
export { splitBadges } from '../features/browse/tag-order';

/** Every search answer (result pages and suggestions): a description or tag edit changes what matches. */
export const searchResultsKey: QueryKey = searchKeys.all;

/** The tags in use with their counts (the tag picker's suggestions, the browse page). */
export const tagUsageKey: QueryKey = browseKeys.tags();

/** The tables and dashboards a person owns (their profile's Owned tab). */
export const ownedListKey = (userId: string): QueryKey => userKeys.owned(userId);

/**
 * Every edit history (a table's, a dashboard's, a person's): an edit adds to the resource's and to its
 * editor's, so the History tab's count and list (and the profile's Edits tab) show it without a reload.
 */
export const editHistoriesKey: QueryKey = editHistoryKeys.all;
