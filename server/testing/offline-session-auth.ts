// The real session accessor for router tests that sign a person in by storing their tokens directly:
// a throwaway SQLite token store, and an identity provider that is never called (the tests store
// tokens far from expiry, so nothing is refreshed). `close` shuts the store and removes its folder: a
// mutation run loads a router test file once per mutant, over a thousand times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOidcClient } from '../auth/oidc-client';
import { createSessionAuth } from '../auth/session-auth';
import { SqliteTokenStore } from '../auth/sqlite-token-store';
import { createTokenCipher } from '../auth/token-cipher';

export function createOfflineSessionAuth(logger: Parameters<typeof createSessionAuth>[0]['logger']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-offline-session-'));
  const tokens = new SqliteTokenStore(path.join(dir, 'sessions.sqlite'), createTokenCipher(['t'.repeat(32)]));
  const auth = createSessionAuth({
    oidc: createOidcClient({
      issuer: 'http://127.0.0.1:9/unused', clientId: 'nansen-bff', clientSecret: 'unused', redirectUri: 'http://localhost/auth',
      postLogoutRedirectUri: 'http://localhost/logged-out', scopes: 'openid', idTokenSigningAlg: 'RS256',
    }),
    tokens,
    logger,
    absoluteTimeoutMs: 3_600_000,
    destroySessionRecord: async () => {},
  });
  const close = async () => {
    await tokens.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { tokens, auth, close };
}
