// PUT /api/metadata/v0/put_column_description: one column's description, with its base (see
// put-table-description.ts).
import { DescriptionSavedResponseSchema, type DescriptionSavedResponse, type PutColumnDescriptionBody } from '../../../../contract/api-edits';
import type { TableDetail } from '../../../../contract/api-table';
import { editHistoriesKey, searchResultsKey } from '../../../app/catalog-caches';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import { requestJson } from '../../../lib/api-client';
import { withColumnDescription } from '../table-patches';
import type { DescriptionEdit } from './put-table-description';
import { tableKeys } from './query-keys';

export function putColumnDescription(body: PutColumnDescriptionBody): Promise<DescriptionSavedResponse> {
  return requestJson('/api/metadata/v0/put_column_description', DescriptionSavedResponseSchema, { method: 'PUT', body });
}

export function useUpdateColumnDescription(tableKey: string, columnName: string) {
  return useOptimisticMutation({
    mutationKey: tableKeys.edit(tableKey),
    mutationFn: ({ description, base }: DescriptionEdit) => putColumnDescription({ key: tableKey, column_name: columnName, description, base }),
    patches: ({ description }) => [{ queryKey: tableKeys.detail(tableKey), update: (table) => withColumnDescription(table as TableDetail, columnName, description) }],
    invalidates: () => [tableKeys.detail(tableKey), searchResultsKey, editHistoriesKey],
    successMessage: () => `Description of ${columnName} saved`,
    // The editor shows every refusal beside the text (editable-description.tsx), the conflict view a 409.
    failuresShownByCaller: true,
  });
}
