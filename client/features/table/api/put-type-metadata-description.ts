// PUT /api/metadata/v0/put_type_metadata_description: a nested field's description (a struct field,
// an array element), with its base (see put-table-description.ts).
import { DescriptionSavedResponseSchema, type DescriptionSavedResponse, type PutTypeMetadataDescriptionBody } from '../../../../contract/api-edits';
import type { TableDetail } from '../../../../contract/api-table';
import { editHistoriesKey } from '../../../app/catalog-caches';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import { requestJson } from '../../../lib/api-client';
import { withTypeMetadataDescription } from '../table-patches';
import type { DescriptionEdit } from './put-table-description';
import { tableKeys } from './query-keys';

export function putTypeMetadataDescription(body: PutTypeMetadataDescriptionBody): Promise<DescriptionSavedResponse> {
  return requestJson('/api/metadata/v0/put_type_metadata_description', DescriptionSavedResponseSchema, { method: 'PUT', body });
}

export function useUpdateTypeMetadataDescription(tableKey: string, typeKey: string, fieldName: string) {
  return useOptimisticMutation({
    mutationKey: tableKeys.edit(tableKey),
    mutationFn: ({ description, base }: DescriptionEdit) => putTypeMetadataDescription({ key: tableKey, type_metadata_key: typeKey, description, base }),
    patches: ({ description }) => [{ queryKey: tableKeys.detail(tableKey), update: (table) => withTypeMetadataDescription(table as TableDetail, typeKey, description) }],
    invalidates: () => [tableKeys.detail(tableKey), editHistoriesKey],
    successMessage: () => `Description of ${fieldName} saved`,
    // The editor shows every refusal beside the text (editable-description.tsx), the conflict view a 409.
    failuresShownByCaller: true,
  });
}
