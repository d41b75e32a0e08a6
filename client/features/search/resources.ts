// Which resources this catalog searches (the UI config's index switches), in tab order.
import type { ClientConfig } from '../../../contract/ui-config';
import type { SearchResource } from '../../app/paths';

export function searchableResources(config: Pick<ClientConfig, 'indexDashboards' | 'indexUsers'>): SearchResource[] {
  return ['table', ...(config.indexDashboards.enabled ? ['dashboard' as const] : []), ...(config.indexUsers.enabled ? ['user' as const] : [])];
}

/** "tables", "dashboards", "people": for sentences ("No dashboards match"). */
export const RESOURCE_NOUNS: Record<SearchResource, { one: string; many: string }> = {
  table: { one: 'table', many: 'tables' },
  dashboard: { one: 'dashboard', many: 'dashboards' },
  user: { one: 'person', many: 'people' },
};
