// Every metadata write runs inside `BEGIN IMMEDIATE … COMMIT`: the write lock is taken before the
// first read, so a read-modify-write (the edit log's "before" value, a tag list) can never interleave
// with another connection's — several processes may open the same file. A busy lock is waited for
// (busy_timeout, set in open-catalog-database.ts) rather than failing; an exception rolls back.
import type { CatalogDatabase } from './open-catalog-database';

export type RunImmediate = <T>(work: () => T) => T;

export function createImmediateRunner(db: CatalogDatabase): RunImmediate {
  const transaction = db.transaction((work: () => unknown) => work());
  return <T>(work: () => T): T => {
    // Nested call (a write helper used inside another write): already in the transaction.
    if (db.inTransaction) return work();
    return transaction.immediate(work) as T;
  };
}
