// What goes after "Bearer " to the metadata and search services (UPSTREAM_AUTH):
// - bearer: the access token, for the embedded catalog and services that validate OAuth tokens;
// - flaskoidc: Amundsen services launched as flaskoidc apps json.loads the token and check only its
//   expires_at (API.md §2), so they get a JSON token object — the access token, its type and its expiry
//   in epoch seconds. Never the refresh or ID token: those stay in the BFF.
import type { SessionTokens } from '../auth/session-data';

export const UPSTREAM_AUTH_MODES = ['bearer', 'flaskoidc'] as const;
export type UpstreamAuthMode = (typeof UPSTREAM_AUTH_MODES)[number];

export function toUpstreamToken(mode: UpstreamAuthMode, tokens: Pick<SessionTokens, 'accessToken' | 'expiresAt'>): string {
  if (mode === 'bearer') return tokens.accessToken;
  return JSON.stringify({ access_token: tokens.accessToken, token_type: 'Bearer', expires_at: Math.floor(tokens.expiresAt / 1000) });
}
