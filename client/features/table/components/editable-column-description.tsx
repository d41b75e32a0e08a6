// A column's description in the columns table, and a nested field's in its tree: Markdown, shown
// rendered (column-description.tsx) and edited in place as its source (Enter saves) by people who may
// edit the table's descriptions.
import type { ReactNode } from 'react';
import { useUiConfig } from '../../../app/app-data';
import { useDescriptionDraft } from '../../../app/use-description-draft';
import { EditableDescription } from '../../../components/editable-description';
import { useUpdateColumnDescription } from '../api/put-column-description';
import { useUpdateTypeMetadataDescription } from '../api/put-type-metadata-description';
import { columnDescriptionDraftId, typeDescriptionDraftId } from '../description-draft-ids';
import { useTableEditing, type TableEditing } from './table-editing';
import './editable-column-description.css';

interface ShortDescriptionEditorProps {
  /** The column's or nested field's name, as the person reads it. */
  name: string;
  value: string | null;
  className: string;
  save: (description: string, base: string | null) => Promise<unknown>;
  /** The id its unsaved text is kept under (description-draft-ids.ts). */
  draftId: string;
  children: ReactNode;
}

/** A column's or nested field's description: up to `editableText.columnDescLength` characters, Enter saves. */
function ShortDescriptionEditor({ name, value, className, save, draftId, children }: ShortDescriptionEditorProps) {
  const maxLength = useUiConfig().editableText.columnDescLength;
  const draft = useDescriptionDraft(draftId);
  return (
    <EditableDescription
      value={value}
      canEdit
      editText="Edit"
      editName={`Edit description of ${name}`}
      fieldLabel={`Description of ${name}`}
      maxLength={maxLength}
      markdownHint
      submitOnEnter
      save={save}
      draft={draft}
      className={className}
    >
      {children}
    </EditableDescription>
  );
}

function ColumnDescriptionEditor({ editing, columnName, value, children }: { editing: TableEditing; columnName: string; value: string | null; children: ReactNode }) {
  const mutation = useUpdateColumnDescription(editing.tableKey, columnName);
  return (
    <ShortDescriptionEditor name={columnName} value={value} className="editable-column-description" draftId={columnDescriptionDraftId(editing.tableKey, columnName)} save={(description, base) => mutation.mutateAsync({ description, base })}>
      {children}
    </ShortDescriptionEditor>
  );
}

/** `children` is the description as shown; the Edit button only where the person may edit. */
export function EditableColumnDescription({ columnName, value, children }: { columnName: string; value: string | null; children: ReactNode }) {
  const editing = useTableEditing();
  if (!editing?.rights.descriptions) return <>{children}</>;
  return (
    <ColumnDescriptionEditor editing={editing} columnName={columnName} value={value}>
      {children}
    </ColumnDescriptionEditor>
  );
}

function TypeDescriptionEditor({ editing, typeKey, fieldName, value, children }: { editing: TableEditing; typeKey: string; fieldName: string; value: string | null; children: ReactNode }) {
  const mutation = useUpdateTypeMetadataDescription(editing.tableKey, typeKey, fieldName);
  return (
    <ShortDescriptionEditor name={fieldName} value={value} className="editable-type-description" draftId={typeDescriptionDraftId(editing.tableKey, typeKey)} save={(description, base) => mutation.mutateAsync({ description, base })}>
      {children}
    </ShortDescriptionEditor>
  );
}

/** A nested field's description (`fieldName` is its path, such as "address.city"). */
export function EditableTypeDescription({ typeKey, fieldName, value, children }: { typeKey: string; fieldName: string; value: string | null; children: ReactNode }) {
  const editing = useTableEditing();
  if (!editing?.rights.descriptions) return <>{children}</>;
  return (
    <TypeDescriptionEditor editing={editing} typeKey={typeKey} fieldName={fieldName} value={value}>
      {children}
    </TypeDescriptionEditor>
  );
}
