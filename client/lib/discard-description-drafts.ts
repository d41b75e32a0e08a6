// Where description drafts live in the tab's sessionStorage, and dropping them all at logout: its own
// small module, because the shell's user menu needs only this (the rest of description-drafts.ts
// loads with the table page, not with every first page — decision 007's budget).

export const DESCRIPTION_DRAFT_PREFIX = 'nansen:description-draft:';

/** Drops every kept draft in the tab (logging out: whoever comes next starts clean). */
export function discardAllDescriptionDrafts(storage: Storage | null = sessionStorageOrNull()): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(DESCRIPTION_DRAFT_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // nothing kept, nothing to drop
  }
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
