// Which resources this catalog searches (the UI config's index switches), in tab order.
export { searchableResources } from '../../../contract/search-request';
import type { SearchResource } from '../../app/paths';


/** "tables", "dashboards", "people": for sentences ("No dashboards match"). */
export const RESOURCE_NOUNS: Record<SearchResource, { one: string; many: string }> = {
  table: { one: 'table', many: 'tables' },
  dashboard: { one: 'dashboard', many: 'dashboards' },
  user: { one: 'person', many: 'people' },
};
