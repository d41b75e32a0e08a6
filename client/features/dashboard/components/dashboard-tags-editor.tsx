// The dashboard's tags in its side panel, with add (suggestions from the tags in use) and remove for
// people who may change them.
import { useQuery } from '@tanstack/react-query';
import type { DashboardDetail } from '../../../../contract/api-dashboard';
import { tagsQueryOptions } from '../../../app/catalog-caches';
import { TagEditor } from '../../../components/tag-editor';
import { useUpdateDashboardTags } from '../api/update-dashboard-tags';

export function DashboardTagsEditor({ dashboard }: { dashboard: DashboardDetail }) {
  const known = useQuery({ ...tagsQueryOptions(), enabled: dashboard.edit_rights.tags });
  const mutation = useUpdateDashboardTags(dashboard.uri);
  return (
    <TagEditor
      tags={dashboard.tags.map((t) => t.tag_name)}
      resource="dashboard"
      canEdit={dashboard.edit_rights.tags}
      knownTags={known.data?.map((t) => t.tag_name) ?? []}
      onAdd={(tag) => mutation.mutateAsync({ action: 'add', tag })}
      onRemove={(tag) => mutation.mutateAsync({ action: 'remove', tag })}
    />
  );
}
