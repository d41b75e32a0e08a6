import { createPublicKey, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, type JWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { generateSigningKeyPair } from '../dev-idp/generate-signing-key-pair';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface HostileIdp {
  issuer: string;
  /** The key whose public half the JWKS currently publishes. */
  currentKey(): SigningKey;
  /** Publish a new key (new kid) instead of the current one. */
  rotateKeys(): Promise<SigningKey>;
  /** Sign an access token with the current key (or `key`), filling iss/sub/iat/exp unless given. */
  signAccessToken(claims?: JWTPayload, options?: { key?: SigningKey; header?: Record<string, unknown> }): Promise<string>;
  /** Make UserInfo answer these claims for this opaque token; every other token gets 401. */
  acceptOpaqueToken(token: string, claims: Record<string, unknown>): void;
  /** Requests seen per path, e.g. hits('/userinfo'). */
  hits(path: string): number;
  /** What discovery says the issuer is (to test a mismatch). */
  advertiseIssuer(issuer: string): void;
  /**
   * How the token endpoint signs the ID tokens of logins from now on: `valid` (the current key), or one
   * of the forgeries a relying party must refuse.
   */
  forgeIdTokens(forgery: IdTokenForgery): void;
  /** Claims that override those of the ID token a refresh answers (e.g. another `sub`). */
  overrideRefreshIdTokenClaims(claims: JWTPayload): void;
  /** Claims added to the ID tokens of logins from now on (e.g. `name`, `groups`, `sid`); `{}` to stop. */
  addLoginIdTokenClaims(claims: JWTPayload): void;
  /** Fields the token endpoint leaves out of its answers, at a login and at a refresh (e.g. `refresh_token`). */
  omitFromTokenAnswers(fields: readonly string[]): void;
  /** What the token endpoint answers instead of tokens (an error, a page, or nothing at all: `hang`). */
  answerTokenRequests(answer: RawAnswer | 'hang' | undefined): void;
  /** What discovery answers instead of the metadata (a failure, a redirect). */
  answerDiscovery(answer: RawAnswer | undefined): void;
  /** Metadata fields discovery adds or changes (undefined removes one), e.g. a revocation endpoint. */
  overrideDiscovery(fields: Record<string, unknown>): void;
  /** The requests the token and revocation endpoints received: their headers and form. */
  requestsTo(path: '/token' | '/revoke'): { headers: IncomingMessage['headers']; form: URLSearchParams }[];
  /** Undo every override and forget the requests seen. */
  reset(): void;
  close(): Promise<void>;
}

/** An HTTP answer as it is sent; a `body` that is not a string is sent as JSON. */
export interface RawAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * `es256-published-key` is signed correctly, with a key the JWKS publishes, but with an algorithm the
 * relying party did not pin: only the pin refuses it.
 */
export type IdTokenForgery = 'valid' | 'broken-signature' | 'alg-none' | 'hs256-client-secret' | 'hs256-public-key' | 'es256-published-key';

/** The client the hostile IdP's login endpoints serve (any redirect URI is accepted). */
export const HOSTILE_CLIENT = { clientId: 'nansen-hostile-test', clientSecret: 'hostile-idp-client-secret-long-enough' };

interface IssuedCode {
  nonce: string | undefined;
  sub: string;
}

export async function createSigningKeyPair(alg = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateSigningKeyPair(alg);
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function sendRaw(res: ServerResponse, { status, headers = {}, body }: RawAnswer) {
  if (body === undefined || typeof body === 'string') {
    res.writeHead(status, headers);
    res.end(body);
    return;
  }
  sendJson(res, status, body, headers);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A fake OpenID provider we control completely (discovery, JWKS, UserInfo, and a login that signs in
 * everyone as "roald" at once) on a free port, for testing how the BFF and the catalog treat tokens that
 * a real provider would never issue.
 */
export async function startHostileIdp(options: { tls?: { key: string; cert: string }; hostname?: string } = {}): Promise<HostileIdp> {
  let key = await createSigningKeyPair();
  const ecKey = await createSigningKeyPair('ES256');
  const opaqueTokens = new Map<string, Record<string, unknown>>();
  const hitCounts = new Map<string, number>();
  let advertisedIssuer: string | undefined;
  let forgery: IdTokenForgery = 'valid';
  let refreshOverrides: JWTPayload = {};
  let loginExtras: JWTPayload = {};
  let omitted: readonly string[] = [];
  let tokenAnswer: RawAnswer | 'hang' | undefined;
  let discoveryAnswer: RawAnswer | undefined;
  let discoveryOverrides: Record<string, unknown> = {};
  const received = new Map<string, { headers: IncomingMessage['headers']; form: URLSearchParams }[]>();
  const hanging = new Set<ServerResponse>();
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Map<string, IssuedCode>();

  async function signIdToken(claims: JWTPayload): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: issuer, aud: HOSTILE_CLIENT.clientId, iat: now, exp: now + 600, email: `${claims.sub}@example.org`, ...claims };
    switch (forgery) {
      case 'valid':
        return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
      case 'broken-signature': {
        const jwt = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
        const [header, body, signature] = jwt.split('.');
        const flipped = (signature![0] === 'A' ? 'B' : 'A') + signature!.slice(1);
        return `${header}.${body}.${flipped}`;
      }
      case 'es256-published-key':
        return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: ecKey.kid }).sign(ecKey.privateKey);
      case 'alg-none':
        return new UnsecuredJWT(payload).encode();
      case 'hs256-client-secret':
        return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(HOSTILE_CLIENT.clientSecret));
      case 'hs256-public-key': {
        // The classic key confusion: HMAC keyed with the bytes of the provider's published RSA key.
        const pem = createPublicKey({ key: key.publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
        return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(new TextEncoder().encode(String(pem)));
      }
    }
  }

  async function answerToken(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    received.set('/token', [...(received.get('/token') ?? []), { headers: req.headers, form }]);
    if (tokenAnswer === 'hang') return void hanging.add(res);
    if (tokenAnswer) return sendRaw(res, tokenAnswer);
    const grant =
      form.get('grant_type') === 'authorization_code'
        ? codes.get(form.get('code') ?? '')
        : form.get('grant_type') === 'refresh_token'
          ? refreshTokens.get(form.get('refresh_token') ?? '')
          : undefined;
    if (!grant) return sendJson(res, 400, { error: 'invalid_grant' });
    const refreshing = form.get('grant_type') === 'refresh_token';
    if (!refreshing) codes.delete(form.get('code')!);
    const refreshToken = randomUUID();
    refreshTokens.set(refreshToken, grant);
    const idClaims: JWTPayload = refreshing ? { sub: grant.sub, ...refreshOverrides } : { ...loginExtras, sub: grant.sub, nonce: grant.nonce };
    const answer: Record<string, unknown> = {
      access_token: `opaque-${randomUUID()}`,
      token_type: 'Bearer',
      expires_in: 600,
      refresh_token: refreshToken,
      id_token: await signIdToken(idClaims),
    };
    for (const field of omitted) delete answer[field];
    return sendJson(res, 200, answer);
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    hitCounts.set(path, (hitCounts.get(path) ?? 0) + 1);
    if (path === '/.well-known/openid-configuration') {
      if (discoveryAnswer) return sendRaw(res, discoveryAnswer);
      return sendJson(res, 200, {
        issuer: advertisedIssuer ?? issuer,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        // As a careless provider might: a relying party that trusts this list accepts HMAC and none.
        id_token_signing_alg_values_supported: ['RS256', 'ES256', 'HS256', 'none'],
        authorization_response_iss_parameter_supported: true,
        ...discoveryOverrides,
      });
    }
    if (path === '/jwks') return sendJson(res, 200, { keys: [key.publicJwk, ecKey.publicJwk] });
    if (path === '/auth') {
      // Logs everyone in as "roald" at once: the tests are about what the relying party accepts.
      const params = new URL(req.url ?? '/', issuer).searchParams;
      const code = randomUUID();
      codes.set(code, { nonce: params.get('nonce') ?? undefined, sub: 'roald' });
      const target = new URL(params.get('redirect_uri') ?? '');
      target.searchParams.set('code', code);
      target.searchParams.set('state', params.get('state') ?? '');
      target.searchParams.set('iss', issuer);
      res.writeHead(303, { location: target.href });
      return res.end();
    }
    if (path === '/token' && req.method === 'POST') {
      answerToken(req, res).catch((error: unknown) => sendJson(res, 500, { error: 'server_error', error_description: String(error) }));
      return;
    }
    if (path === '/revoke' && req.method === 'POST') {
      void readForm(req).then((form) => {
        received.set('/revoke', [...(received.get('/revoke') ?? []), { headers: req.headers, form }]);
        res.writeHead(200);
        res.end();
      });
      return;
    }
    if (path === '/userinfo') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const claims = token ? opaqueTokens.get(token) : undefined;
      if (!claims) return sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
      return sendJson(res, 200, claims);
    }
    sendJson(res, 404, { error: 'not_found' });
  };
  // With `tls`, an https provider; `hostname` names it in the issuer (the test makes that name reach 127.0.0.1).
  const server = options.tls ? createHttpsServer(options.tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `${options.tls ? 'https' : 'http'}://${options.hostname ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    currentKey: () => key,
    async rotateKeys() {
      key = await createSigningKeyPair();
      return key;
    },
    async signAccessToken(claims = {}, options = {}) {
      const signingKey = options.key ?? key;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, sub: 'roald', iat: now, exp: now + 600, ...claims })
        .setProtectedHeader({ alg: signingKey.publicJwk.alg as string, kid: signingKey.kid, typ: 'at+jwt', ...options.header })
        .sign(signingKey.privateKey);
    },
    acceptOpaqueToken(token, claims) {
      opaqueTokens.set(token, claims);
    },
    hits: (path) => hitCounts.get(path) ?? 0,
    advertiseIssuer(value) {
      advertisedIssuer = value;
    },
    forgeIdTokens(value) {
      forgery = value;
    },
    overrideRefreshIdTokenClaims(claims) {
      refreshOverrides = claims;
    },
    addLoginIdTokenClaims(claims) {
      loginExtras = claims;
    },
    omitFromTokenAnswers(fields) {
      omitted = fields;
    },
    answerTokenRequests(answer) {
      tokenAnswer = answer;
    },
    answerDiscovery(answer) {
      discoveryAnswer = answer;
    },
    overrideDiscovery(fields) {
      discoveryOverrides = fields;
    },
    requestsTo: (path) => received.get(path) ?? [],
    reset() {
      advertisedIssuer = undefined;
      forgery = 'valid';
      refreshOverrides = {};
      loginExtras = {};
      omitted = [];
      tokenAnswer = undefined;
      discoveryAnswer = undefined;
      discoveryOverrides = {};
      received.clear();
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
