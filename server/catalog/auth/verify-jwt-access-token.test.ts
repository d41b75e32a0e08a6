import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { generateSigningKeyPair } from '../../dev-idp/generate-signing-key-pair';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityProviderUnavailableError, InvalidTokenError } from './bearer-auth-errors';
import { ACCEPTED_ALGORITHMS, looksLikeJwt, verifyJwtAccessToken } from './verify-jwt-access-token';

const ISSUER = 'https://login.example.com';
const AUDIENCE = 'urn:nansen:catalog';
const CHECK = { issuer: ISSUER, audience: AUDIENCE, clockToleranceSeconds: 30 };

async function createKey(alg: string) {
  const { privateKey, publicKey } = await generateSigningKeyPair(alg);
  const kid = `${alg}-key`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid } as JWK };
}

type Key = Awaited<ReturnType<typeof createKey>>;

function sign(key: Key, alg: string, claims: JWTPayload = {}, header: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'roald', iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg, kid: key.kid, typ: 'at+jwt', ...header })
    .sign(key.privateKey);
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

async function expectInvalid(promise: Promise<unknown>, description: string) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect((error as InvalidTokenError).description).toBe(description);
}

describe('verifying a JWT access token', () => {
  it('accepts a token signed with each asymmetric algorithm the catalog allows', async () => {
    const keys: Record<string, Key> = {};
    for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519']) {
      keys[alg] = await createKey(alg === 'EdDSA' ? 'Ed25519' : alg);
      keys[alg].kid = keys[alg].publicJwk.kid = `${alg}-key`;
    }
    expect(Object.keys(keys)).toEqual(ACCEPTED_ALGORITHMS);
    const jwks = createLocalJWKSet({ keys: Object.values(keys).map((k) => k.publicJwk) });
    for (const [alg, key] of Object.entries(keys)) {
      const payload = await verifyJwtAccessToken(await sign(key, alg), jwks, CHECK);
      expect(payload.sub, alg).toBe('roald');
    }
  });

  it('names what is wrong with a token, in words a client can show', async () => {
    const key = await createKey('RS256');
    const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
    const now = Math.floor(Date.now() / 1000);
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { exp: now - 60 }), jwks, CHECK), 'The access token has expired.');
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { nbf: now + 300 }), jwks, CHECK), 'The access token is not valid yet.');
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { iss: 'https://evil.example' }), jwks, CHECK), 'The access token was issued by another identity provider.');
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { aud: 'someone-else' }), jwks, CHECK), 'The access token is not meant for the catalog.');
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { exp: undefined }), jwks, CHECK), 'The access token\'s "exp" claim is not valid.');
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { sub: undefined }), jwks, CHECK), 'The access token\'s "sub" claim is not valid.');
    await expectInvalid(verifyJwtAccessToken('not.a.jwt', jwks, CHECK), 'The access token is malformed.');
    const [header, payload, signature] = (await sign(key, 'RS256')).split('.');
    const tampered = `${header}.${payload}.${(signature![0] === 'A' ? 'B' : 'A') + signature!.slice(1)}`;
    await expectInvalid(verifyJwtAccessToken(tampered, jwks, CHECK), 'The access token signature is not valid.');
    const stranger = await createKey('ES256');
    await expectInvalid(verifyJwtAccessToken(await sign(stranger, 'ES256'), jwks, CHECK), 'The access token is signed by a key the identity provider does not publish.');
  });

  it('refuses a token whose subject is empty or not a string', async () => {
    const key = await createKey('RS256');
    const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { sub: '' }), jwks, CHECK), 'The access token names no subject.');
    await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', { sub: 42 as unknown as string }), jwks, CHECK), 'The access token names no subject.');
  });

  it('without an audience to check, takes only RFC 9068 access tokens (typ at+jwt, in any case)', async () => {
    const key = await createKey('RS256');
    const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
    const noAudience = { ...CHECK, audience: undefined };
    for (const typ of ['at+jwt', 'AT+JWT', 'application/at+jwt', 'Application/At+JWT']) {
      expect((await verifyJwtAccessToken(await sign(key, 'RS256', {}, { typ }), jwks, noAudience)).sub, typ).toBe('roald');
    }
    for (const typ of ['JWT', undefined]) {
      await expectInvalid(verifyJwtAccessToken(await sign(key, 'RS256', {}, { typ }), jwks, noAudience), 'The token is not an access token.');
    }
  });

  it('with an audience to check, lets the audience decide whatever the typ', async () => {
    const key = await createKey('RS256');
    const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
    expect((await verifyJwtAccessToken(await sign(key, 'RS256', {}, { typ: 'JWT' }), jwks, CHECK)).aud).toBe(AUDIENCE);
  });

  it('tells three dot-separated parts (a JWT) from an opaque token', () => {
    expect(looksLikeJwt('a.b.c')).toBe(true);
    expect(looksLikeJwt('opaque-token')).toBe(false);
    expect(looksLikeJwt('a.b')).toBe(false);
    expect(looksLikeJwt('a.b.c.d.e')).toBe(false);
  });
});

describe('verifying a JWT access token when the provider\'s keys cannot be had', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  /** A JWKS endpoint that answers every request with `answer` (or never, with 'hang'). */
  async function startJwksEndpoint(answer: { status: number; body: string } | 'hang'): Promise<URL> {
    server = createServer((_req, res) => {
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`);
  }

  async function expectUnavailable(jwksUri: URL, message: RegExp, timeoutDuration?: number) {
    const key = await createKey('RS256');
    const error = await rejectionOf(verifyJwtAccessToken(await sign(key, 'RS256'), createRemoteJWKSet(jwksUri, { timeoutDuration }), CHECK));
    expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
    expect(error.message).toMatch(message);
  }

  it('says the provider is unavailable, not that the token is bad, when the JWKS endpoint fails', async () => {
    await expectUnavailable(await startJwksEndpoint({ status: 503, body: '{"error":"maintenance"}' }), /^The identity provider's JWKS could not be used: Expected 200 OK/);
  });

  it('says the provider is unavailable when the JWKS is not JSON, is not a key set, or does not come in time', async () => {
    await expectUnavailable(await startJwksEndpoint({ status: 200, body: '<html>' }), /^The identity provider's JWKS could not be used: Failed to parse/);
    await expectUnavailable(await startJwksEndpoint({ status: 200, body: '{"keys": 1}' }), /^The identity provider's JWKS could not be used: JSON Web Key Set malformed/);
    await expectUnavailable(await startJwksEndpoint('hang'), /^The identity provider's JWKS could not be used: request timed out/, 200);
  });

  it('says the provider is unavailable when nothing answers at the JWKS address', async () => {
    const jwksUri = await startJwksEndpoint('hang');
    server!.close();
    server!.closeAllConnections();
    server = undefined;
    await expectUnavailable(jwksUri, /^Fetching the identity provider's JWKS failed: fetch failed/);
  });
});
