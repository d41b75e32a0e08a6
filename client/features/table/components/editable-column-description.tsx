// A column's description in the columns table, and a nested field's in its tree: plain text, edited
// in place (Enter saves) by people who may edit the table's descriptions.
import type { ReactNode } from 'react';
import { useUiConfig } from '../../../app/app-data';
import { EditableDescription } from '../../../components/editable-description';
import { useUpdateColumnDescription } from '../api/put-column-description';
import { useUpdateTypeMetadataDescription } from '../api/put-type-metadata-description';
import { useTableEditing, type TableEditing } from './table-editing';
import './editable-column-description.css';

function ColumnDescriptionEditor({ editing, columnName, value, children }: { editing: TableEditing; columnName: string; value: string | null; children: ReactNode }) {
  const maxLength = useUiConfig().editableText.columnDescLength;
  const mutation = useUpdateColumnDescription(editing.tableKey, columnName);
  return (
    <EditableDescription
      value={value}
      canEdit
      editText="Edit"
      editName={`Edit description of ${columnName}`}
      fieldLabel={`Description of ${columnName}`}
      maxLength={maxLength}
      submitOnEnter
      save={(description, base) => mutation.mutateAsync({ description, base })}
      className="editable-column-description"
    >
      {children}
    </EditableDescription>
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
  const maxLength = useUiConfig().editableText.columnDescLength;
  const mutation = useUpdateTypeMetadataDescription(editing.tableKey, typeKey, fieldName);
  return (
    <EditableDescription
      value={value}
      canEdit
      editText="Edit"
      editName={`Edit description of ${fieldName}`}
      fieldLabel={`Description of ${fieldName}`}
      maxLength={maxLength}
      submitOnEnter
      save={(description, base) => mutation.mutateAsync({ description, base })}
      className="editable-type-description"
    >
      {children}
    </EditableDescription>
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
