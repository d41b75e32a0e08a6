// A description write that never overwrites an edit silently (docs/decisions/011-no-lost-description-edits.md).
// The page sends the text its edit started from (`base`); the BFF reads the description now stored
// and answers 409 with it when it is not `base`. Otherwise it writes:
// - against the embedded catalog, with `If-Match: <the ETag of that read>`: the catalog checks it in
//   the write's transaction, so an edit saved between our read and our write makes it 412, which
//   becomes the same 409 — no window;
// - against Amundsen's services, which send no ETag and ignore If-Match, without a precondition:
//   an edit saved by someone else between our read and our write (a few milliseconds, the two calls
//   back to back) is overwritten. Its previous text is not kept either, as Amundsen keeps no history.
//   That window is the price of Amundsen's API; the decision record says so.
import type { DescriptionConflictBody } from '../../contract/bff-api';
import { ConflictError, UpstreamPreconditionFailedError } from '../http/errors';
import type { DescriptionRef, MetadataClient } from '../upstream/metadata-client';

export interface DescriptionWrite {
  ref: DescriptionRef;
  /** The description's key in the edit log: the table key, `{table_key}/{column}` or the nested type's key. */
  logKey: string;
  /** The text the edit started from; null when there was none. */
  base: string | null;
  description: string;
}

/** No description and an empty one are the same to the person editing. */
const sameText = (a: string | null, b: string | null) => (a ?? '') === (b ?? '');

/** Writes the description unless it changed since `base`; answers the text now stored. */
export async function writeDescription(metadata: MetadataClient, token: string, write: DescriptionWrite): Promise<string> {
  const current = await metadata.getDescription(token, write.ref);
  // Someone already saved exactly this text: nothing is lost, nothing to write.
  if (sameText(current.description, write.description)) return write.description;
  if (!sameText(current.description, write.base)) throw await conflictWith(metadata, token, write, current.description);
  try {
    await metadata.putDescription(token, write.ref, write.description, current.etag);
  } catch (err) {
    if (!(err instanceof UpstreamPreconditionFailedError)) throw err;
    // Saved by someone else between our read and our write: read what they saved.
    const now = await metadata.getDescription(token, write.ref);
    throw await conflictWith(metadata, token, write, now.description);
  }
  return write.description;
}

async function conflictWith(metadata: MetadataClient, token: string, write: DescriptionWrite, description: string | null): Promise<ConflictError> {
  const author = await findAuthor(metadata, token, write, description);
  const current: DescriptionConflictBody['current'] = { description, edited_by: author?.by ?? null, edited_at: author?.at ?? null, edited_by_id: author?.id ?? null };
  // Without an edit log (real Amundsen) the author is unknown: it may have been this person in another tab.
  return new ConflictError(
    author
      ? 'Someone else changed this description after you started editing it, so nothing was saved. Compare their text with yours, keep either or merge them, and save again.'
      : 'This description changed after you started editing it (by someone else, or by you in another tab), so nothing was saved. Compare the saved text with yours, keep either or merge them, and save again.',
    'edit_conflict',
    { current },
  );
}

/** Who wrote the current text and when, from the catalog's edit log; null when unknown (Amundsen keeps no log). */
async function findAuthor(metadata: MetadataClient, token: string, write: DescriptionWrite, description: string | null) {
  try {
    const edits = await metadata.listEdits(token, { resourceKey: write.logKey, resourceTypes: [write.ref.type], field: 'description', limit: 1 });
    const latest = edits?.[0];
    if (!latest || !sameText(typeof latest.after === 'string' ? latest.after : null, description)) return null;
    return { by: latest.user_display_name ?? latest.user_id, id: latest.user_id, at: latest.edited_at };
  } catch {
    // The conflict matters, not its author: a failing log read leaves them unknown.
    return null;
  }
}
