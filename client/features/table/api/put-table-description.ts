// PUT /api/metadata/v0/put_table_description: the table's description, with the text the edit began
// from (`base`); 409 with the text stored now when someone changed it meanwhile.
import { DescriptionSavedResponseSchema, type DescriptionSavedResponse, type PutTableDescriptionBody } from '../../../../contract/api-edits';
import type { TableDetail } from '../../../../contract/api-table';
import { editHistoriesKey, searchResultsKey } from '../../../app/catalog-caches';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import { requestJson } from '../../../lib/api-client';
import { resourceItemPatch } from '../../../lib/cache-patch';
import { withTableDescription } from '../table-patches';
import { tableKeys } from './query-keys';

export function putTableDescription(body: PutTableDescriptionBody): Promise<DescriptionSavedResponse> {
  return requestJson('/api/metadata/v0/put_table_description', DescriptionSavedResponseSchema, { method: 'PUT', body });
}

export interface DescriptionEdit {
  description: string;
  base: string | null;
}

export function useUpdateTableDescription(tableKey: string) {
  return useOptimisticMutation({
    mutationKey: tableKeys.edit(tableKey),
    mutationFn: ({ description, base }: DescriptionEdit) => putTableDescription({ key: tableKey, description, base }),
    patches: ({ description }) => [
      { queryKey: tableKeys.detail(tableKey), update: (table) => withTableDescription(table as TableDetail, description) },
      resourceItemPatch({ type: 'table', key: tableKey }, (item) => ({ ...item, description })),
    ],
    invalidates: () => [tableKeys.detail(tableKey), searchResultsKey, editHistoriesKey],
    successMessage: () => 'Description saved',
    // The editor shows every refusal beside the text (editable-description.tsx), the conflict view a 409.
    failuresShownByCaller: true,
  });
}
