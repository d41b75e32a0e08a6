// Discovery is kept for the life of the process: the first login discovers the provider, and every
// later one first checks that the provider still answers, so a provider that went away (or fails)
// shows Nansen's page naming OIDC_ISSUER, not the browser's. And logout tokens need published keys.
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, hostileOidcClient } from '../testing/hostile-oidc-client';
import { HOSTILE_CLIENT, type HostileIdp, startHostileIdp } from '../testing/start-hostile-idp';
import { IdpUnavailableError, IssuerMismatchError } from './oidc-client';

const WELL_KNOWN = '/.well-known/openid-configuration';
const unreachable = (issuer: string, detail: string) =>
  `Cannot reach the identity provider at ${issuer} (${detail}). Check OIDC_ISSUER and that the provider is running.`;

describe('discovery and the check before each login', () => {
  let hostile: HostileIdp;
  beforeAll(async () => {
    hostile = await startHostileIdp();
  });
  afterAll(() => hostile.close());
  afterEach(() => hostile.reset());

  it('discovers at the first login, and asks the provider once more before each later one', async () => {
    const client = hostileOidcClient(hostile);
    const before = hostile.hits(WELL_KNOWN);
    await client.startLogin('/');
    expect(hostile.hits(WELL_KNOWN)).toBe(before + 1);
    await client.startLogin('/');
    await client.startLogin('/');
    expect(hostile.hits(WELL_KNOWN)).toBe(before + 3);
  });

  it('refuses a login, naming the setting to check, when the provider went away after discovery', async () => {
    const gone = await startHostileIdp();
    const client = hostileOidcClient(gone);
    await client.startLogin('/');
    await gone.close();
    const error = await failureOf(client.startLogin('/'));
    expect(error).toBeInstanceOf(IdpUnavailableError);
    expect(error).toMatchObject({ status: 502, code: 'idp_unreachable' });
    // The network's own words (fetch's cause), not "fetch failed": the connection is refused, or an idle one closed.
    const detail = /^Cannot reach the identity provider at (\S+) \((.+)\)\. Check OIDC_ISSUER and that the provider is running\.$/.exec(error.message);
    expect(detail?.[1]).toBe(gone.issuer);
    expect(detail?.[2]).toMatch(/^(connect ECONNREFUSED \S+|other side closed)$/);
  });

  it('says why the first discovery failed in the network\'s words, not "fetch failed": the refused address, the HTTP status', async () => {
    const gone = await startHostileIdp();
    await gone.close();
    const refused = await failureOf(hostileOidcClient(gone).startLogin('/'));
    expect(refused).toBeInstanceOf(IdpUnavailableError);
    expect(refused).toMatchObject({ status: 502, code: 'idp_unreachable', message: unreachable(gone.issuer, `connect ECONNREFUSED ${new URL(gone.issuer).host}`) });
    hostile.answerDiscovery({ status: 503, body: 'down for maintenance' });
    expect(await failureOf(hostileOidcClient(hostile).startLogin('/'))).toMatchObject({ code: 'idp_unreachable', message: unreachable(hostile.issuer, 'HTTP 503') });
    // An answer that is no discovery document, though 200: openid-client's words, not the status.
    hostile.answerDiscovery({ status: 200, body: 'hello' });
    expect(await failureOf(hostileOidcClient(hostile).startLogin('/'))).toMatchObject({ code: 'idp_unreachable', message: unreachable(hostile.issuer, 'unexpected response content-type') });
  });

  it('refuses a login when the provider fails (5xx), and discovers it again once it is back', async () => {
    const client = hostileOidcClient(hostile);
    await client.startLogin('/');
    hostile.answerDiscovery({ status: 500, body: 'down for maintenance' });
    const error = await failureOf(client.startLogin('/'));
    expect(error).toMatchObject({ status: 502, code: 'idp_unreachable', message: unreachable(hostile.issuer, 'HTTP 500') });
    hostile.answerDiscovery(undefined);
    const before = hostile.hits(WELL_KNOWN);
    await client.startLogin('/');
    expect(hostile.hits(WELL_KNOWN)).toBe(before + 1);
  });

  it('takes any answer below 500 as the provider answering: an empty one, a redirect (not followed), a 499', async () => {
    const client = hostileOidcClient(hostile);
    await client.startLogin('/');
    for (const answer of [{ status: 204 }, { status: 302, headers: { location: `${hostile.issuer}${WELL_KNOWN}` } }, { status: 499 }, { status: 404 }]) {
      hostile.answerDiscovery(answer);
      expect((await client.startLogin('/')).url, JSON.stringify(answer)).toMatch(new RegExp(`^${hostile.issuer}/auth\\?`));
    }
  });

  it('checks the discovery document of an issuer written with a trailing slash', async () => {
    const issuer = `${hostile.issuer}/`;
    hostile.advertiseIssuer(issuer);
    const client = hostileOidcClient(hostile, { issuer });
    await client.startLogin('/');
    hostile.answerDiscovery({ status: 503 });
    expect(await failureOf(client.startLogin('/'))).toMatchObject({ code: 'idp_unreachable', message: unreachable(issuer, 'HTTP 503') });
  });

  it('says an issuer that does not match is its own error, naming both issuers and the fix, not "cannot reach"', async () => {
    const declared = hostile.issuer.replace('127.0.0.1', 'localhost');
    hostile.advertiseIssuer(declared);
    const error = await failureOf(hostileOidcClient(hostile).startLogin('/'));
    expect(error).toBeInstanceOf(IssuerMismatchError);
    // Still an IdpUnavailableError: whatever handled one (a refresh keeps the session) handles it.
    expect(error).toBeInstanceOf(IdpUnavailableError);
    expect(error).toMatchObject({ status: 502, code: 'idp_issuer_mismatch', expected: hostile.issuer, declared });
    expect(error.message).toBe(
      `OIDC_ISSUER is ${hostile.issuer}, but the provider says its issuer is ${declared}; set OIDC_ISSUER to exactly that. `
      + 'They must match character for character (tokens carry the provider\'s issuer): a trailing slash (Auth0\'s issuer has one), 127.0.0.1 against localhost, or Keycloak\'s /auth prefix are the usual differences.',
    );
    expect(error.message).not.toContain('Cannot reach');
  });

  it('cannot verify a logout token of a provider that publishes no keys', async () => {
    hostile.overrideDiscovery({ jwks_uri: undefined });
    const token = await new SignJWT({ iss: hostile.issuer, aud: HOSTILE_CLIENT.clientId, jti: 'j', sub: 'roald' })
      .setProtectedHeader({ alg: 'RS256', kid: hostile.currentKey().kid })
      .setIssuedAt()
      .sign(hostile.currentKey().privateKey);
    await expect(hostileOidcClient(hostile).verifyLogoutToken(token)).rejects.toThrow('the provider publishes no jwks_uri');
  });
});
