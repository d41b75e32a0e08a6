// The signed-in person's kept description drafts (lib/description-drafts.ts) for the editors on a page.
import { useCallback, useMemo } from 'react';
import { descriptionDraftSlot, hasDescriptionDraftUnder, type DraftSlot } from '../lib/description-drafts';
import { useCurrentUser } from './app-data';

/** Where the unsaved text of field `id` is kept for the signed-in person. */
export function useDescriptionDraft(id: string): DraftSlot {
  const owner = useCurrentUser().user_id;
  return useMemo(() => descriptionDraftSlot(owner, id), [owner, id]);
}

/** Asks whether the signed-in person keeps unsaved text in a field whose id starts with a prefix (to open what hides it). */
export function useHasDescriptionDraftUnder(): (idPrefix: string) => boolean {
  const owner = useCurrentUser().user_id;
  return useCallback((idPrefix: string) => hasDescriptionDraftUnder(owner, idPrefix), [owner]);
}
