import type { User } from '../../contract/bff-api';
import { normalizeUser } from '../../contract/user';

export class MissingUserIdClaimError extends Error {
  override name = 'MissingUserIdClaimError';
  constructor(readonly claim: string) {
    super(`The identity provider did not send the "${claim}" claim used as the user id`);
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Serializes OIDC claims into Amundsen's User: the configured claim is the user id; given and family
 * names, the full name and the email are used (Amundsen copies claims as they are and ends up showing
 * an email as the name).
 */
export function buildUserFromClaims(claims: Record<string, unknown>, userIdClaim: string): User {
  const userId = str(claims[userIdClaim]);
  if (!userId) throw new MissingUserIdClaimError(userIdClaim);
  const user = normalizeUser({
    user_id: userId,
    email: str(claims.email),
    first_name: str(claims.given_name),
    last_name: str(claims.family_name),
    full_name: str(claims.name),
    display_name: str(claims.name) ?? str(claims.preferred_username) ?? undefined,
    profile_url: str(claims.profile),
  });
  // normalizeUser only returns null without an id, which was checked above.
  return user!;
}

/** True when the claims lack something the UserInfo endpoint could fill. */
export function needsUserInfo(claims: Record<string, unknown>, userIdClaim: string): boolean {
  return !str(claims[userIdClaim]) || !str(claims.email) || !(str(claims.name) || str(claims.given_name));
}
