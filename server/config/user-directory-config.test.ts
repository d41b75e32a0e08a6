import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { envProblemsOf } from './testing/config-problems';

const CLIENT = { OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 's3cret' };

const problemsOf = envProblemsOf;

describe('USER_DIRECTORY', () => {
  it('is none by default, with a cache of an hour and 10,000 people and a 2 s timeout', () => {
    expect(loadConfig({}).userDirectory).toEqual({ source: { kind: 'none' }, cacheTtlMs: 3_600_000, cacheSize: 10_000, timeoutMs: 2000 });
    expect(loadConfig({ USER_DIRECTORY_CACHE_TTL_SECONDS: '60', USER_DIRECTORY_CACHE_SIZE: '5', USER_DIRECTORY_TIMEOUT_MS: '500' }).userDirectory).toMatchObject({ cacheTtlMs: 60_000, cacheSize: 5, timeoutMs: 500 });
  });

  it('okta: the org URL from its own setting, or the okta preset\'s issuer origin; an API token, or the user\'s token with okta.users.read from the org authorization server', () => {
    const withToken = loadConfig({ USER_DIRECTORY: 'okta', USER_DIRECTORY_OKTA_ORG_URL: 'https://acme.okta.com', USER_DIRECTORY_OKTA_API_TOKEN: 't', OIDC_PROVIDER: 'okta', OIDC_ISSUER: 'https://acme.okta.com/oauth2/default', ...CLIENT });
    expect(withToken.userDirectory.source).toEqual({ kind: 'okta', orgUrl: 'https://acme.okta.com', apiToken: 't' });
    // With an API token the user's token needs no directory scope.
    expect(withToken.oidc.scopes).toBe('openid email profile offline_access');
    // The org authorization server written with trailing slashes is still the org's.
    const slashes = loadConfig({ USER_DIRECTORY: 'okta', OIDC_PROVIDER: 'okta', OIDC_ISSUER: 'https://acme.okta.com//', ...CLIENT });
    expect(slashes.oidc.scopes).toBe('openid email profile offline_access okta.users.read');
    const orgServer = loadConfig({ USER_DIRECTORY: 'okta', OIDC_PROVIDER: 'okta', OIDC_ISSUER: 'https://acme.okta.com', ...CLIENT });
    expect(orgServer.userDirectory.source).toEqual({ kind: 'okta', orgUrl: 'https://acme.okta.com', apiToken: undefined });
    expect(orgServer.oidc.scopes.split(' ')).toContain('okta.users.read');
    expect(problemsOf({ USER_DIRECTORY: 'okta', OIDC_PROVIDER: 'okta', OIDC_ISSUER: 'https://acme.okta.com/oauth2/default', ...CLIENT })).toEqual([
      expect.stringMatching(/only when OIDC_ISSUER is the org authorization server \(https:\/\/acme\.okta\.com\), not a custom one: set USER_DIRECTORY_OKTA_API_TOKEN/),
    ]);
    expect(problemsOf({ USER_DIRECTORY: 'okta', OIDC_ISSUER: 'https://login.example.com', ...CLIENT })).toEqual([expect.stringMatching(/^USER_DIRECTORY_OKTA_ORG_URL is required with USER_DIRECTORY=okta/)]);
  });

  it('google: only with the google preset, adding the directory.readonly scope', () => {
    expect(loadConfig({ USER_DIRECTORY: 'google', OIDC_PROVIDER: 'google', ...CLIENT }).oidc.scopes).toBe('openid email profile https://www.googleapis.com/auth/directory.readonly');
    // Already asked for: not added twice.
    const asked = 'openid https://www.googleapis.com/auth/directory.readonly email';
    expect(loadConfig({ USER_DIRECTORY: 'google', OIDC_PROVIDER: 'google', OIDC_SCOPES: asked, ...CLIENT }).oidc.scopes).toBe(asked);
    expect(problemsOf({ USER_DIRECTORY: 'google', OIDC_ISSUER: 'https://login.example.com', ...CLIENT })).toEqual([expect.stringMatching(/needs OIDC_PROVIDER=google/)]);
  });

  it('scim: a base URL and a token, userName by default', () => {
    const scim = loadConfig({ USER_DIRECTORY: 'scim', USER_DIRECTORY_SCIM_URL: 'https://scim.example.com/v2/', USER_DIRECTORY_SCIM_TOKEN: 'tok' });
    expect(scim.userDirectory.source).toEqual({ kind: 'scim', baseUrl: 'https://scim.example.com/v2', token: 'tok', attribute: 'userName' });
    expect(scim.oidc.scopes).toBe('openid email profile');
    expect(problemsOf({ USER_DIRECTORY: 'scim' })).toEqual([expect.stringMatching(/^USER_DIRECTORY_SCIM_URL is required/), expect.stringMatching(/^USER_DIRECTORY_SCIM_TOKEN is required/)]);
  });

  it('module: a file that exists', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-dir-')), 'people.ts');
    fs.writeFileSync(file, 'export const getUserDetails = () => null;');
    const config = loadConfig({ USER_DIRECTORY: 'module', USER_DIRECTORY_MODULE: file });
    expect(config.userDirectory.source).toEqual({ kind: 'module', file });
    expect(config.oidc.scopes).toBe('openid email profile');
    expect(problemsOf({ USER_DIRECTORY: 'module', USER_DIRECTORY_MODULE: `${file}.missing` })).toEqual([expect.stringMatching(/people\.ts\.missing\) does not exist/)]);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('names a setting for another directory than the one chosen, and an unknown directory', () => {
    expect(problemsOf({ USER_DIRECTORY_SCIM_URL: 'https://scim.example.com' })).toEqual(['USER_DIRECTORY_SCIM_URL is set but USER_DIRECTORY is none: set USER_DIRECTORY=scim to use it, or remove it']);
    expect(problemsOf({ USER_DIRECTORY: 'ldap' })).toEqual([expect.stringMatching(/^USER_DIRECTORY must be one of none, okta, google, scim, module/)]);
  });

  it('names each setting of another directory, and only what a half-set directory lacks', () => {
    for (const [name, kind] of [
      ['USER_DIRECTORY_OKTA_ORG_URL', 'okta'], ['USER_DIRECTORY_OKTA_API_TOKEN', 'okta'], ['USER_DIRECTORY_SCIM_URL', 'scim'],
      ['USER_DIRECTORY_SCIM_TOKEN', 'scim'], ['USER_DIRECTORY_MODULE', 'module'],
    ] as const) {
      expect(problemsOf({ USER_DIRECTORY: 'none', [name]: 'https://x.example.com' }), name).toEqual([`${name} is set but USER_DIRECTORY is none: set USER_DIRECTORY=${kind} to use it, or remove it`]);
    }
    expect(problemsOf({ USER_DIRECTORY: 'scim', USER_DIRECTORY_SCIM_URL: 'https://scim.example.com' })).toEqual([expect.stringMatching(/^USER_DIRECTORY_SCIM_TOKEN is required/)]);
    expect(problemsOf({ USER_DIRECTORY: 'scim', USER_DIRECTORY_SCIM_TOKEN: 'tok' })).toEqual([expect.stringMatching(/^USER_DIRECTORY_SCIM_URL is required/)]);
    expect(problemsOf({ USER_DIRECTORY: 'module' })).toEqual(['USER_DIRECTORY_MODULE is required with USER_DIRECTORY=module: the path of a JS or TS module exporting getUserDetails(userId, context)']);
  });

  it('google: the People API address may be set (for a stand-in)', () => {
    expect(loadConfig({ USER_DIRECTORY: 'google', OIDC_PROVIDER: 'google', USER_DIRECTORY_GOOGLE_API_URL: 'http://127.0.0.1:9/people', ...CLIENT }).userDirectory.source)
      .toEqual({ kind: 'google', apiUrl: 'http://127.0.0.1:9/people' });
  });
});

