// The names under which the table page's editors keep unsaved text (app/use-description-draft.ts).
// A nested field's name starts with its column's type key, so a closed column or field can tell that
// something under it has a draft, and open.

export const tableDescriptionDraftId = (tableKey: string) => `table:${tableKey}:description`;

export const columnDescriptionDraftId = (tableKey: string, columnName: string) => `table:${tableKey}:column:${columnName}`;

export const typeDescriptionDraftId = (tableKey: string, typeKey: string) => `table:${tableKey}:type:${typeKey}`;

/** The prefix of every nested field's draft below the type node `typeKey` (its children's keys are `typeKey/name`). */
export const typeDescriptionDraftPrefixBelow = (tableKey: string, typeKey: string) => `${typeDescriptionDraftId(tableKey, typeKey)}/`;
