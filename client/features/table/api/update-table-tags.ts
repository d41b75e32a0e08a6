// PUT|DELETE /api/metadata/v0/update_table_tags {key, tag}: add or remove one tag. The BFF updates the
// search document too, so the tag is findable at once; the search answers are refetched.
import { WriteResponseSchema, type WriteResponse } from '../../../../contract/api-edits';
import type { TableDetail } from '../../../../contract/api-table';
import { editHistoriesKey, searchResultsKey, tagUsageKey } from '../../../app/catalog-caches';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import { requestJson } from '../../../lib/api-client';
import { isStringList, resourceItemPatch } from '../../../lib/cache-patch';
import { withTag, withTagName, type EditAction } from '../table-patches';
import { tableKeys } from './query-keys';

export interface TagEdit {
  action: EditAction;
  tag: string;
}

export function updateTableTags(tableKey: string, { action, tag }: TagEdit): Promise<WriteResponse> {
  return requestJson('/api/metadata/v0/update_table_tags', WriteResponseSchema, { method: action === 'add' ? 'PUT' : 'DELETE', body: { key: tableKey, tag } });
}

export function useUpdateTableTags(tableKey: string) {
  return useOptimisticMutation({
    mutationKey: tableKeys.edit(tableKey),
    mutationFn: (edit: TagEdit) => updateTableTags(tableKey, edit),
    patches: ({ action, tag }) => [
      { queryKey: tableKeys.detail(tableKey), update: (table) => withTag(table as TableDetail, tag, action) },
      resourceItemPatch({ type: 'table', key: tableKey }, (item) => (isStringList(item.tags) ? { ...item, tags: withTagName(item.tags, tag, action) } : item)),
    ],
    invalidates: () => [tableKeys.detail(tableKey), searchResultsKey, tagUsageKey, editHistoriesKey],
    successMessage: ({ action, tag }) => (action === 'add' ? `Tag ${tag} added` : `Tag ${tag} removed`),
    errorTitle: ({ action, tag }) => (action === 'add' ? `Could not add the tag ${tag}` : `Could not remove the tag ${tag}`),
  });
}
