// `prune` refuses to empty a scope: a source that suddenly has none, or far fewer, of the tables an
// earlier import made is far more often a failed job upstream (an empty manifest, a crawl of the
// wrong database, credentials that see one schema) than a project that really lost them — and a
// prune deletes those tables with what people wrote on them. As NDJSON ingest refuses an empty
// export, a prune that would remove every table of the scope, or more than half of them when it held
// at least LARGE_PRUNE_MIN_TABLES, is refused before anything is written — a dry run says the same —
// unless the operator confirms it (decision 083).
import { AppError } from '../http/catalog-errors';
import { count } from './list-first';

/** From this many tables, a prune of more than half of them is refused too (below, only one of all of them). */
export const LARGE_PRUNE_MIN_TABLES = 10;

/** How the caller names its options in the message: the command line's `--allow-large-prune` or the query's `allow_large_prune=true`. */
export type PruneOptionStyle = 'cli' | 'query';

/** 422 over HTTP (not 409: that is "another import is running, retry"); exit 1 on the command line. */
export class PruneRefusedError extends AppError {
  override name = 'PruneRefusedError';
  readonly status = 422;
}

export interface PruneCheck {
  /** The tables an earlier import of the scope made that this run looks at (out-of-view and bad ones left out). */
  held: number;
  /** Of those, the keys the prune would remove. */
  removing: readonly string[];
  /** `dbt project "acme"`, `sqlite://shop`. */
  scopeName: string;
  style?: PruneOptionStyle;
}

/** Whether removing `removing` of `held` tables is large enough to ask for confirmation. */
export function isLargePrune(held: number, removing: number): boolean {
  if (removing === 0) return false;
  return removing >= held || (held >= LARGE_PRUNE_MIN_TABLES && removing * 2 > held);
}

/** Throws PruneRefusedError when the prune is large and not confirmed; the message names the confirming option. */
export function checkPruneSize(check: PruneCheck, allowed: boolean): void {
  const { held, removing, scopeName } = check;
  if (allowed || !isLargePrune(held, removing.length)) return;
  const cli = (check.style ?? 'cli') === 'cli';
  const allow = cli ? '--allow-large-prune' : 'allow_large_prune=true';
  const dryRun = cli ? '--dry-run --prune --allow-large-prune' : 'dry_run=true&prune=true&allow_large_prune=true';
  const what = removing.length >= held
    ? `all ${count(held, 'table')} an earlier import of ${scopeName} made`
    : `${removing.length} of the ${held} tables an earlier import of ${scopeName} made`;
  throw new PruneRefusedError(
    `refused to prune: it would remove ${what} (${firstKeys(removing)}), as the source no longer has them. ` +
      'An empty or cut-short source usually means the job that wrote it failed (dbt did not finish, the wrong database or credentials); nothing was written. ' +
      `If they really are gone, run again with ${allow} (${dryRun} lists what would go, writing nothing).`,
  );
}

const firstKeys = (keys: readonly string[], shown = 5) =>
  keys.length > shown ? `${keys.slice(0, shown).join(', ')} and ${keys.length - shown} more` : keys.join(', ');
