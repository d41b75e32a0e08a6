import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { IdentityProviderUnavailableError, InvalidTokenError } from './bearer-auth-errors';

/** Asymmetric algorithms only: never `none`, never HS* (a public key must not become an HMAC secret). */
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

export interface JwtCheck {
  issuer: string;
  audience: string | undefined;
  clockToleranceSeconds: number;
}

export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}

function describeJoseError(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'The access token was issued by another identity provider.';
    if (error.claim === 'aud') return 'The access token is not meant for the catalog.';
    if (error.claim === 'nbf') return 'The access token is not valid yet.';
    return `The access token's "${error.claim}" claim is not valid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'The access token is signed with an algorithm the catalog does not accept.';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token is signed by a key the identity provider does not publish.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature is not valid.';
  return 'The access token is malformed.';
}

/** Verify a JWT access token; resolves its claims or throws InvalidTokenError / IdentityProviderUnavailableError. */
export async function verifyJwtAccessToken(token: string, keys: JWTVerifyGetKey, check: JwtCheck): Promise<JWTPayload> {
  let payload: JWTPayload;
  let tokenType: string | undefined;
  try {
    const result = await jwtVerify(token, keys, {
      issuer: check.issuer,
      audience: check.audience,
      clockTolerance: check.clockToleranceSeconds,
      algorithms: ACCEPTED_ALGORITHMS,
      requiredClaims: ['sub', 'exp'],
    });
    payload = result.payload;
    tokenType = result.protectedHeader.typ;
  } catch (error) {
    // jose's plain JOSEError (ERR_JOSE_GENERIC) is its JWKS fetch failing (not 200, not JSON): a verdict on the provider, not the token.
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')) {
      throw new IdentityProviderUnavailableError(`The identity provider's JWKS could not be used: ${error.message}`, { cause: error });
    }
    if (error instanceof errors.JOSEError) throw new InvalidTokenError(describeJoseError(error));
    // Not jose's verdict on the token: fetching the JWKS failed.
    throw new IdentityProviderUnavailableError(`Fetching the identity provider's JWKS failed: ${(error as Error).message}`, { cause: error });
  }
  // Without an audience to check, only RFC 9068 access tokens count: an ID token must not pass as one.
  if (check.audience === undefined && tokenType?.toLowerCase() !== 'at+jwt' && tokenType?.toLowerCase() !== 'application/at+jwt') {
    throw new InvalidTokenError('The token is not an access token.');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('The access token names no subject.');
  return payload;
}
