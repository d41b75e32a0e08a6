// The table's tags in its side panel, with add (suggestions from the tags in use) and remove for
// people who may change them.
import { useQuery } from '@tanstack/react-query';
import type { TableDetail } from '../../../../contract/api-table';
import { tagsQueryOptions } from '../../../app/catalog-caches';
import { TagEditor } from '../../../components/tag-editor';
import { useUpdateTableTags } from '../api/update-table-tags';

export function TableTagsEditor({ table }: { table: TableDetail }) {
  const canEdit = table.edit_rights.tags;
  const known = useQuery({ ...tagsQueryOptions(), enabled: canEdit });
  const mutation = useUpdateTableTags(table.key);
  return (
    <TagEditor
      tags={table.tags.map((t) => t.tag_name)}
      resource="table"
      canEdit={canEdit}
      knownTags={known.data?.map((t) => t.tag_name) ?? []}
      onAdd={(tag) => mutation.mutateAsync({ action: 'add', tag })}
      onRemove={(tag) => mutation.mutateAsync({ action: 'remove', tag })}
    />
  );
}
