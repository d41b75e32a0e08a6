// PUT|DELETE /api/metadata/v0/update_table_owner {key, owner}: add or remove one owner. The owner's
// profile (its Owned tab) changes with the table's page.
import type { User } from '../../../../contract/api-common';
import { WriteResponseSchema, type WriteResponse } from '../../../../contract/api-edits';
import type { TableDetail } from '../../../../contract/api-table';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { editHistoriesKey, ownedListKey } from '../../../app/catalog-caches';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import { requestJson } from '../../../lib/api-client';
import { toTableSummary, withOwner, type EditAction } from '../table-patches';
import { tableKeys } from './query-keys';

export interface OwnerEdit {
  action: EditAction;
  /** The person as the page will show them until the server answers (a user id alone is enough). */
  owner: User;
}

export function updateTableOwner(tableKey: string, { action, owner }: OwnerEdit): Promise<WriteResponse> {
  return requestJson('/api/metadata/v0/update_table_owner', WriteResponseSchema, { method: action === 'add' ? 'PUT' : 'DELETE', body: { key: tableKey, owner: owner.user_id } });
}

export function useUpdateTableOwner(table: TableDetail) {
  const tableKey = table.key;
  return useOptimisticMutation({
    mutationKey: tableKeys.edit(tableKey),
    mutationFn: (edit: OwnerEdit) => updateTableOwner(tableKey, edit),
    patches: ({ action, owner }) => [
      { queryKey: tableKeys.detail(tableKey), update: (cached) => withOwner(cached as TableDetail, owner, action) },
      {
        queryKey: ownedListKey(owner.user_id),
        update: (cached) => {
          const lists = cached as ResourceLists;
          const others = lists.table.filter((t) => t.key !== tableKey);
          return { ...lists, table: action === 'add' ? [...others, toTableSummary(table)] : others };
        },
      },
    ],
    invalidates: ({ owner }) => [tableKeys.detail(tableKey), ownedListKey(owner.user_id), editHistoriesKey],
    successMessage: ({ action, owner }) => (action === 'add' ? `${owner.display_name} added as an owner` : `${owner.display_name} removed as an owner`),
    errorTitle: ({ action, owner }) => (action === 'add' ? `Could not add ${owner.display_name} as an owner` : `Could not remove the owner ${owner.display_name}`),
  });
}
