import { searchPath } from '../../app/paths';

/**
 * The search listing every dashboard. Without a term or a filter the search page asks for nothing (it
 * says what to type), so the link carries the name filter `*`, which matches every name in the
 * embedded catalog and in Amundsen's search service alike (ES wildcard), and shows as a filter to remove
 * (docs/decisions/081-all-dashboards-by-a-wildcard-name-filter.md). Linked from the "Dashboard not
 * found" page and the browse page.
 */
export const ALL_DASHBOARDS_PATH = searchPath({ resource: 'dashboard', filters: { name: { value: '*' } } });
