// Whether the metadata service keeps an edit log (GET /edits, the embedded catalog's extension), as
// learned from its answers (decision 056). Amundsen's services keep none: Flask answers the unknown URL
// with 404. After such a 404 the metadata client reads the log as absent without asking, for
// EDIT_LOG_RECHECK_MS; then it asks once more, so a 404 that was not the service's last word (a proxy
// between deployments) hides histories for minutes, not until a restart. A service that keeps the log
// (the embedded catalog, another Nansen's through METADATA_URL) never answers 404 there: it is always asked.
export const EDIT_LOG_RECHECK_MS = 10 * 60_000;

export interface EditLogPresence {
  /** False while a 404 from GET /edits is remembered: the log is absent, and the service is not asked. */
  shouldAsk(): boolean;
  /** The service answered GET /edits with 404: it keeps no edit log. */
  noteMissing(): void;
}

export function createEditLogPresence(now: () => number = Date.now, recheckMs = EDIT_LOG_RECHECK_MS): EditLogPresence {
  let missingUntil = Number.NEGATIVE_INFINITY;
  return {
    shouldAsk: () => now() >= missingUntil,
    noteMissing() {
      missingUntil = now() + recheckMs;
    },
  };
}
