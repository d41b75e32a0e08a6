import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { IdentityProviderUnavailableError, InvalidTokenError } from './bearer-auth-errors';
import { createTokenCache } from './create-token-cache';
import { assertSecureUrl, discoverIssuer, type IssuerMetadata } from './discover-issuer';
import { fetchUserInfo } from './fetch-user-info';
import { looksLikeJwt, verifyJwtAccessToken } from './verify-jwt-access-token';

export interface BearerAuthOptions {
  /** Exact issuer string expected in `iss`. */
  issuer: string;
  /** When set, JWT `aud` must contain it. */
  audience?: string;
  /** Allow an http issuer (only for loopback issuers). */
  allowInsecureHttp?: boolean;
  /** Default 60, for opaque tokens. */
  userInfoCacheSeconds?: number;
  /** Default 30. */
  clockToleranceSeconds?: number;
}

export interface TokenPrincipal {
  subject: string;
  email: string | null;
  claims: Record<string, unknown>;
  /** Set for a machine client's token on the routes that take one (machine-access.ts): its client id. */
  machineClient?: string;
}

export type BearerAuth = RequestHandler & { close?(): void };

const REALM = 'nansen-catalog';
const FAILURE_CACHE_SECONDS = 10;
const UNAVAILABLE_MESSAGE = 'Cannot reach the identity provider to validate the token';
// RFC 6750 b64token
const TOKEN_SYNTAX = /^[A-Za-z0-9\-._~+/]+=*$/;

interface IssuerKeys {
  metadata: IssuerMetadata;
  jwks: JWTVerifyGetKey;
}

function readBearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer') return undefined;
  const token = rest.join(' ');
  if (rest.length !== 1 || !TOKEN_SYNTAX.test(token)) throw new InvalidTokenError('The Authorization header is malformed; send "Bearer <token>".');
  return token;
}

function toPrincipal(claims: Record<string, unknown>): TokenPrincipal {
  return { subject: claims.sub as string, email: typeof claims.email === 'string' ? claims.email : null, claims };
}

function quoteHeaderValue(text: string): string {
  return text.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '');
}

function answerUnauthorized(res: Response, error?: InvalidTokenError): void {
  if (!error) {
    res.set('WWW-Authenticate', `Bearer realm="${REALM}"`);
    res.status(401).json({ message: 'Log in first: send an access token as "Authorization: Bearer <token>".' });
    return;
  }
  res.set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${quoteHeaderValue(error.description)}"`);
  res.status(401).json({ message: error.description });
}

function answerUnavailable(res: Response, error: Error): void {
  // The message names URLs and statuses, never the token.
  console.error(`[catalog-auth] ${UNAVAILABLE_MESSAGE}: ${error.message}`);
  res.set('Retry-After', '5');
  res.status(503).json({ message: UNAVAILABLE_MESSAGE });
}

/**
 * Express middleware for the catalog as an OAuth resource server: validates `Authorization: Bearer`
 * tokens issued by `issuer` (JWTs locally with the IdP's JWKS, opaque tokens at UserInfo) and sets
 * `res.locals.principal`.
 */
export function createBearerAuth(options: BearerAuthOptions): BearerAuth {
  const { issuer, audience, allowInsecureHttp = false, userInfoCacheSeconds = 60, clockToleranceSeconds = 30 } = options;
  if (!URL.canParse(issuer)) throw new Error(`The issuer ${JSON.stringify(issuer)} is not a URL.`);
  assertSecureUrl(new URL(issuer), allowInsecureHttp, 'issuer');

  let discovery: Promise<IssuerKeys> | undefined;
  const userInfoCache = createTokenCache<Record<string, unknown>>();

  function getIssuerKeys(): Promise<IssuerKeys> {
    discovery ??= discoverIssuer(issuer, allowInsecureHttp).then(
      (metadata) => ({ metadata, jwks: createRemoteJWKSet(metadata.jwksUri) }),
      (error: unknown) => {
        discovery = undefined; // try again on the next request
        throw error;
      },
    );
    return discovery;
  }

  async function authenticate(token: string): Promise<TokenPrincipal> {
    const { metadata, jwks } = await getIssuerKeys();
    if (looksLikeJwt(token)) {
      const payload = await verifyJwtAccessToken(token, jwks, { issuer, audience, clockToleranceSeconds });
      return toPrincipal(payload as Record<string, unknown>);
    }
    const { userinfoEndpoint } = metadata;
    if (!userinfoEndpoint) throw new InvalidTokenError('The access token is not a JWT and the identity provider has no UserInfo endpoint.');
    const claims = await userInfoCache.getOrLoad(
      token,
      () => fetchUserInfo(userinfoEndpoint, token),
      (outcome) => (outcome.ok ? userInfoCacheSeconds : outcome.error instanceof InvalidTokenError ? Math.min(FAILURE_CACHE_SECONDS, userInfoCacheSeconds) : 0),
    );
    return toPrincipal(claims);
  }

  const handler = async (req: Request, res: Response, next: NextFunction) => {
    let token: string | undefined;
    try {
      token = readBearerToken(req.get('authorization'));
    } catch (error) {
      answerUnauthorized(res, error as InvalidTokenError);
      return;
    }
    if (!token) {
      answerUnauthorized(res);
      return;
    }
    try {
      res.locals.principal = await authenticate(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) return answerUnauthorized(res, error);
      if (error instanceof IdentityProviderUnavailableError) return answerUnavailable(res, error);
      return next(error);
    }
    next();
  };

  return Object.assign(handler, {
    close() {
      userInfoCache.clear();
      discovery = undefined;
    },
  });
}
