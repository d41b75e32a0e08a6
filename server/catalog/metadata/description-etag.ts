// Our extension of Amundsen's description routes (docs/decisions/011-no-lost-description-edits.md):
// each description (table, column, nested type, dashboard) is served with an ETag, the hash of its
// text, and a PUT carrying `If-Match` is refused with 412 when the description changed since that
// read. The check and the write run in one transaction (store/edit-resources.ts), so two writers
// based on the same text cannot both win. A PUT without If-Match writes as Amundsen does.
import { createHash } from 'node:crypto';

/** A strong ETag for a description: the same text always has the same tag, whoever wrote it. */
export function descriptionEtag(description: string | null): string {
  return `"d-${createHash('sha256').update(JSON.stringify(description)).digest('base64url').slice(0, 27)}"`;
}

/**
 * Does an `If-Match` header (RFC 9110 §13.1.1: `*` or a list of entity tags) accept the description?
 * Strong comparison: a weak tag (`W/"…"`) never matches.
 */
export function ifMatchAccepts(header: string, description: string | null): boolean {
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  const current = descriptionEtag(description);
  return (trimmed.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => tag === current);
}
