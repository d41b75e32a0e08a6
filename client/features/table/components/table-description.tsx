// The table's description on its page: Markdown, clamped when long, edited in place with a preview by
// people who may.
import type { TableDetail } from '../../../../contract/api-table';
import { useUiConfig } from '../../../app/app-data';
import { useDescriptionDraft } from '../../../app/use-description-draft';
import { ClampedText } from '../../../components/clamped-text';
import { EditableDescription } from '../../../components/editable-description';
import { Markdown } from '../../../components/markdown';
import { NO_DESCRIPTION, shownDescription } from '../../../lib/description-text';
import { useUpdateTableDescription } from '../api/put-table-description';
import { tableDescriptionDraftId } from '../description-draft-ids';

export function TableDescription({ table }: { table: TableDetail }) {
  const maxLength = useUiConfig().editableText.tableDescLength;
  const mutation = useUpdateTableDescription(table.key);
  const draft = useDescriptionDraft(tableDescriptionDraftId(table.key));
  const text = shownDescription(table.description);
  return (
    <EditableDescription
      value={table.description}
      canEdit={table.edit_rights.descriptions}
      editText="Edit description"
      fieldLabel={`Description of ${table.schema}.${table.name}`}
      maxLength={maxLength}
      markdown
      save={(description, base) => mutation.mutateAsync({ description, base })}
      draft={draft}
      className="table-page__description-block"
    >
      {text ? (
        <ClampedText label={`the description of ${table.schema}.${table.name}`}>
          <Markdown source={text} className="table-page__description" />
        </ClampedText>
      ) : (
        <p className="muted">{NO_DESCRIPTION}</p>
      )}
    </EditableDescription>
  );
}
