import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { applyCachePatches } from '../../../lib/cache-patch';
import { dashboardKeys } from './query-keys';
import { dashboardTagPatches } from './update-dashboard-tags';

const uri = 'mode_dashboard://prod.sales/churn';

describe('dashboardTagPatches', () => {
  it('adds the tag to the cached page (tag objects) and to cached search results (tag names), each once', async () => {
    const client = new QueryClient();
    const detail = { type: 'dashboard', key: uri, uri, name: 'Churn', tags: [{ tag_type: 'default', tag_name: 'kpi' }] } as unknown as DashboardDetail;
    client.setQueryData(dashboardKeys.detail(uri), detail);
    client.setQueryData(['search', 'results', 'churn'], { dashboard: { results: [{ type: 'dashboard', key: uri, tags: ['kpi'] }] } });
    await applyCachePatches(client, dashboardTagPatches(uri, { action: 'add', tag: 'finance' }));
    expect(client.getQueryData<DashboardDetail>(dashboardKeys.detail(uri))?.tags).toEqual([
      { tag_type: 'default', tag_name: 'kpi' },
      { tag_type: 'default', tag_name: 'finance' },
    ]);
    expect(client.getQueryData(['search', 'results', 'churn'])).toEqual({ dashboard: { results: [{ type: 'dashboard', key: uri, tags: ['kpi', 'finance'] }] } });
  });

  it('adds the first tag of a page without tags as a tag object', async () => {
    const client = new QueryClient();
    client.setQueryData(dashboardKeys.detail(uri), { type: 'dashboard', key: uri, uri, tags: [] });
    await applyCachePatches(client, dashboardTagPatches(uri, { action: 'add', tag: 'finance' }));
    expect(client.getQueryData<DashboardDetail>(dashboardKeys.detail(uri))?.tags).toEqual([{ tag_type: 'default', tag_name: 'finance' }]);
  });
});
