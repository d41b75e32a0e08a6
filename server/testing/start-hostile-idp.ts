import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

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
  close(): Promise<void>;
}

export async function createSigningKeyPair(alg = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A fake OpenID provider we control completely (discovery, JWKS, UserInfo) on a free port, for testing
 * how the catalog treats tokens that a real provider would never issue.
 */
export async function startHostileIdp(): Promise<HostileIdp> {
  let key = await createSigningKeyPair();
  const opaqueTokens = new Map<string, Record<string, unknown>>();
  const hitCounts = new Map<string, number>();
  let advertisedIssuer: string | undefined;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    hitCounts.set(path, (hitCounts.get(path) ?? 0) + 1);
    if (path === '/.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer: advertisedIssuer ?? issuer,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
      });
    }
    if (path === '/jwks') return sendJson(res, 200, { keys: [key.publicJwk] });
    if (path === '/userinfo') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const claims = token ? opaqueTokens.get(token) : undefined;
      if (!claims) return sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
      return sendJson(res, 200, claims);
    }
    sendJson(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
