// How the OIDC client sorts a failed refresh, against a provider that answers what we tell it to: a
// provider that fails or cannot be reached keeps the session (503, try again), a refusal of the client's
// own credentials keeps it and names the setup to check, and only a refusal of the refresh token or an
// answer that cannot be trusted ends it. And what a refresh answer may leave out.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, hostileLogin, hostileOidcClient } from '../testing/hostile-oidc-client';
import { type HostileIdp, type RawAnswer, startHostileIdp } from '../testing/start-hostile-idp';
import { IdpUnavailableError, RefreshRefusedError } from './oidc-client';

const TRY_AGAIN = 'The identity provider failed while renewing your session; try again in a moment.';
const CHECK_CLIENT = (error: string) => `The identity provider refused to renew the session (${error}). An administrator should check the OIDC client settings.`;

describe('a failed refresh', () => {
  let hostile: HostileIdp;
  beforeAll(async () => {
    hostile = await startHostileIdp();
  });
  afterAll(() => hostile.close());
  afterEach(() => hostile.reset());

  /** A logged-in session's tokens, then the error its refresh fails with while the token endpoint answers `answer`. */
  async function refreshFailure(answer: RawAnswer | 'hang') {
    hostile.answerTokenRequests(undefined);
    const client = hostileOidcClient(hostile);
    const { tokens } = await hostileLogin(client);
    hostile.answerTokenRequests(answer);
    return failureOf(client.refresh(tokens));
  }

  it('keeps the session when the provider fails (5xx), with or without an OAuth error in the answer', async () => {
    for (const answer of <RawAnswer[]>[
      { status: 500, body: { error: 'server_error' } },
      { status: 503, body: { error: 'temporarily_unavailable' } },
      { status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>Internal Server Error</h1>' },
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad Gateway</h1>' },
    ]) {
      const error = await refreshFailure(answer);
      expect(error, JSON.stringify(answer)).toBeInstanceOf(IdpUnavailableError);
      expect(error, JSON.stringify(answer)).toMatchObject({ status: 503, code: 'idp_unavailable', message: TRY_AGAIN });
    }
  });

  it('keeps the session, and names the setup to check, when the provider refuses the client rather than the session', async () => {
    const unauthorized = await refreshFailure({ status: 400, body: { error: 'unauthorized_client' } });
    expect(unauthorized).toBeInstanceOf(IdpUnavailableError);
    expect(unauthorized).toMatchObject({ status: 503, code: 'idp_refused_client', message: CHECK_CLIENT('unauthorized_client') });

    const challenged = await refreshFailure({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_client"' }, body: { error: 'invalid_client' } });
    expect(challenged).toMatchObject({ status: 503, code: 'idp_refused_client', message: CHECK_CLIENT('invalid_client') });
    const bare = await refreshFailure({ status: 401, headers: { 'www-authenticate': 'Basic realm="token"' } });
    expect(bare).toBeInstanceOf(IdpUnavailableError);
    expect(bare).toMatchObject({ status: 503, code: 'idp_refused_client', message: CHECK_CLIENT('HTTP 401') });
  });

  it('ends the session when the refresh token is refused, or the answer is not one it can use', async () => {
    const invalidGrant = await refreshFailure({ status: 400, body: { error: 'invalid_grant' } });
    expect(invalidGrant).toBeInstanceOf(RefreshRefusedError);
    expect(invalidGrant).toMatchObject({ code: 'invalid_grant' });
    expect(String(invalidGrant)).toBe('RefreshRefusedError: The identity provider no longer accepts this session (invalid_grant).');

    for (const answer of <RawAnswer[]>[
      { status: 400, headers: { 'content-type': 'text/html' }, body: '<h1>Bad Request</h1>' },
      { status: 400, body: { message: 'no OAuth error code' } },
      { status: 302, headers: { location: 'https://elsewhere.example/' } },
    ]) {
      expect(await refreshFailure(answer), JSON.stringify(answer)).toBeInstanceOf(RefreshRefusedError);
    }
  });

  it('ends the session when the refreshed ID token fails verification, saying which check failed', async () => {
    const client = hostileOidcClient(hostile);
    const { tokens } = await hostileLogin(client);
    hostile.forgeIdTokens('broken-signature');
    const error = await failureOf(client.refresh(tokens));
    expect(error).toBeInstanceOf(RefreshRefusedError);
    expect(error).toMatchObject({ code: 'OAUTH_INVALID_RESPONSE', message: 'The identity provider\'s answer to a refresh could not be verified (OAUTH_INVALID_RESPONSE).' });
  });

  it('keeps the session when the provider cannot be discovered at the refresh (the process started while it was down)', async () => {
    const down = await startHostileIdp();
    const client = hostileOidcClient(hostile);
    const { tokens } = await hostileLogin(client);
    const unreachable = hostileOidcClient(down);
    await down.close();
    const error = await failureOf(unreachable.refresh(tokens));
    expect(error).toBeInstanceOf(IdpUnavailableError);
    expect(error).toMatchObject({ status: 502, code: 'idp_unreachable' });
    expect(String(error)).toMatch(/^IdpUnavailableError: Cannot reach the identity provider at /);
  });

  it('keeps the session when the provider does not answer in time (10 s)', { timeout: 20_000 }, async () => {
    const error = await refreshFailure('hang');
    expect(error).toBeInstanceOf(IdpUnavailableError);
    expect(error).toMatchObject({ status: 503, code: 'idp_unavailable', message: 'The identity provider could not be reached to renew your session; try again in a moment.' });
  });
});

describe('a refresh answer', () => {
  let hostile: HostileIdp;
  beforeAll(async () => {
    hostile = await startHostileIdp();
  });
  afterAll(() => hostile.close());
  afterEach(() => hostile.reset());

  it('without a new refresh token or ID token keeps the login\'s, and the provider session', async () => {
    hostile.addLoginIdTokenClaims({ sid: 'idp-session-1' });
    const client = hostileOidcClient(hostile);
    const { tokens } = await hostileLogin(client);
    hostile.omitFromTokenAnswers(['refresh_token', 'id_token']);
    const fresh = await client.refresh(tokens);
    expect(fresh).toMatchObject({ obtainedBy: 'refresh', refreshToken: tokens.refreshToken, idToken: tokens.idToken, providerSessionId: 'idp-session-1', subject: 'roald' });
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
  });

  it('with new ones replaces them', async () => {
    const client = hostileOidcClient(hostile);
    const { tokens } = await hostileLogin(client);
    const fresh = await client.refresh(tokens);
    expect(fresh.refreshToken).not.toBe(tokens.refreshToken);
    expect(fresh.idToken).not.toBe(tokens.idToken);
    expect(fresh).not.toHaveProperty('providerSessionId');
  });
});
