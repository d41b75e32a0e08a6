// What the OIDC client sends to the provider's token and revocation endpoints: the client's credentials
// by each method a setup may choose (OIDC_CLIENT_AUTH_METHOD), the setup's token parameters on the code
// exchange and on every refresh, and the kind of token it revokes.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hostileLogin, hostileOidcClient } from '../testing/hostile-oidc-client';
import { HOSTILE_CLIENT, type HostileIdp, startHostileIdp } from '../testing/start-hostile-idp';

describe('the OIDC client\'s requests to the provider', () => {
  let hostile: HostileIdp;
  beforeAll(async () => {
    hostile = await startHostileIdp();
  });
  afterAll(() => hostile.close());
  afterEach(() => hostile.reset());

  const lastTokenRequest = () => hostile.requestsTo('/token').at(-1)!;
  /** The client id and secret of an HTTP Basic header (each form-urlencoded first, RFC 6749 §2.3.1). */
  const basicCredentials = (header: string | undefined) => {
    const [scheme, encoded] = (header ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return undefined;
    return Buffer.from(encoded, 'base64').toString().split(':').map((part) => decodeURIComponent(part));
  };
  const registered = [HOSTILE_CLIENT.clientId, HOSTILE_CLIENT.clientSecret];

  it('authenticate the client with HTTP Basic by default, on the code exchange and on a refresh', async () => {
    const client = hostileOidcClient(hostile);
    const { tokens } = await hostileLogin(client);
    expect(basicCredentials(lastTokenRequest().headers.authorization)).toEqual(registered);
    expect(lastTokenRequest().form.get('client_secret')).toBeNull();
    await client.refresh(tokens);
    expect(lastTokenRequest().form.get('grant_type')).toBe('refresh_token');
    expect(basicCredentials(lastTokenRequest().headers.authorization)).toEqual(registered);
  });

  it('send the client secret in the form with client_secret_post', async () => {
    await hostileLogin(hostileOidcClient(hostile, { clientAuth: { method: 'client_secret_post' } }));
    expect(lastTokenRequest().headers.authorization).toBeUndefined();
    expect(lastTokenRequest().form.get('client_id')).toBe(HOSTILE_CLIENT.clientId);
    expect(lastTokenRequest().form.get('client_secret')).toBe(HOSTILE_CLIENT.clientSecret);
  });

  it('sign a client assertion with the private key, naming it by kid and certificate thumbprints (Entra ID)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const x5t = createHash('sha1').update('a certificate').digest('base64url');
    const x5tS256 = createHash('sha256').update('a certificate').digest('base64url');
    const privateKeyJwt = (kid: string | undefined, thumbprints: boolean) =>
      hostileOidcClient(hostile, {
        clientSecret: '',
        clientAuth: { method: 'private_key_jwt', privateKey: { key: privateKey, alg: 'PS256', kid, x5t: thumbprints ? x5t : undefined, x5tS256: thumbprints ? x5tS256 : undefined } },
      });

    await hostileLogin(privateKeyJwt('key-1', true));
    const { form, headers } = lastTokenRequest();
    expect(headers.authorization).toBeUndefined();
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = form.get('client_assertion')!;
    const { payload } = await jwtVerify(assertion, await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'PS256'), {
      issuer: HOSTILE_CLIENT.clientId,
      subject: HOSTILE_CLIENT.clientId,
    });
    expect(payload.aud).toBeDefined();
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'PS256', kid: 'key-1', x5t, 'x5t#S256': x5tS256 });

    await hostileLogin(privateKeyJwt(undefined, false));
    expect(decodeProtectedHeader(lastTokenRequest().form.get('client_assertion')!)).toEqual({ alg: 'PS256' });
  });

  it('send the setup\'s token parameters (OIDC_RESOURCE) on the code exchange and on every refresh', async () => {
    const client = hostileOidcClient(hostile, { tokenParams: { resource: 'urn:nansen:catalog' } });
    const { tokens } = await hostileLogin(client);
    expect(lastTokenRequest().form.get('resource')).toBe('urn:nansen:catalog');
    await client.refresh(tokens);
    expect(lastTokenRequest().form.get('resource')).toBe('urn:nansen:catalog');
  });

  it('revoke a refresh token saying it is one, where the provider has a revocation endpoint', async () => {
    hostile.overrideDiscovery({ revocation_endpoint: `${hostile.issuer}/revoke` });
    expect(await hostileOidcClient(hostile).revoke('a-refresh-token')).toBe('revoked');
    const [revocation] = hostile.requestsTo('/revoke');
    expect(Object.fromEntries(revocation!.form)).toEqual({ token: 'a-refresh-token', token_type_hint: 'refresh_token' });
    expect(basicCredentials(revocation!.headers.authorization)).toEqual(registered);
  });
});
