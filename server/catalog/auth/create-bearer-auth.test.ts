import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import express from 'express';
import { base64url, SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DevIdp } from '../../dev-idp/start-dev-idp';
import { discoverTestClient, obtainDevIdpTokens, startTestDevIdp, TEST_AUDIENCE, TEST_CLIENT } from '../../testing/dev-idp-fixture';
import { getFreePort } from '../../testing/free-port';
import { createSigningKeyPair, type HostileIdp, startHostileIdp } from '../../testing/start-hostile-idp';
import { type BearerAuthOptions, createBearerAuth } from './create-bearer-auth';

const AUDIENCE = 'urn:nansen:catalog';

function createCatalogApp(options: BearerAuthOptions) {
  const auth = createBearerAuth(options);
  const app = express();
  app.get('/whoami', auth, (_req, res) => {
    res.json(res.locals.principal);
  });
  return app;
}

function expectInvalidToken(response: request.Response, description: RegExp) {
  expect(response.status).toBe(401);
  expect(response.body.message).toMatch(description);
  expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"$/);
  expect(response.headers['www-authenticate']).toMatch(description);
}

describe('bearer auth against the real development IdP', () => {
  let idp: DevIdp;
  beforeAll(async () => {
    idp = await startTestDevIdp();
  });
  afterAll(() => idp?.close());

  it('accepts the JWT access token the code flow yields, and rejects the ID token in its place', async () => {
    const tokens = await obtainDevIdpTokens(await discoverTestClient(idp), 'roald');
    const app = createCatalogApp({ issuer: idp.issuer, audience: TEST_AUDIENCE, allowInsecureHttp: true });

    const response = await request(app).get('/whoami').set('Authorization', `Bearer ${tokens.access_token}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ subject: 'roald', email: 'roald.amundsen@example.org' });
    expect(response.body.claims).toMatchObject({ iss: idp.issuer, aud: TEST_AUDIENCE });

    const withIdToken = await request(app).get('/whoami').set('Authorization', `Bearer ${tokens.id_token}`);
    expectInvalidToken(withIdToken, /not meant for the catalog/);
    expect(tokens.claims()?.aud).toBe(TEST_CLIENT.clientId);
  });
});

describe('bearer auth against a hostile identity provider', () => {
  let idp: HostileIdp;
  let app: express.Express;
  beforeAll(async () => {
    idp = await startHostileIdp();
    app = createCatalogApp({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true });
  });
  afterAll(() => idp?.close());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const call = (authorization?: string) => {
    const req = request(app).get('/whoami');
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };

  it('accepts a well-formed token and exposes subject, email and claims', async () => {
    const token = await idp.signAccessToken({ aud: AUDIENCE, email: 'roald.amundsen@example.org' });
    const response = await call(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      subject: 'roald',
      email: 'roald.amundsen@example.org',
      claims: expect.objectContaining({ sub: 'roald', aud: AUDIENCE }),
    });
  });

  it('gives a token without email a null email', async () => {
    const response = await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE })}`);
    expect(response.body.email).toBeNull();
  });

  it('rejects an expired token but tolerates clock skew within 30 seconds', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectInvalidToken(await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE, iat: now - 700, exp: now - 120 })}`), /expired/);
    const skewed = await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE, iat: now - 700, exp: now - 10 })}`);
    expect(skewed.status).toBe(200);
  });

  it('rejects a correctly signed token without an expiry (one that would never expire)', async () => {
    const neverExpires = await idp.signAccessToken({ aud: AUDIENCE, exp: undefined });
    expect(JSON.parse(Buffer.from(neverExpires.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('exp');
    expectInvalidToken(await call(`Bearer ${neverExpires}`), /"?exp"? claim/);
  });

  it('rejects a token that is not valid yet', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectInvalidToken(await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE, nbf: now + 300 })}`), /not valid yet/);
  });

  it('rejects a token from another issuer', async () => {
    const token = await idp.signAccessToken({ aud: AUDIENCE, iss: 'http://localhost:1/evil' });
    expectInvalidToken(await call(`Bearer ${token}`), /another identity provider/);
  });

  it('rejects a token for another audience, and one without an audience', async () => {
    expectInvalidToken(await call(`Bearer ${await idp.signAccessToken({ aud: 'urn:someone:else' })}`), /not meant for the catalog/);
    expectInvalidToken(await call(`Bearer ${await idp.signAccessToken()}`), /not meant for the catalog/);
  });

  it('rejects a token signed by a key the IdP does not publish', async () => {
    const stranger = await createSigningKeyPair();
    expectInvalidToken(await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE }, { key: stranger })}`), /key the identity provider does not publish/);

    const impostor = { ...stranger, kid: idp.currentKey().kid };
    expectInvalidToken(await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE }, { key: impostor })}`), /signature is not valid/);
  });

  it('rejects an unsigned token (alg none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: idp.currentKey().kid }));
    const payload = base64url.encode(JSON.stringify({ iss: idp.issuer, aud: AUDIENCE, sub: 'roald', iat: now, exp: now + 600 }));
    expectInvalidToken(await call(`Bearer ${header}.${payload}.`), /algorithm the catalog does not accept/);
  });

  it('rejects an HS256 token whose secret is the public key (algorithm confusion)', async () => {
    const { kid, publicJwk } = idp.currentKey();
    const publicKeyBytes = new TextEncoder().encode(JSON.stringify(publicJwk));
    const token = await new SignJWT({ iss: idp.issuer, aud: AUDIENCE, sub: 'roald' })
      .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(publicKeyBytes);
    expectInvalidToken(await call(`Bearer ${token}`), /algorithm the catalog does not accept/);
  });

  it('accepts a token with a new kid after the IdP rotates its keys', async () => {
    expect((await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE })}`)).status).toBe(200);
    const jwksFetches = idp.hits('/jwks');

    await idp.rotateKeys();
    // jose refetches the JWKS for an unknown kid once its 30 s cooldown has passed.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000);
    const response = await call(`Bearer ${await idp.signAccessToken({ aud: AUDIENCE })}`);
    expect(response.status).toBe(200);
    expect(idp.hits('/jwks')).toBe(jwksFetches + 1);
  });

  it('accepts an opaque token via UserInfo and caches the answer', async () => {
    idp.acceptOpaqueToken('opaque-token-for-liv', { sub: 'liv', email: 'liv.arnesen@example.org', name: 'Liv Arnesen' });
    const before = idp.hits('/userinfo');
    const first = await call('Bearer opaque-token-for-liv');
    const second = await call('Bearer opaque-token-for-liv');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ subject: 'liv', email: 'liv.arnesen@example.org', claims: expect.objectContaining({ name: 'Liv Arnesen' }) });
    expect(second.body).toEqual(first.body);
    expect(idp.hits('/userinfo')).toBe(before + 1);
  });

  it('asks UserInfo again once the cache time has passed', async () => {
    const shortCache = createCatalogApp({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true, userInfoCacheSeconds: 1 });
    idp.acceptOpaqueToken('opaque-token-short', { sub: 'liv' });
    const before = idp.hits('/userinfo');
    await request(shortCache).get('/whoami').set('Authorization', 'Bearer opaque-token-short');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2_000);
    await request(shortCache).get('/whoami').set('Authorization', 'Bearer opaque-token-short');
    expect(idp.hits('/userinfo')).toBe(before + 2);
  });

  it('rejects an opaque token that UserInfo refuses, and remembers the refusal briefly', async () => {
    const before = idp.hits('/userinfo');
    expectInvalidToken(await call('Bearer revoked-opaque-token'), /does not accept the access token/);
    expectInvalidToken(await call('Bearer revoked-opaque-token'), /does not accept the access token/);
    expect(idp.hits('/userinfo')).toBe(before + 1);
  });

  it('remembers a refusal for 10 seconds, and never longer than it keeps answers', async () => {
    const before = idp.hits('/userinfo');
    expectInvalidToken(await call('Bearer refused-for-a-while'), /does not accept the access token/);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 9_000);
    expectInvalidToken(await call('Bearer refused-for-a-while'), /does not accept the access token/);
    expect(idp.hits('/userinfo')).toBe(before + 1);
    vi.setSystemTime(Date.now() + 2_000);
    expectInvalidToken(await call('Bearer refused-for-a-while'), /does not accept the access token/);
    expect(idp.hits('/userinfo')).toBe(before + 2);

    const shortCache = createCatalogApp({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true, userInfoCacheSeconds: 1 });
    await request(shortCache).get('/whoami').set('Authorization', 'Bearer refused-briefly');
    vi.setSystemTime(Date.now() + 1_500);
    await request(shortCache).get('/whoami').set('Authorization', 'Bearer refused-briefly');
    expect(idp.hits('/userinfo')).toBe(before + 4);
  });

  it('forgets the discovery and every cached answer when closed', async () => {
    const auth = createBearerAuth({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true });
    const closable = express().get('/whoami', auth, (_req, res) => {
      res.json(res.locals.principal);
    });
    idp.acceptOpaqueToken('opaque-token-to-forget', { sub: 'liv' });
    const before = { discovery: idp.hits('/.well-known/openid-configuration'), userinfo: idp.hits('/userinfo') };
    await request(closable).get('/whoami').set('Authorization', 'Bearer opaque-token-to-forget');
    await request(closable).get('/whoami').set('Authorization', 'Bearer opaque-token-to-forget');
    auth.close!();
    const after = await request(closable).get('/whoami').set('Authorization', 'Bearer opaque-token-to-forget');
    expect(after.body.subject).toBe('liv');
    expect(idp.hits('/.well-known/openid-configuration')).toBe(before.discovery + 2);
    expect(idp.hits('/userinfo')).toBe(before.userinfo + 2);
  });

  it('asks for a token without an error code when none is sent, per RFC 6750', async () => {
    for (const response of [await call(), await call('Basic cm9hbGQ6cGFzc3dvcmQ=')]) {
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="nansen-catalog"');
      expect(response.body.message).toMatch(/Bearer/);
    }
  });

  it('takes the token after one or more spaces, whatever the case of "Bearer"', async () => {
    const token = await idp.signAccessToken({ aud: AUDIENCE });
    for (const header of [`Bearer ${token}`, `Bearer   ${token}`, `bearer ${token}`, `BEARER\t${token}`]) {
      expect((await call(header)).status, header).toBe(200);
    }
  });

  it('rejects a malformed Bearer header', async () => {
    for (const header of ['Bearer', 'Bearer two tokens', 'Bearer "quoted"', 'Bearer abc"', 'Bearer "abc', 'Bearer abc=def']) {
      expectInvalidToken(await call(header), /malformed/);
    }
  });

  it('rejects a JWT without typ at+jwt when no audience is configured (an ID token is not an access token)', async () => {
    const noAudience = createCatalogApp({ issuer: idp.issuer, allowInsecureHttp: true });
    const idTokenLike = await idp.signAccessToken({ aud: 'some-client' }, { header: { typ: 'JWT' } });
    const response = await request(noAudience).get('/whoami').set('Authorization', `Bearer ${idTokenLike}`);
    expectInvalidToken(response, /not an access token/);
    const accessToken = await idp.signAccessToken({ aud: 'anything' });
    expect((await request(noAudience).get('/whoami').set('Authorization', `Bearer ${accessToken}`)).status).toBe(200);
  });

  it('answers 503 when discovery names another issuer', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const other = await startHostileIdp();
    try {
      other.advertiseIssuer('https://idp.example.org');
      const misconfigured = createCatalogApp({ issuer: other.issuer, audience: AUDIENCE, allowInsecureHttp: true });
      const response = await request(misconfigured).get('/whoami').set('Authorization', `Bearer ${await other.signAccessToken({ aud: AUDIENCE })}`);
      expect(response.status).toBe(503);
      expect(errors.mock.calls.flat().join(' ')).toMatch(/names issuer "https:\/\/idp.example.org"/);
    } finally {
      await other.close();
    }
  });
});

/**
 * A TCP relay on 127.0.0.1:`port` to 127.0.0.1:`targetPort`. The hostile IdP listens on a port of its
 * own choosing; the relay puts it at the address the catalog was configured with, as if the IdP had
 * come back up there.
 */
async function startRelay(port: number, targetPort: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy(); // keep-alive connections would hold close() open
      }),
  };
}

describe('bearer auth when the identity provider is unreachable', () => {
  it('answers 503 without logging the token, and recovers once the IdP is back', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const port = await getFreePort();
    const issuer = `http://127.0.0.1:${port}`;
    const app = createCatalogApp({ issuer, audience: AUDIENCE, allowInsecureHttp: true });
    const token = 'opaque-secret-token-value';
    const whoami = (bearer: string) => request(app).get('/whoami').set('Authorization', `Bearer ${bearer}`);
    let idp: HostileIdp | undefined;
    let relay: { close(): Promise<void> } | undefined;
    try {
      // Nothing listens at the issuer: every request fails discovery, and fails again the next time.
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await whoami(token);
        expect(response.status).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(response.body).toEqual({ message: 'Cannot reach the identity provider to validate the token' });
      }
      expect(errors).toHaveBeenCalled();
      expect(JSON.stringify(errors.mock.calls)).not.toContain(token);

      // The IdP is back at the configured address: the same app (no restart) must accept valid tokens
      // again, i.e. the failed discovery was not remembered.
      idp = await startHostileIdp();
      idp.advertiseIssuer(issuer);
      relay = await startRelay(port, Number(new URL(idp.issuer).port));
      const jwt = await whoami(await idp.signAccessToken({ iss: issuer, aud: AUDIENCE }));
      expect(jwt.status).toBe(200);
      expect(jwt.body).toMatchObject({ subject: 'roald', claims: expect.objectContaining({ iss: issuer }) });
      idp.acceptOpaqueToken(token, { sub: 'liv', email: 'liv.arnesen@example.org' });
      const opaque = await whoami(token);
      expect(opaque.status).toBe(200);
      expect(opaque.body).toMatchObject({ subject: 'liv', email: 'liv.arnesen@example.org' });
    } finally {
      errors.mockRestore();
      await relay?.close();
      await idp?.close();
    }
  });
});

describe('bearer auth configuration', () => {
  it('refuses an issuer that is not a URL', () => {
    expect(() => createBearerAuth({ issuer: 'login.example.com' })).toThrow(new Error('The issuer "login.example.com" is not a URL.'));
  });

  it('refuses an http issuer unless allowed, and never for a non-loopback host', () => {
    expect(() => createBearerAuth({ issuer: 'http://localhost:4000' })).toThrow(/must use https/);
    expect(() => createBearerAuth({ issuer: 'http://idp.example.org', allowInsecureHttp: true })).toThrow(new Error('The issuer http://idp.example.org/ must use https.'));
    expect(() => createBearerAuth({ issuer: 'http://localhost:4000', allowInsecureHttp: true })).not.toThrow();
    expect(() => createBearerAuth({ issuer: 'https://idp.example.org' })).not.toThrow();
  });
});

/** A provider whose discovery names only a JWKS address, and whose JWKS endpoint answers `jwks`. */
async function startKeysOnlyProvider(jwks: { status: number; body: string }) {
  const server = createHttpServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    }
    res.writeHead(jwks.status, { 'content-type': 'application/json' }).end(jwks.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('bearer auth with a provider that publishes keys only', () => {
  it('refuses an opaque token when the provider has no UserInfo endpoint to ask', async () => {
    const provider = await startKeysOnlyProvider({ status: 200, body: JSON.stringify({ keys: [] }) });
    try {
      const app = createCatalogApp({ issuer: provider.issuer, audience: AUDIENCE, allowInsecureHttp: true });
      expectInvalidToken(await request(app).get('/whoami').set('Authorization', 'Bearer opaque-token'), /not a JWT and the identity provider has no UserInfo endpoint/);
    } finally {
      await provider.close();
    }
  });

  it('answers 503, not 401, while the provider\'s JWKS endpoint fails, so clients keep their tokens', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const provider = await startKeysOnlyProvider({ status: 503, body: '{"error":"temporarily_unavailable"}' });
    const signer = await startHostileIdp();
    try {
      const app = createCatalogApp({ issuer: provider.issuer, audience: AUDIENCE, allowInsecureHttp: true });
      const token = await signer.signAccessToken({ iss: provider.issuer, aud: AUDIENCE });
      const response = await request(app).get('/whoami').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(errors.mock.calls.flat().join(' ')).toMatch(/JWKS could not be used: Expected 200 OK/);
    } finally {
      errors.mockRestore();
      await signer.close();
      await provider.close();
    }
  });
});
