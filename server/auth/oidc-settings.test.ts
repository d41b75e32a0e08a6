// The one mapping from the validated Config to the OIDC client's settings (main.ts and the preset stacks use it).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config';
import { toOidcSettings } from './oidc-settings';

describe('the OIDC client\'s settings', () => {
  const config = loadConfig({
    OIDC_ISSUER: 'https://login.example.com/realms/main',
    OIDC_CLIENT_ID: 'nansen',
    OIDC_CLIENT_SECRET: 'from-the-environment',
    OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG: 'ES256',
    OIDC_CLIENT_AUTH_METHOD: 'client_secret_post',
    OIDC_AUDIENCE: 'urn:nansen:catalog',
    OIDC_RESOURCE: 'https://catalog.example.com',
    PUBLIC_URL: 'https://nansen.example.com',
  });

  it('are the validated config\'s, with the issuer and secret in use', () => {
    expect(toOidcSettings(config, { issuer: 'https://login.example.com/realms/main', clientSecret: 'in-use' })).toEqual({
      issuer: 'https://login.example.com/realms/main',
      clientId: 'nansen',
      clientSecret: 'in-use',
      redirectUri: config.oidc.redirectUri,
      postLogoutRedirectUri: config.oidc.postLogoutRedirectUri,
      scopes: config.oidc.scopes,
      idTokenSigningAlg: 'ES256',
      clientAuth: { method: 'client_secret_post' },
      authorizationParams: config.oidc.authorizationParams,
      tokenParams: { resource: 'https://catalog.example.com' },
      logout: { idTokenHint: 'none', sidAsLogoutHint: false },
    });
    expect(config.oidc.authorizationParams).toMatchObject({ audience: 'urn:nansen:catalog', resource: 'https://catalog.example.com' });
  });

  it('take the development provider\'s signing algorithm when it runs', () => {
    expect(toOidcSettings(config, { issuer: 'http://127.0.0.1:5003', clientSecret: 'dev', idTokenSigningAlg: 'PS256' })).toMatchObject({ issuer: 'http://127.0.0.1:5003', idTokenSigningAlg: 'PS256' });
  });
});
