import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/load-config';
import { toUpstreamToken } from './upstream-token';

describe('what the metadata and search services get after "Bearer "', () => {
  const tokens = { accessToken: 'at-123', refreshToken: 'rt-secret', idToken: 'id-secret', expiresAt: 1_700_000_000_999 };

  it('bearer: the access token', () => {
    expect(toUpstreamToken('bearer', tokens)).toBe('at-123');
  });

  it('flaskoidc: a JSON token object with the access token, its type and its expiry in epoch seconds, never the refresh or ID token', () => {
    const sent = toUpstreamToken('flaskoidc', tokens);
    expect(JSON.parse(sent)).toEqual({ access_token: 'at-123', token_type: 'Bearer', expires_at: 1_700_000_000 });
    expect(sent).not.toMatch(/secret/);
    // flaskoidc splits the header once on whitespace: the object must not contain any.
    expect(sent).not.toMatch(/\s/);
  });

  it('UPSTREAM_AUTH is bearer by default; flaskoidc only for real Amundsen services', () => {
    expect(loadConfig({}).catalog.upstreamAuth).toBe('bearer');
    expect(loadConfig({ UPSTREAM_AUTH: 'flaskoidc', METADATA_URL: 'http://metadata:5002', SEARCH_URL: 'http://search:5001' }).catalog.upstreamAuth).toBe('flaskoidc');
    expect(() => loadConfig({ UPSTREAM_AUTH: 'flaskoidc' })).toThrow(ConfigError);
    expect(() => loadConfig({ UPSTREAM_AUTH: 'jwt' })).toThrow(/UPSTREAM_AUTH must be bearer .* or flaskoidc/);
  });
});
