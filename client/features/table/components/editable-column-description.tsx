// A column's description in the columns table, and a nested field's in its tree: plain text, edited
// in place (Enter saves) by people who may edit the table's descriptions.
import type { ReactNode } from 'react';
import { useUiConfig } from '../../../app/app-data';
import { EditableDescription } from '../../../components/editable-description';
import { useUpdateColumnDescription } from '../api/put-column-description';
import { useUpdateTypeMetadataDescription } from '../api/put-type-metadata-description';
import { useTableEditing, type TableEditing } from './table-editing';
import './editable-column-description.css';

interface ShortDescriptionEditorProps {
  /** The column's or nested field's name, as the person reads it. */
  name: string;
  value: string | null;
  className: string;
  save: (description: string, base: string | null) => Promise<unknown>;
  children: ReactNode;
}

/** A column's or nested field's description: up to `editableText.columnDescLength` characters, Enter saves. */
function ShortDescriptionEditor({ name, value, className, save, children }: ShortDescriptionEditorProps) {
  const maxLength = useUiConfig().editableText.columnDescLength;
  return (
    <EditableDescription
      value={value}
      canEdit
      editText="Edit"
      editName={`Edit description of ${name}`}
      fieldLabel={`Description of ${name}`}
      maxLength={maxLength}
      submitOnEnter
      save={save}
      className={className}
    >
      {children}
    </EditableDescription>
  );
}

function ColumnDescriptionEditor({ editing, columnName, value, children }: { editing: TableEditing; columnName: string; value: string | null; children: ReactNode }) {
  const mutation = useUpdateColumnDescription(editing.tableKey, columnName);
  return (
    <ShortDescriptionEditor name={columnName} value={value} className="editable-column-description" save={(description, base) => mutation.mutateAsync({ description, base })}>
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
    <ShortDescriptionEditor name={fieldName} value={value} className="editable-type-description" save={(description, base) => mutation.mutateAsync({ description, base })}>
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
