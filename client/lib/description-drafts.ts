// Text a person typed into a description editor and has not saved yet, kept in the tab's
// sessionStorage: when the session ends, a save answers 401 and the SPA goes to log in, and the text
// comes back with the person (decision 017). Only their text and the text their edit began from
// (`base`, so a restored save still detects someone else's change) — never a token. Each draft names
// its owner: another person who signs in in the same tab never sees it; it is dropped instead.
// Logging out from the menu drops every draft of the tab.
// Storage that is full, disabled or missing only means no draft is kept; editing works as before.

export interface DescriptionDraft {
  text: string;
  base: string | null;
}

/** One field's draft for one person: what an editor reads when it mounts, writes while typing, discards when done. */
export interface DraftSlot {
  read(): DescriptionDraft | null;
  write(draft: DescriptionDraft): void;
  discard(): void;
}

const PREFIX = 'nansen:description-draft:';
/** Longer than a session may last (SESSION_ABSOLUTE_TIMEOUT_HOURS defaults to 12): older text is stale. */
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface StoredDraft {
  v: 1;
  owner: string;
  text: string;
  base: string | null;
  savedAt: number;
}

function defaultStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // a browser that refuses storage to this page throws on access
  }
}

function parse(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredDraft> | null;
    if (!value || value.v !== 1 || typeof value.owner !== 'string' || typeof value.text !== 'string' || typeof value.savedAt !== 'number') return null;
    if (value.base !== null && typeof value.base !== 'string') return null;
    return value as StoredDraft;
  } catch {
    return null;
  }
}

/** Whether a stored draft may be shown to `owner` now; anything else is removed when read. */
function usable(draft: StoredDraft | null, owner: string, now: number): draft is StoredDraft {
  return draft !== null && draft.owner === owner && now - draft.savedAt >= 0 && now - draft.savedAt <= DRAFT_MAX_AGE_MS;
}

export interface DraftStoreOptions {
  storage?: Storage | null;
  now?: () => number;
}

/**
 * The draft of field `id` (such as `table:hive://gold.sales/orders:description`) for the person `owner`
 * (their user id).
 */
export function descriptionDraftSlot(owner: string, id: string, options: DraftStoreOptions = {}): DraftSlot {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const now = options.now ?? Date.now;
  const key = PREFIX + id;
  const remove = () => {
    try {
      storage?.removeItem(key);
    } catch {
      // nothing kept, nothing to remove
    }
  };
  return {
    read() {
      let raw: string | null = null;
      try {
        raw = storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
      const draft = parse(raw);
      if (!usable(draft, owner, now())) {
        if (raw !== null) remove();
        return null;
      }
      return { text: draft.text, base: draft.base };
    },
    write({ text, base }) {
      const stored: StoredDraft = { v: 1, owner, text, base, savedAt: now() };
      try {
        storage?.setItem(key, JSON.stringify(stored));
      } catch {
        // full or refused: the editor still holds the text
      }
    },
    discard: remove,
  };
}

/** Whether `owner` has a draft for a field whose id starts with `idPrefix` (a nested field under a closed one). */
export function hasDescriptionDraftUnder(owner: string, idPrefix: string, options: DraftStoreOptions = {}): boolean {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const now = (options.now ?? Date.now)();
  if (!storage) return false;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX + idPrefix) && usable(parse(storage.getItem(key)), owner, now)) return true;
    }
  } catch {
    return false;
  }
  return false;
}

/** Drops every kept draft in the tab (logging out: whoever comes next starts clean). */
export function discardAllDescriptionDrafts(options: Pick<DraftStoreOptions, 'storage'> = {}): void {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // nothing kept, nothing to drop
  }
}
