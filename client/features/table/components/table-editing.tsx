// What the editors deep in a table's page (a column's description, a nested field's) need to know:
// which table, and what the signed-in person may change on it. Without the provider (a list outside
// the table page) everything is read-only.
import { createContext, use, type ReactNode } from 'react';
import type { EditRights } from '../../../../contract/api-edits';

export interface TableEditing {
  tableKey: string;
  rights: EditRights;
}

const TableEditingContext = createContext<TableEditing | null>(null);

export function TableEditingProvider({ value, children }: { value: TableEditing; children: ReactNode }) {
  return <TableEditingContext value={value}>{children}</TableEditingContext>;
}

export function useTableEditing(): TableEditing | null {
  return use(TableEditingContext);
}
