// Who is making a metadata write, for the edit log: the principal the bearer-token middleware set
// (`res.locals.principal`, see auth/create-bearer-auth.ts) — its email, else its subject.
import type { Response } from 'express';
import type { TokenPrincipal } from '../auth/create-bearer-auth';

/** Recorded when a deployment's authenticate middleware sets no principal. */
export const UNKNOWN_EDITOR = 'unknown';

export function readEditorId(res: Response): string {
  const principal = res.locals.principal as Partial<TokenPrincipal> | undefined;
  return principal?.email || principal?.subject || UNKNOWN_EDITOR;
}
