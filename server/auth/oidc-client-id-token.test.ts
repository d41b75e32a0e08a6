// The ID-token checks of a login, against a provider that signs what a real one never would: the
// signature is verified against the provider's keys (also for a token straight from the token
// endpoint), only the pinned algorithm is accepted however many the provider advertises, and what a
// login keeps of the ID token (the provider session, only when it is text).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, hostileLogin, hostileOidcClient } from '../testing/hostile-oidc-client';
import { type HostileIdp, type IdTokenForgery, startHostileIdp } from '../testing/start-hostile-idp';

describe('the ID token of a login', () => {
  let hostile: HostileIdp;
  beforeAll(async () => {
    hostile = await startHostileIdp();
  });
  afterAll(() => hostile.close());
  afterEach(() => hostile.reset());

  it.each<IdTokenForgery>(['broken-signature', 'alg-none', 'hs256-client-secret', 'hs256-public-key', 'es256-published-key'])(
    'is refused when forged: %s',
    async (forgery) => {
      hostile.forgeIdTokens(forgery);
      const error = await failureOf(hostileLogin(hostileOidcClient(hostile)));
      expect(error.name).toBe('ClientError');
    },
  );

  it('signed with a published key is accepted only with the algorithm the setup pins', async () => {
    hostile.forgeIdTokens('es256-published-key');
    const { claims } = await hostileLogin(hostileOidcClient(hostile, { idTokenSigningAlg: 'ES256' }));
    expect(claims.sub).toBe('roald');
  });

  it('is required: a token answer without one is refused', async () => {
    hostile.omitFromTokenAnswers(['id_token']);
    await expect(hostileLogin(hostileOidcClient(hostile))).rejects.toThrow();
  });

  it('names the provider session (sid) the tokens keep, when it is text', async () => {
    hostile.addLoginIdTokenClaims({ sid: 'idp-session-7' });
    const { tokens } = await hostileLogin(hostileOidcClient(hostile));
    expect(tokens.providerSessionId).toBe('idp-session-7');
    hostile.addLoginIdTokenClaims({ sid: 42 });
    const { tokens: numbered, claims } = await hostileLogin(hostileOidcClient(hostile));
    expect(claims.sid).toBe(42);
    expect(numbered).not.toHaveProperty('providerSessionId');
  });

  it('may come without a refresh token: the session then has none', async () => {
    hostile.omitFromTokenAnswers(['refresh_token']);
    const { tokens } = await hostileLogin(hostileOidcClient(hostile));
    expect(tokens.refreshToken).toBeUndefined();
    expect(tokens.idToken).toEqual(expect.any(String));
  });
});
