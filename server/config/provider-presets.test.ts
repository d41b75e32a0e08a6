import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildUserFromClaims } from '../auth/user-from-claims';
import { loadConfig } from './load-config';
import { addRequiredScopes, findProviderPreset, PROVIDER_PRESETS } from './provider-presets';
import { readClientPrivateKey } from './read-client-private-key';
import { envProblemsOf } from './testing/config-problems';

const CLIENT = { OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 's3cret' };
const ENTRA_ISSUER = 'https://login.microsoftonline.com/3f0e9c2a-6d1b-4c5e-9a7f-2b8d4e6f1a3c/v2.0';

const problemsOf = envProblemsOf;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, { mode: 0o600 });
  return file;
}

describe('OIDC_PROVIDER presets', () => {
  it('is generic by default, keeping the behaviour of a plain OpenID provider', () => {
    const config = loadConfig({ OIDC_ISSUER: 'https://login.example.com', ...CLIENT });
    expect(config.oidc).toMatchObject({ provider: 'generic', providerName: 'your identity provider', scopes: 'openid email profile', userIdClaim: 'email', authorizationParams: {}, tokenParams: {} });
  });

  it('google: Google\'s issuer without OIDC_ISSUER, offline access on a consent screen, named Google', () => {
    const config = loadConfig({ OIDC_PROVIDER: 'google', ...CLIENT });
    expect(config.devIdp.enabled).toBe(false);
    expect(config.oidc).toMatchObject({ issuer: 'https://accounts.google.com', providerName: 'Google', authorizationParams: { access_type: 'offline', prompt: 'consent' } });
    expect(problemsOf({ OIDC_PROVIDER: 'google', OIDC_ISSUER: 'https://login.example.com', ...CLIENT })).toEqual([expect.stringMatching(/^OIDC_ISSUER \(https:\/\/login\.example\.com\) is not Google's/)]);
    // A host that only ends in the same letters is not Google's.
    expect(problemsOf({ OIDC_PROVIDER: 'google', OIDC_ISSUER: 'https://notgoogle.com', ...CLIENT })).toEqual([expect.stringMatching(/^OIDC_ISSUER \(https:\/\/notgoogle\.com\) is not Google's/)]);
    expect(loadConfig({ OIDC_PROVIDER: 'google', OIDC_ISSUER: 'https://google.com', ...CLIENT }).oidc.issuer).toBe('https://google.com');
  });

  it('okta: offline_access added to whatever scopes are configured, once', () => {
    expect(loadConfig({ OIDC_PROVIDER: 'okta', OIDC_ISSUER: 'https://acme.okta.com/oauth2/default', ...CLIENT }).oidc.scopes).toBe('openid email profile offline_access');
    expect(loadConfig({ OIDC_PROVIDER: 'okta', OIDC_ISSUER: 'https://acme.okta.com', OIDC_SCOPES: 'openid offline_access email', ...CLIENT }).oidc.scopes).toBe('openid offline_access email');
    expect(addRequiredScopes('openid', PROVIDER_PRESETS.generic)).toBe('openid');
  });

  it('keycloak: the issuer must be a realm URL, ending at the realm', () => {
    expect(problemsOf({ OIDC_PROVIDER: 'keycloak', OIDC_ISSUER: 'https://kc.example.com/realms/main/protocol', ...CLIENT })).toEqual([
      'OIDC_ISSUER (https://kc.example.com/realms/main/protocol) must be a Keycloak realm URL, such as https://keycloak.example.com/realms/main (Keycloak before version 17: https://keycloak.example.com/auth/realms/main)',
    ]);
    expect(loadConfig({ OIDC_PROVIDER: 'keycloak', OIDC_ISSUER: 'https://kc.example.com/realms/main/', ...CLIENT }).oidc.issuer).toBe('https://kc.example.com/realms/main');
    expect(loadConfig({ OIDC_PROVIDER: 'keycloak', OIDC_ISSUER: 'https://kc.example.com/auth/realms/main', ...CLIENT }).oidc.providerName).toBe('Keycloak');
    expect(problemsOf({ OIDC_PROVIDER: 'keycloak', OIDC_ISSUER: 'https://kc.example.com', ...CLIENT })).toEqual([expect.stringMatching(/must be a Keycloak realm URL, such as https:\/\/keycloak\.example\.com\/realms\/main/)]);
  });

  it('auth0: the issuer gets Auth0\'s trailing slash, OIDC_AUDIENCE is sent and becomes the catalog audience', () => {
    const config = loadConfig({ OIDC_PROVIDER: 'auth0', OIDC_ISSUER: 'https://acme.eu.auth0.com', OIDC_AUDIENCE: 'https://catalog.acme.com', ...CLIENT });
    expect(config.oidc.issuer).toBe('https://acme.eu.auth0.com/');
    expect(config.oidc.scopes).toContain('offline_access');
    // toStrictEqual: an unset parameter is absent, not a key holding undefined (which would be sent as "undefined").
    expect(config.oidc.authorizationParams).toStrictEqual({ audience: 'https://catalog.acme.com' });
    expect(config.oidc.tokenParams).toStrictEqual({});
    expect(config.catalog.tokenAudience).toBe('https://catalog.acme.com');
    expect(loadConfig({ OIDC_PROVIDER: 'auth0', OIDC_ISSUER: 'https://acme.eu.auth0.com/', OIDC_AUDIENCE: 'a', CATALOG_TOKEN_AUDIENCE: 'b', ...CLIENT }).catalog.tokenAudience).toBe('b');
    // Only an origin gets the slash; an issuer with a path is kept as it is.
    expect(loadConfig({ OIDC_PROVIDER: 'auth0', OIDC_ISSUER: 'https://login.acme.com/tenant', ...CLIENT }).oidc.issuer).toBe('https://login.acme.com/tenant');
  });

  it('entra: a tenant\'s v2.0 issuer (not common), preferred_username as the user id, offline_access', () => {
    const config = loadConfig({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: ENTRA_ISSUER, ...CLIENT });
    expect(config.oidc).toMatchObject({ providerName: 'Microsoft Entra ID', userIdClaim: 'preferred_username' });
    expect(config.oidc.scopes).toContain('offline_access');
    expect(loadConfig({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: ENTRA_ISSUER, OIDC_USER_ID_CLAIM: 'email', ...CLIENT }).oidc.userIdClaim).toBe('email');
    expect(problemsOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: 'https://login.microsoftonline.com/common/v2.0', ...CLIENT }).join()).toMatch(/shared "common" endpoint/);
    expect(problemsOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: 'https://login.microsoftonline.com/acme.onmicrosoft.com/v2.0', ...CLIENT }).join()).toMatch(/by its id \(a GUID/);
    expect(problemsOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: 'https://sts.windows.net/3f0e9c2a-6d1b-4c5e-9a7f-2b8d4e6f1a3c/', ...CLIENT }).join()).toMatch(/v2\.0 issuer/);
    // The tenant is the whole path before /v2.0: nothing before it, nothing after.
    for (const issuer of [`${ENTRA_ISSUER}/x`, ENTRA_ISSUER.replace('.com/', '.com/x/')]) {
      expect(problemsOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: issuer, ...CLIENT }), issuer).toEqual([
        `OIDC_ISSUER (${issuer}) must be your tenant's v2.0 issuer, https://login.microsoftonline.com/<tenant id>/v2.0`,
      ]);
    }
  });

  it('OIDC_PROVIDER_NAME is the display name and wins over the preset\'s', () => {
    expect(loadConfig({ OIDC_PROVIDER: 'okta', OIDC_PROVIDER_NAME: 'Acme SSO', OIDC_ISSUER: 'https://acme.okta.com', ...CLIENT }).oidc).toMatchObject({ provider: 'okta', providerName: 'Acme SSO' });
  });

  it('takes flaskoidc\'s FLASK_OIDC_PROVIDER_NAME as the preset, in any case, and its Azure name', () => {
    expect(loadConfig({ FLASK_OIDC_PROVIDER_NAME: 'OKTA', FLASK_OIDC_CONFIG_URL: 'https://acme.okta.com/.well-known/openid-configuration', ...CLIENT }).oidc).toMatchObject({ provider: 'okta', providerName: 'Okta', issuer: 'https://acme.okta.com' });
    expect(findProviderPreset('azure')?.id).toBe('entra');
    expect(problemsOf({ OIDC_PROVIDER: 'okta', FLASK_OIDC_PROVIDER_NAME: 'google', OIDC_ISSUER: 'https://acme.okta.com', ...CLIENT }).join()).toMatch(/OIDC_PROVIDER and its alias FLASK_OIDC_PROVIDER_NAME/);
  });

  it('names the variable that was set when the provider is unknown, and where the display name goes', () => {
    expect(problemsOf({ FLASK_OIDC_PROVIDER_NAME: 'Acme Login', OIDC_ISSUER: 'https://login.acme.com', ...CLIENT })).toEqual([
      'FLASK_OIDC_PROVIDER_NAME (the alias of OIDC_PROVIDER) is "Acme Login"; it must be one of generic, google, okta, keycloak, auth0, entra (generic for any other OpenID provider). The name shown on login pages is OIDC_PROVIDER_NAME',
    ]);
    expect(problemsOf({ OIDC_PROVIDER: 'ping', OIDC_ISSUER: 'https://login.acme.com', ...CLIENT })).toEqual([
      'OIDC_PROVIDER is "ping"; it must be one of generic, google, okta, keycloak, auth0, entra (generic for any other OpenID provider)',
    ]);
  });

  it('finds a preset by a name with spaces around it, and adds required scopes to a list with runs of spaces once each', () => {
    expect(findProviderPreset(' Okta ')?.id).toBe('okta');
    expect(addRequiredScopes('openid  email ', PROVIDER_PRESETS.okta)).toBe('openid email offline_access');
  });

  it('needs an issuer for presets other than generic and google', () => {
    expect(problemsOf({ OIDC_PROVIDER: 'okta', ...CLIENT }).join()).toMatch(/OIDC_ISSUER is required with OIDC_PROVIDER=okta/);
  });

  it('keeps an origin-only issuer as written and strips a path issuer\'s slash', () => {
    expect(loadConfig({ OIDC_ISSUER: 'https://idp.example.com/', ...CLIENT }).oidc.issuer).toBe('https://idp.example.com/');
    expect(loadConfig({ OIDC_ISSUER: 'https://idp.example.com', ...CLIENT }).oidc.issuer).toBe('https://idp.example.com');
    expect(loadConfig({ OIDC_ISSUER: 'https://idp.example.com/tenant/.well-known/openid-configuration', ...CLIENT }).oidc.issuer).toBe('https://idp.example.com/tenant');
    expect(problemsOf({ OIDC_ISSUER: 'idp.example.com', ...CLIENT })[0]).toMatch(/^OIDC_ISSUER must be an absolute http\(s\) URL/);
  });
});

describe('what each preset sets', () => {
  // Written out, not taken from provider-presets.ts: these are the settings an operator reads in the README.
  const STANDARD_CLAIMS = {
    first_name: ['given_name'],
    last_name: ['family_name'],
    full_name: ['name'],
    display_name: ['name', 'preferred_username'],
    email: ['email'],
    profile_url: ['profile'],
  };
  const settingsOf = (env: Record<string, string>) => {
    const { provider, providerName, issuer, scopes, authorizationParams, userIdClaim, claims } = loadConfig({ ...env, ...CLIENT }).oidc;
    return { provider, providerName, issuer, scopes, authorizationParams, userIdClaim, claimMap: claims.map, groupsClaim: claims.groupsClaim };
  };

  it.each<{ env: Record<string, string>; expected: ReturnType<typeof settingsOf> }>([
    {
      env: { OIDC_ISSUER: 'https://login.example.com' },
      expected: { provider: 'generic', providerName: 'your identity provider', issuer: 'https://login.example.com', scopes: 'openid email profile', authorizationParams: {}, userIdClaim: 'email', claimMap: STANDARD_CLAIMS, groupsClaim: 'groups' },
    },
    {
      env: { OIDC_PROVIDER: 'google' },
      expected: {
        provider: 'google', providerName: 'Google', issuer: 'https://accounts.google.com', scopes: 'openid email profile',
        authorizationParams: { access_type: 'offline', prompt: 'consent' }, userIdClaim: 'email',
        claimMap: { ...STANDARD_CLAIMS, display_name: ['name', 'email'] }, groupsClaim: undefined,
      },
    },
    {
      env: { OIDC_PROVIDER: 'okta', OIDC_ISSUER: 'https://acme.okta.com/oauth2/default' },
      expected: { provider: 'okta', providerName: 'Okta', issuer: 'https://acme.okta.com/oauth2/default', scopes: 'openid email profile offline_access', authorizationParams: {}, userIdClaim: 'email', claimMap: STANDARD_CLAIMS, groupsClaim: 'groups' },
    },
    {
      env: { OIDC_PROVIDER: 'keycloak', OIDC_ISSUER: 'https://kc.example.com/realms/main' },
      expected: { provider: 'keycloak', providerName: 'Keycloak', issuer: 'https://kc.example.com/realms/main', scopes: 'openid email profile', authorizationParams: {}, userIdClaim: 'email', claimMap: STANDARD_CLAIMS, groupsClaim: 'groups' },
    },
    {
      env: { OIDC_PROVIDER: 'auth0', OIDC_ISSUER: 'https://acme.eu.auth0.com' },
      expected: {
        provider: 'auth0', providerName: 'Auth0', issuer: 'https://acme.eu.auth0.com/', scopes: 'openid email profile offline_access', authorizationParams: {}, userIdClaim: 'email',
        claimMap: { ...STANDARD_CLAIMS, display_name: ['name', 'nickname'] }, groupsClaim: undefined,
      },
    },
    {
      env: { OIDC_PROVIDER: 'entra', OIDC_ISSUER: ENTRA_ISSUER },
      expected: {
        provider: 'entra', providerName: 'Microsoft Entra ID', issuer: ENTRA_ISSUER, scopes: 'openid email profile offline_access', authorizationParams: {}, userIdClaim: 'preferred_username',
        claimMap: { ...STANDARD_CLAIMS, email: ['email', 'preferred_username', 'upn'], display_name: ['name', 'preferred_username'] }, groupsClaim: 'groups',
      },
    },
  ])('$expected.provider: name, issuer, scopes, parameters, user id, claims and groups claim', ({ env, expected }) => {
    expect(settingsOf(env)).toEqual(expected);
  });

  it('fills the user\'s fields by the preset\'s claims when the usual claim is missing', () => {
    const userOf = (env: Record<string, string>, claims: Record<string, unknown>) => buildUserFromClaims(claims, loadConfig({ ...env, ...CLIENT }).oidc.claims);
    // Auth0: the nickname when there is no name.
    const auth0 = userOf({ OIDC_PROVIDER: 'auth0', OIDC_ISSUER: 'https://acme.eu.auth0.com' }, { email: 'ada@acme.com', nickname: 'ada' });
    expect(auth0.display_name).toBe('ada');
    // Entra: no email claim without the optional claim; the UPN is the user id and the email.
    const entra = userOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: ENTRA_ISSUER }, { preferred_username: 'ada@acme.onmicrosoft.com', name: 'Ada Lovelace' });
    expect([entra.user_id, entra.email, entra.display_name]).toEqual(['ada@acme.onmicrosoft.com', 'ada@acme.onmicrosoft.com', 'Ada Lovelace']);
    const entraUpn = userOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: ENTRA_ISSUER }, { preferred_username: 'ada', upn: 'ada@acme.onmicrosoft.com' });
    expect([entraUpn.email, entraUpn.display_name]).toEqual(['ada@acme.onmicrosoft.com', 'ada']);
    // Any provider: the standard OpenID claims.
    const generic = userOf({ OIDC_ISSUER: 'https://login.example.com' }, {
      email: 'ada@acme.com', given_name: 'Ada', family_name: 'Lovelace', name: 'Ada King', preferred_username: 'ada', profile: 'https://acme.com/ada',
    });
    expect([generic.first_name, generic.last_name, generic.full_name, generic.display_name, generic.email, generic.profile_url]).toEqual(['Ada', 'Lovelace', 'Ada King', 'Ada King', 'ada@acme.com', 'https://acme.com/ada']);
    expect(userOf({ OIDC_ISSUER: 'https://login.example.com' }, { email: 'ada@acme.com', preferred_username: 'ada' }).display_name).toBe('ada');
  });

  it.each([
    ['azure', 'entra'],
    ['AzureAD', 'entra'],
    ['azure-ad', 'entra'],
    ['Microsoft', 'entra'],
    ['entra-id', 'entra'],
    ['oidc', 'generic'],
  ])('takes flaskoidc\'s provider name %s as the %s preset', (name, provider) => {
    expect(loadConfig({ FLASK_OIDC_PROVIDER_NAME: name, OIDC_ISSUER: ENTRA_ISSUER, ...CLIENT }).oidc.provider).toBe(provider);
  });
});

describe('the issuer checks of google and entra', () => {
  it.each(['common', 'organizations', 'consumers', 'Consumers'])('entra: refuses the shared "%s" endpoint', (tenant) => {
    const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
    expect(problemsOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: issuer, ...CLIENT })).toEqual([
      `OIDC_ISSUER (${issuer}) names the shared "${tenant}" endpoint, whose ID tokens carry each user's own tenant as issuer: use https://login.microsoftonline.com/<your tenant id>/v2.0`,
    ]);
  });

  it('entra: the tenant must be a GUID and nothing more, with nothing before it or after it', () => {
    const guid = '3f0e9c2a-6d1b-4c5e-9a7f-2b8d4e6f1a3c';
    for (const tenant of [`x${guid}`, `${guid}x`, 'acme.onmicrosoft.com']) {
      const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
      expect(problemsOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: issuer, ...CLIENT }), tenant).toEqual([
        `OIDC_ISSUER (${issuer}) should name your tenant by its id (a GUID, shown as "Directory (tenant) ID" in the Entra admin center): ID tokens carry the id, not the domain`,
      ]);
    }
    const upper = `https://login.microsoftonline.com/${guid.toUpperCase()}/v2.0`;
    expect(loadConfig({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: upper, ...CLIENT }).oidc.issuer).toBe(upper);
  });

  it('takes a local test provider (loopback) for google and for an entra tenant named otherwise, and refuses the same off this machine', () => {
    expect(loadConfig({ OIDC_PROVIDER: 'google', OIDC_ISSUER: 'http://localhost:8080', ...CLIENT }).oidc.issuer).toBe('http://localhost:8080');
    expect(loadConfig({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: 'http://127.0.0.1:8080/tenant/v2.0', ...CLIENT }).oidc.issuer).toBe('http://127.0.0.1:8080/tenant/v2.0');
    expect(problemsOf({ OIDC_PROVIDER: 'google', OIDC_ISSUER: 'https://login.example.com', ...CLIENT })).toEqual([
      'OIDC_ISSUER (https://login.example.com) is not Google\'s: with OIDC_PROVIDER=google leave OIDC_ISSUER unset (https://accounts.google.com), or choose the preset of your provider',
    ]);
    expect(problemsOf({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: 'https://login.example.com/tenant/v2.0', ...CLIENT })).toEqual([
      'OIDC_ISSUER (https://login.example.com/tenant/v2.0) should name your tenant by its id (a GUID, shown as "Directory (tenant) ID" in the Entra admin center): ID tokens carry the id, not the domain',
    ]);
  });
});

describe('OIDC_AUDIENCE and OIDC_RESOURCE', () => {
  it('sends the resource with the authorization and token requests, and takes it as the catalog audience', () => {
    const config = loadConfig({ OIDC_ISSUER: 'https://login.example.com', OIDC_RESOURCE: 'https://catalog.example.com', ...CLIENT });
    expect(config.oidc.authorizationParams).toStrictEqual({ resource: 'https://catalog.example.com' });
    expect(config.oidc.tokenParams).toStrictEqual({ resource: 'https://catalog.example.com' });
    expect(config.catalog.tokenAudience).toBe('https://catalog.example.com');
  });

  it.each(['catalog', 'https://catalog.example.com/#api'])('refuses %s as a resource (an absolute URI without fragment)', (resource) => {
    expect(problemsOf({ OIDC_RESOURCE: resource })).toEqual([expect.stringMatching(/^OIDC_RESOURCE must be an absolute URI without a fragment \(RFC 8707\)/)]);
  });
});

describe('OIDC_LOGOUT_ID_TOKEN_HINT (decision 049)', () => {
  const issuers: Record<string, string> = {
    generic: 'https://login.example.com', google: 'https://accounts.google.com', okta: 'https://acme.okta.com/oauth2/default',
    keycloak: 'https://kc.example.com/realms/main', auth0: 'https://acme.eu.auth0.com/', entra: ENTRA_ISSUER,
  };
  const logoutOf = (env: Record<string, string>) => loadConfig({ ...CLIENT, ...env }).oidc.logout;

  it('sends no ID token by default; Okta, which refuses a logout without one, gets it in a POSTed form; Auth0 gets the sid as logout_hint', () => {
    const defaults = Object.fromEntries(Object.entries(issuers).map(([preset, issuer]) => [preset, logoutOf({ OIDC_PROVIDER: preset, OIDC_ISSUER: issuer })]));
    expect(defaults).toEqual({
      generic: { idTokenHint: 'none', sidAsLogoutHint: false },
      google: { idTokenHint: 'none', sidAsLogoutHint: false },
      okta: { idTokenHint: 'form_post', sidAsLogoutHint: false },
      keycloak: { idTokenHint: 'none', sidAsLogoutHint: false },
      auth0: { idTokenHint: 'none', sidAsLogoutHint: true },
      entra: { idTokenHint: 'none', sidAsLogoutHint: false },
    });
    // The development provider ends its session without asking for the sid, as Auth0 does.
    expect(loadConfig({}).oidc.logout).toEqual({ idTokenHint: 'none', sidAsLogoutHint: true });
  });

  it('takes form_post for a provider that asks before logging out without the ID token (Keycloak), and refuses what cannot work, naming the setting', () => {
    expect(logoutOf({ OIDC_PROVIDER: 'keycloak', OIDC_ISSUER: issuers.keycloak!, OIDC_LOGOUT_ID_TOKEN_HINT: 'form_post' })).toEqual({ idTokenHint: 'form_post', sidAsLogoutHint: false });
    expect(logoutOf({ OIDC_ISSUER: issuers.generic!, OIDC_LOGOUT_ID_TOKEN_HINT: 'none' }).idTokenHint).toBe('none');
    expect(problemsOf({ OIDC_ISSUER: issuers.generic!, OIDC_LOGOUT_ID_TOKEN_HINT: 'query', ...CLIENT })).toEqual([
      expect.stringMatching(/^OIDC_LOGOUT_ID_TOKEN_HINT must be none \(log out at the provider without the ID token\) or form_post \(.*never in a URL\); it is "query"$/),
    ]);
    expect(problemsOf({ OIDC_LOGOUT_ID_TOKEN_HINT: 'form_post' })).toEqual([expect.stringMatching(/^OIDC_LOGOUT_ID_TOKEN_HINT=form_post needs your own provider \(OIDC_ISSUER\)/)]);
    expect(problemsOf({ OIDC_PROVIDER: 'okta', OIDC_ISSUER: issuers.okta!, OIDC_LOGOUT_ID_TOKEN_HINT: 'none', ...CLIENT })).toEqual([
      expect.stringMatching(/^OIDC_LOGOUT_ID_TOKEN_HINT=none cannot end the Okta session: Okta's logout refuses a request without id_token_hint/),
    ]);
  });
});

describe('client authentication', () => {
  it('is client_secret_basic by default and takes client_secret_post', () => {
    expect(loadConfig({}).oidc.clientAuth).toEqual({ method: 'client_secret_basic' });
    expect(loadConfig({ OIDC_ISSUER: 'https://idp.example.com', OIDC_CLIENT_AUTH_METHOD: 'client_secret_post', ...CLIENT }).oidc.clientAuth).toEqual({ method: 'client_secret_post' });
    expect(problemsOf({ OIDC_CLIENT_AUTH_METHOD: 'client_secret_jwt' })[0]).toMatch(/^OIDC_CLIENT_AUTH_METHOD must be one of client_secret_basic, client_secret_post, private_key_jwt/);
  });

  it('private_key_jwt: reads and checks the key at start-up, needs no client secret', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const file = writeFile('ec.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const config = loadConfig({ OIDC_ISSUER: 'https://idp.example.com', OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt', OIDC_CLIENT_PRIVATE_KEY_FILE: file, OIDC_CLIENT_PRIVATE_KEY_ID: 'k1' });
    expect(config.oidc.clientAuth).toMatchObject({ method: 'private_key_jwt', privateKey: { alg: 'ES256', kid: 'k1' } });
    // The key never shows up when the config is printed.
    expect(JSON.stringify(config)).not.toContain('PRIVATE KEY');
  });

  it('private_key_jwt: names each problem with the key and the secret', () => {
    const base = { OIDC_ISSUER: 'https://idp.example.com', OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt' };
    expect(problemsOf(base)).toEqual([expect.stringMatching(/^OIDC_CLIENT_PRIVATE_KEY_FILE is required with OIDC_CLIENT_AUTH_METHOD=private_key_jwt/)]);
    expect(problemsOf({ ...base, OIDC_CLIENT_PRIVATE_KEY_FILE: path.join(dir, 'missing.pem') })).toEqual([expect.stringMatching(/^OIDC_CLIENT_PRIVATE_KEY_FILE \(.*missing\.pem\) cannot be read \(ENOENT\)/)]);
    expect(problemsOf({ ...base, OIDC_CLIENT_PRIVATE_KEY_FILE: writeFile('k.pem', 'hello'), OIDC_CLIENT_SECRET: 'x' })).toEqual([
      expect.stringMatching(/holds no private key/),
      expect.stringMatching(/^OIDC_CLIENT_SECRET is set but OIDC_CLIENT_AUTH_METHOD=private_key_jwt/),
    ]);
    expect(problemsOf({ OIDC_ISSUER: 'https://idp.example.com', ...CLIENT, OIDC_CLIENT_PRIVATE_KEY_FILE: 'k.pem' })).toEqual([expect.stringMatching(/^OIDC_CLIENT_PRIVATE_KEY_FILE is set but OIDC_CLIENT_AUTH_METHOD is client_secret_basic/)]);
    expect(problemsOf({ OIDC_CLIENT_AUTH_METHOD: 'client_secret_post' })).toEqual([expect.stringMatching(/needs your own provider \(OIDC_ISSUER\)/)]);
  });
});

describe('readClientPrivateKey', () => {
  it('takes RSA, EC and Ed25519 PEM keys and a private JWK, with its kid', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(readClientPrivateKey(writeFile('rsa.pem', rsa.export({ type: 'pkcs1', format: 'pem' }).toString()), undefined)).toMatchObject({ alg: 'RS256', kid: undefined });
    const ed = generateKeyPairSync('ed25519').privateKey;
    expect(readClientPrivateKey(writeFile('ed.pem', ed.export({ type: 'pkcs8', format: 'pem' }).toString()), undefined)).toMatchObject({ alg: 'EdDSA' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(readClientPrivateKey(writeFile('ec.jwk', JSON.stringify({ ...ec.export({ format: 'jwk' }), kid: 'jwk-kid' })), undefined)).toMatchObject({ alg: 'ES384', kid: 'jwk-kid' });
    expect(readClientPrivateKey(writeFile('ec2.jwk', JSON.stringify({ ...ec.export({ format: 'jwk' }), kid: 'jwk-kid' })), 'env-kid')).toMatchObject({ kid: 'env-kid' });
  });

  it('refuses a public JWK, a weak RSA key and a broken PEM, saying why', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(readClientPrivateKey(writeFile('pub.jwk', JSON.stringify(publicKey.export({ format: 'jwk' }))), undefined)).toMatch(/holds a public JWK/);
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(readClientPrivateKey(writeFile('weak.pem', weak.export({ type: 'pkcs8', format: 'pem' }).toString()), undefined)).toMatch(/is a rsa key Nansen cannot sign with: use RSA \(2048 bits or more\)/);
    expect(readClientPrivateKey(writeFile('broken.pem', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'), undefined)).toMatch(/is not a readable private key/);
  });

  it('with the certificate in the file, adds its thumbprints for the assertion header (Entra ID), and refuses a certificate of another key', () => {
    const keyFile = path.join(dir, 'cert-key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=nansen'], { stdio: 'ignore' });
    const combined = writeFile('combined.pem', fs.readFileSync(keyFile, 'utf8') + fs.readFileSync(certFile, 'utf8'));
    const key = readClientPrivateKey(combined, undefined);
    expect(key).toMatchObject({ alg: 'RS256', x5t: expect.stringMatching(/^[\w-]{27}$/), x5tS256: expect.stringMatching(/^[\w-]{43}$/) });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(readClientPrivateKey(writeFile('mismatch.pem', other + fs.readFileSync(certFile, 'utf8')), undefined)).toMatch(/certificate that does not belong to its private key/);
  });
});

describe('TRUST_PROXY', () => {
  it('keeps today\'s behaviour by default: a local or private-network proxy with an https PUBLIC_URL, none on http', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://catalog.example.com' }).http.trustProxy).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(loadConfig({}).http.trustProxy).toBe(false);
  });

  it('takes true, false, a number of hops, and addresses or ranges', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 2001:db8::1, Loopback' }).http.trustProxy).toEqual(['10.0.0.0/8', '2001:db8::1', 'loopback']);
  });

  it('names what is not an address, and refuses to leave an https PUBLIC_URL without a trusted proxy', () => {
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33,proxy.internal' })).toEqual([expect.stringMatching(/^TRUST_PROXY must be .*; not an address or range: 10\.0\.0\.0\/33, proxy\.internal; it is "10\.0\.0\.0\/33,proxy\.internal"$/)]);
    expect(problemsOf({ PUBLIC_URL: 'https://catalog.example.com', TRUST_PROXY: 'false' })).toEqual([expect.stringMatching(/^TRUST_PROXY=false with an https PUBLIC_URL/)]);
  });
});
