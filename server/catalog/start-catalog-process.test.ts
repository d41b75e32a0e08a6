import { describe, expect, it } from 'vitest';
import { catalogProcessEnv } from './start-catalog-process';

describe('the environment of the catalog process', () => {
  it('keeps ordinary settings and drops every secret the BFF holds', () => {
    const env = catalogProcessEnv({
      PATH: '/usr/bin',
      NODE_ENV: 'production',
      DATA_DIR: '/var/lib/nansen',
      CATALOG_TOKEN_AUDIENCE: 'api://catalog',
      SESSION_SECRET: 's'.repeat(32),
      SESSION_SECRETS: 'a,b',
      OIDC_CLIENT_SECRET: 'client-secret',
      FLASK_OIDC_CLIENT_SECRET: 'flask-secret',
      OIDC_CLIENT_PRIVATE_KEY_FILE: '/keys/client.pem',
      REDIS_URL: 'redis://:password@redis:6379',
      USER_DIRECTORY_SCIM_TOKEN: 'scim',
      USER_DIRECTORY_OKTA_API_TOKEN: 'okta',
    });
    expect(env).toEqual({ PATH: '/usr/bin', NODE_ENV: 'production', DATA_DIR: '/var/lib/nansen', CATALOG_TOKEN_AUDIENCE: 'api://catalog' });
  });
});
