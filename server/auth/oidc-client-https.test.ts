// An https provider under a name that is not this machine's, as every production provider is: the ID
// token's signature is verified there too (openid-client skips that check by default for a token that
// comes straight from the token endpoint), at the login and at a refresh.
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, hostileLogin, hostileOidcClient } from '../testing/hostile-oidc-client';
import { type HostileIdp, startHostileIdp } from '../testing/start-hostile-idp';
import { TEST_TLS, TEST_TLS_HOSTNAME } from '../testing/test-tls-certificate';
import { RefreshRefusedError } from './oidc-client';

describe('an https identity provider', () => {
  let hostile: HostileIdp;
  let previous: Dispatcher;
  beforeAll(async () => {
    // This process's fetch trusts the test certificate and finds the provider's name at 127.0.0.1.
    previous = getGlobalDispatcher();
    setGlobalDispatcher(
      new Agent({
        connect: {
          ca: TEST_TLS.cert,
          lookup: (hostname, options, callback) => {
            if (hostname !== TEST_TLS_HOSTNAME) return callback(new Error(`no test address for ${hostname}`), '', 4);
            return options.all ? (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);
          },
        },
      }),
    );
    hostile = await startHostileIdp({ tls: TEST_TLS, hostname: TEST_TLS_HOSTNAME });
  });
  afterAll(async () => {
    await hostile.close();
    setGlobalDispatcher(previous);
  });
  afterEach(() => hostile.reset());

  it('signs in with a correctly signed ID token', async () => {
    expect(hostile.issuer).toMatch(/^https:\/\/idp\.nansen\.test:\d+$/);
    const { claims } = await hostileLogin(hostileOidcClient(hostile));
    expect(claims).toMatchObject({ sub: 'roald', iss: hostile.issuer });
  });

  it('refuses a login whose ID token signature does not verify', async () => {
    hostile.forgeIdTokens('broken-signature');
    const error = await failureOf(hostileLogin(hostileOidcClient(hostile)));
    expect(error).toMatchObject({ name: 'ClientError', code: 'OAUTH_INVALID_RESPONSE' });
  });

  it('ends the session when a refreshed ID token\'s signature does not verify', async () => {
    const client = hostileOidcClient(hostile);
    const { tokens } = await hostileLogin(client);
    hostile.forgeIdTokens('broken-signature');
    expect(await failureOf(client.refresh(tokens))).toBeInstanceOf(RefreshRefusedError);
  });
});
