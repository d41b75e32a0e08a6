/** The token is missing, malformed, expired, or not ours: answer 401. `description` is safe to show. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
  constructor(readonly description: string) {
    super(description);
  }
}

/** The identity provider could not be asked (down, timed out, or misconfigured): answer 503. */
export class IdentityProviderUnavailableError extends Error {
  override name = 'IdentityProviderUnavailableError';
}
