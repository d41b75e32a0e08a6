// PUT|DELETE /api/metadata/v0/update_dashboard_tags {key, tag}: add or remove one tag of a dashboard
// (its key is its uri). The search answers are refetched, so the tag is findable at once.
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { WriteResponseSchema, type WriteResponse } from '../../../../contract/api-edits';
import { editHistoriesKey, searchResultsKey, tagUsageKey } from '../../../app/catalog-caches';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import { requestJson } from '../../../lib/api-client';
import { isStringList, resourceItemPatch, type CachePatch } from '../../../lib/cache-patch';
import { dashboardKeys } from './query-keys';

export interface DashboardTagEdit {
  action: 'add' | 'remove';
  tag: string;
}

export function updateDashboardTags(uri: string, { action, tag }: DashboardTagEdit): Promise<WriteResponse> {
  return requestJson('/api/metadata/v0/update_dashboard_tags', WriteResponseSchema, { method: action === 'add' ? 'PUT' : 'DELETE', body: { key: uri, tag } });
}

function withTagNames(tags: readonly string[], { action, tag }: DashboardTagEdit): string[] {
  const others = tags.filter((t) => t !== tag);
  return action === 'add' ? [...others, tag] : others;
}

export function withDashboardTag(dashboard: DashboardDetail, edit: DashboardTagEdit): DashboardDetail {
  const others = dashboard.tags.filter((t) => t.tag_name !== edit.tag);
  return { ...dashboard, tags: edit.action === 'add' ? [...others, { tag_type: 'default', tag_name: edit.tag }] : others };
}

/** The dashboard's page (tag objects), and every list item of it with tag names (search results). */
export function dashboardTagPatches(uri: string, edit: DashboardTagEdit): CachePatch[] {
  return [
    { queryKey: dashboardKeys.detail(uri), update: (cached) => withDashboardTag(cached as DashboardDetail, edit) },
    resourceItemPatch({ type: 'dashboard', key: uri }, (item) => (isStringList(item.tags) ? { ...item, tags: withTagNames(item.tags, edit) } : item), dashboardKeys.detail(uri)),
  ];
}

export function useUpdateDashboardTags(uri: string) {
  return useOptimisticMutation({
    mutationKey: dashboardKeys.edit(uri),
    mutationFn: (edit: DashboardTagEdit) => updateDashboardTags(uri, edit),
    patches: (edit) => dashboardTagPatches(uri, edit),
    invalidates: () => [dashboardKeys.detail(uri), searchResultsKey, tagUsageKey, editHistoriesKey],
    successMessage: ({ action, tag }) => (action === 'add' ? `Tag ${tag} added` : `Tag ${tag} removed`),
    errorTitle: ({ action, tag }) => (action === 'add' ? `Could not add the tag ${tag}` : `Could not remove the tag ${tag}`),
  });
}
