import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopbackUrl, ordinal } from './config-schema';
import { loadConfig } from './load-config';
import { showSettingValue } from './show-setting-value';
import { envProblemsOf } from './testing/config-problems';

const problemsOf = envProblemsOf;

describe('each environment variable', () => {
  it.each([
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be development, production or test'],
    [{ PORT: 'eighty' }, 'PORT must be a port number (1-65535)'],
    [{ PORT: '80.5' }, 'PORT must be a whole port number (1-65535)'],
    [{ PORT: '0' }, 'PORT must be a port number between 1 and 65535'],
    [{ DEV_IDP_PORT: '65536' }, 'DEV_IDP_PORT must be a port number between 1 and 65535'],
    [{ CATALOG_METADATA_PORT: 'x' }, 'CATALOG_METADATA_PORT must be a port number (1-65535)'],
    [{ CATALOG_SEARCH_PORT: '-1' }, 'CATALOG_SEARCH_PORT must be a port number between 1 and 65535'],
    [{ PUBLIC_URL: 'catalog.example.com' }, 'PUBLIC_URL must be an absolute http(s) URL, for example https://catalog.example.com'],
    [{ PUBLIC_URL: 'ftp://catalog.example.com' }, 'PUBLIC_URL must be an absolute http(s) URL, for example https://catalog.example.com'],
    [{ PUBLIC_URL: 'x https://catalog.example.com' }, 'PUBLIC_URL must be an absolute http(s) URL, for example https://catalog.example.com'],
    [{ PUBLIC_URL: 'https://' }, 'PUBLIC_URL must be an absolute http(s) URL, for example https://catalog.example.com'],
    [{ OIDC_ISSUER: 'login.example.com' }, 'OIDC_ISSUER must be an absolute http(s) URL, for example https://login.example.com/realms/main'],
    [{ METADATA_URL: 'metadata:5002', SEARCH_URL: 'http://search:5001' }, 'METADATA_URL must be an absolute http(s) URL, for example http://amundsen-metadata:5002'],
    [{ METADATA_URL: 'http://metadata:5002', SEARCH_URL: 'search' }, 'SEARCH_URL must be an absolute http(s) URL, for example http://amundsen-search:5001'],
    [{ OIDC_SCOPES: 'email profile' }, 'OIDC_SCOPES must include "openid", for example "openid email profile"'],
    [{ OIDC_SCOPES: 'openidx email' }, 'OIDC_SCOPES must include "openid", for example "openid email profile"'],
    [{ OIDC_USER_ID_CLAIM: 'e mail' }, 'OIDC_USER_ID_CLAIM must be a claim name such as email or sub'],
    [{ OIDC_USER_ID_CLAIM: 'email!' }, 'OIDC_USER_ID_CLAIM must be a claim name such as email or sub'],
    [{ OIDC_USER_ID_CLAIM: '!email' }, 'OIDC_USER_ID_CLAIM must be a claim name such as email or sub'],
    [{ CATALOG_DEMO_TABLES: 'many' }, 'CATALOG_DEMO_TABLES must be a whole number (0: no demo data)'],
    [{ CATALOG_DEMO_TABLES: '1.5' }, 'CATALOG_DEMO_TABLES must be a whole number (0: no demo data)'],
    [{ CATALOG_DEMO_TABLES: '-1' }, 'CATALOG_DEMO_TABLES must be 0 (no demo data) or more'],
    [{ CATALOG_DEMO_TABLES: '5000001' }, 'CATALOG_DEMO_TABLES must be at most 5000000'],
    [{ SESSION_IDLE_TIMEOUT_MINUTES: '43201' }, 'SESSION_IDLE_TIMEOUT_MINUTES must be at most 43200'],
    [{ SESSION_ABSOLUTE_TIMEOUT_HOURS: '2161' }, 'SESSION_ABSOLUTE_TIMEOUT_HOURS must be at most 2160'],
    [{ UPSTREAM_TIMEOUT_MS: '120001' }, 'UPSTREAM_TIMEOUT_MS must be at most 120000'],
    [{ FIRST_SEARCH_BUDGET_MS: '-1' }, 'FIRST_SEARCH_BUDGET_MS must be 0 (off) or more'],
    [{ FIRST_SEARCH_BUDGET_MS: '5001' }, 'FIRST_SEARCH_BUDGET_MS must be at most 5000: a page that waits longer is slower than asking from the browser'],
    [{ FIRST_SEARCH_BUDGET_MS: '0.5' }, 'FIRST_SEARCH_BUDGET_MS must be a whole number of milliseconds (0 sends the search page without its first answer)'],
    [{ SESSION_SECRET: 'x'.repeat(31) }, 'SESSION_SECRET must be at least 32 characters; generate one with: openssl rand -hex 32', null],
    [{ SESSION_SECRETS: `${'a'.repeat(32)},${'b'.repeat(31)}` }, 'SESSION_SECRETS: the 2nd secret is 31 characters; each must be at least 32 (a comma-separated list, the newest first); generate one with: openssl rand -hex 32', null],
    [{ SESSION_SECRETS: ' , ' }, 'SESSION_SECRETS must be a comma-separated list of secrets of at least 32 characters each, the newest first; generate one with: openssl rand -hex 32', null],
    [{ SESSION_STORE: 'memory' }, 'SESSION_STORE must be sqlite (one machine) or redis (several instances)'],
    [{ SESSION_STORE: 'redis', REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL, for example redis://localhost:6379', null],
    [{ SESSION_STORE: 'redis', REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL, for example redis://localhost:6379', '"http://localhost:6379/"'],
    [{ SESSION_STORE: 'redis', REDIS_URL: 'x redis://localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL, for example redis://localhost:6379', null],
    [{ SESSION_STORE: 'redis', REDIS_URL: 'redis://[::1' }, 'REDIS_URL must be a redis:// or rediss:// URL, for example redis://localhost:6379', null],
    [{ INDEX_USERS: 'maybe' }, 'INDEX_USERS must be true or false'],
    // The rest of the variables' messages in full (the schema is built when its module loads, so Stryker
    // leaves these strings out of its run: this table is what pins them).
    [{ RATE_LIMIT_LOGIN_PER_MIN: 'lots' }, 'RATE_LIMIT_LOGIN_PER_MIN must be a whole number of requests per minute (0 turns the limit off)'],
    [{ RATE_LIMIT_SEARCH_PER_IP_PER_MIN: '1.5' }, 'RATE_LIMIT_SEARCH_PER_IP_PER_MIN must be a whole number of requests per minute (0 turns the limit off)'],
    [{ RATE_LIMIT_LOGIN_PER_IP_PER_MIN: '1000001' }, 'RATE_LIMIT_LOGIN_PER_IP_PER_MIN must be at most 1000000'],
    [{ OIDC_GROUPS_CLAIM: 'realm roles' }, 'OIDC_GROUPS_CLAIM must be a claim name (or a dotted path such as realm_access.roles), or none'],
    [{ OIDC_GROUPS_MAX: '1001' }, 'OIDC_GROUPS_MAX must be at most 1000'],
    [{ OIDC_CLIENT_AUTH_METHOD: 'tls_client_auth' }, 'OIDC_CLIENT_AUTH_METHOD must be one of client_secret_basic, client_secret_post, private_key_jwt: the token endpoint authentication method registered for Nansen at your provider'],
    [{ USER_DIRECTORY: 'ldap' }, 'USER_DIRECTORY must be one of none, okta, google, scim, module: where Nansen looks up people the metadata service does not know'],
    [{ USER_DIRECTORY: 'scim', USER_DIRECTORY_SCIM_URL: 'https://scim.example.com', USER_DIRECTORY_SCIM_TOKEN: 't', USER_DIRECTORY_SCIM_USER_ATTRIBUTE: '1name' }, 'USER_DIRECTORY_SCIM_USER_ATTRIBUTE must be a SCIM attribute such as userName or emails.value'],
    [{ OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG: 'HS256' }, "OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG must be the algorithm your provider signs ID tokens with, one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, Ed25519 ('none' and HMAC algorithms such as HS256 are refused: with them an ID token proves nothing)"],
    [{ CATALOG_HOST: 'a b' }, 'CATALOG_HOST must be an address or host name to listen on, such as 127.0.0.1 (the default: this machine only), 10.0.0.5 or 0.0.0.0 (every interface)'],
    [{ CATALOG_MACHINE_CLIENTS: 'a b' }, 'CATALOG_MACHINE_CLIENTS must be a comma-separated list of client ids (the OAuth clients of your pipelines, such as nansen-pipeline,ci-loader), without spaces or empty entries; leave it unset for none'],
    [{ CATALOG_PROCESS: 'thread' }, "CATALOG_PROCESS must be separate (the embedded catalog in its own process, the default) or in-process (sharing the BFF's event loop, for comparisons)"],
    [{ UPSTREAM_AUTH: 'basic' }, 'UPSTREAM_AUTH must be bearer (the access token) or flaskoidc (for Amundsen services launched as flaskoidc apps)'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT must be json (one JSON object per line) or text'],
    [{ HOST: '   ' }, 'HOST is blank (spaces only): give it a value, or remove it', null],
    [{ DATA_DIR: ' ' }, 'DATA_DIR is blank (spaces only): give it a value, or remove it', null],
    // A setting of spaces only is empty once trimmed, and refused as empty (not taken as the name "  ").
    [{ OIDC_PROVIDER: '  ' }, 'OIDC_PROVIDER is blank (spaces only): give it a value, or remove it', null],
    [{ OIDC_CLAIM_MAP: '  ' }, 'OIDC_CLAIM_MAP is blank (spaces only): give it a value, or remove it', null],
    [{ METRICS_ENABLED: 'maybe' }, 'METRICS_ENABLED must be true or false'],
    [{ FIRST_SEARCH_BUDGET_MS: 'soon' }, 'FIRST_SEARCH_BUDGET_MS must be a whole number of milliseconds (0 sends the search page without its first answer)'],
    [{ USER_DIRECTORY_CACHE_TTL_SECONDS: '604801' }, 'USER_DIRECTORY_CACHE_TTL_SECONDS must be at most 604800'],
    [{ USER_DIRECTORY_CACHE_SIZE: '0' }, 'USER_DIRECTORY_CACHE_SIZE must be at least 1'],
    [{ USER_DIRECTORY_TIMEOUT_MS: '2s' }, 'USER_DIRECTORY_TIMEOUT_MS must be a whole number'],
    [{ USER_DIRECTORY_OKTA_ORG_URL: 'acme.okta.com' }, 'USER_DIRECTORY_OKTA_ORG_URL must be an absolute http(s) URL, for example https://acme.okta.com'],
    [{ USER_DIRECTORY_GOOGLE_API_URL: 'people.googleapis.com' }, 'USER_DIRECTORY_GOOGLE_API_URL must be an absolute http(s) URL, for example https://people.googleapis.com'],
    [{ USER_DIRECTORY_SCIM_URL: 'scim.example.com' }, 'USER_DIRECTORY_SCIM_URL must be an absolute http(s) URL, for example https://scim.example.com/scim/v2'],
    // A SCIM filter is not an attribute: the whole value must be one, not merely start like one.
    [{ USER_DIRECTORY_SCIM_USER_ATTRIBUTE: 'emails[type eq "work"].value' }, 'USER_DIRECTORY_SCIM_USER_ATTRIBUTE must be a SCIM attribute such as userName or emails.value'],
  ] as [Record<string, string>, string, string?][])('refuses %o, naming the variable, the fix and the value', (env, problem, shown = JSON.stringify(env[problem.split(' ')[0]!])) => {
    // The value is shown (PORT=abc used to say only "PORT must be a port number"), except a secret's, a blank one, or what may hold a password.
    expect(problemsOf(env)).toEqual([shown === null ? problem : `${problem}; it is ${shown}`]);
  });

  it('names each short secret of SESSION_SECRETS by its place and length, never showing a secret', () => {
    const long = 'f00d'.repeat(16);
    const problems = problemsOf({ SESSION_SECRETS: `${long},short, ${long} ,x,${'s'.repeat(31)}` });
    expect(problems).toEqual([
      'SESSION_SECRETS: the 2nd secret is 5 characters; each must be at least 32 (a comma-separated list, the newest first); generate one with: openssl rand -hex 32',
      'SESSION_SECRETS: the 4th secret is 1 character; each must be at least 32 (a comma-separated list, the newest first); generate one with: openssl rand -hex 32',
      'SESSION_SECRETS: the 5th secret is 31 characters; each must be at least 32 (a comma-separated list, the newest first); generate one with: openssl rand -hex 32',
    ]);
    for (const secret of [long, 'short', 's'.repeat(31)]) expect(problems.join('\n')).not.toContain(secret);
    expect(problemsOf({ SESSION_SECRETS: `tiny,${long}` })[0]).toMatch(/^SESSION_SECRETS: the 1st secret is 4 characters;/);
  });

  it('counts places in English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th']);
  });

  it('trims names, paths and addresses, and drops the trailing slash of a URL', () => {
    const config = loadConfig({
      HOST: ' 0.0.0.0 ',
      DATA_DIR: ' data ',
      PUBLIC_URL: ' https://catalog.example.com// ',
      OIDC_ISSUER: ' https://login.example.com/realms/main/ ',
      OIDC_CLIENT_ID: ' nansen ',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: ' /oidc/callback ',
      OIDC_USER_ID_CLAIM: ' preferred_username ',
      OIDC_PROVIDER_NAME: ' Example SSO ',
      METADATA_URL: ' http://metadata:5002/ ',
      SEARCH_URL: 'http://search:5001///',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('https://catalog.example.com');
    expect(config.oidc).toMatchObject({
      issuer: 'https://login.example.com/realms/main',
      clientId: 'nansen',
      redirectUri: 'https://catalog.example.com/oidc/callback',
      providerName: 'Example SSO',
    });
    expect(config.catalog).toMatchObject({ metadataUrl: 'http://metadata:5002', searchUrl: 'http://search:5001' });
    // The embedded catalog's audience (refused with METADATA_URL).
    expect(loadConfig({ CATALOG_TOKEN_AUDIENCE: ' urn:nansen:catalog ' }).catalog.tokenAudience).toBe('urn:nansen:catalog');
  });

  it('reads the scopes separated by spaces or commas, in any number', () => {
    expect(loadConfig({ OIDC_SCOPES: ' openid,email  profile,, groups ' }).oidc.scopes).toMatch(/^openid email profile groups( |$)/);
  });

  it('takes a list of session secrets, trimmed, the newest first', () => {
    const [a, b] = ['a'.repeat(32), 'b'.repeat(40)];
    expect(loadConfig({ SESSION_SECRETS: ` ${a} , ${b} ,` }).session.secrets).toEqual([a, b]);
    expect(loadConfig({ SESSION_SECRET: a }).session.secrets).toEqual([a]);
    expect(loadConfig({}).session.secrets).toBeUndefined();
  });

  it('takes the accepted spellings of true and false', () => {
    for (const yes of ['true', '1', 'yes']) expect(loadConfig({ INDEX_USERS: yes }).ui.indexUsers, yes).toBe(true);
    for (const no of ['false', '0', 'no']) expect(loadConfig({ INDEX_USERS: no }).ui.indexUsers, no).toBe(false);
  });

  it('takes ports and numbers at the ends of their ranges', () => {
    const config = loadConfig({ PORT: '65535', DEV_IDP_PORT: '1', CATALOG_DEMO_TABLES: '5000000', UPSTREAM_TIMEOUT_MS: '1', FIRST_SEARCH_BUDGET_MS: '0', SESSION_IDLE_TIMEOUT_MINUTES: '1', SESSION_ABSOLUTE_TIMEOUT_HOURS: '2160' });
    expect(config.port).toBe(65535);
    expect(config.devIdp.port).toBe(1);
    expect(config.catalog.demoTables).toBe(5_000_000);
    expect(config.upstreamTimeoutMs).toBe(1);
    expect(config.firstSearchBudgetMs).toBe(0);
    expect(config.session).toMatchObject({ idleTimeoutMinutes: 1, absoluteTimeoutHours: 2160 });
  });

  it('has a default for every setting that needs one', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'development',
      host: '127.0.0.1',
      port: 5000,
      publicUrl: 'http://localhost:5000',
      devIdp: { enabled: true, port: 5005 },
      upstreamTimeoutMs: 5000,
      firstSearchBudgetMs: 250,
    });
    expect(config.oidc).toMatchObject({ scopes: 'openid email profile', idTokenSigningAlg: 'RS256' });
    expect(config.catalog).toMatchObject({ metadataPort: 5002, searchPort: 5001, demoTables: 300, tokenAudience: undefined, process: 'separate', upstreamAuth: 'bearer' });
    expect(config.session).toMatchObject({ store: 'sqlite', idleTimeoutMinutes: 480, absoluteTimeoutHours: 12, cookieSecure: false });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.catalog.dbPath).toBe(`${config.dataDir}/catalog.sqlite`);
    expect(config.session.dbPath).toBe(`${config.dataDir}/sessions.sqlite`);
  });
});

describe('the value of a refused setting in its message', () => {
  it('is never a secret: a client secret, a session secret, a token or a cookie key', () => {
    const secrets = { OIDC_CLIENT_SECRET: 'hunter2-client', SESSION_SECRET: 'hunter2-short', USER_DIRECTORY_SCIM_TOKEN: 'hunter2-scim' };
    expect(showSettingValue('OIDC_CLIENT_SECRET', 'hunter2')).toBeUndefined();
    expect(showSettingValue('SESSION_SECRETS', 'hunter2')).toBeUndefined();
    expect(showSettingValue('USER_DIRECTORY_OKTA_API_TOKEN', 'hunter2')).toBeUndefined();
    expect(showSettingValue('OIDC_CLIENT_PRIVATE_KEY_FILE', '/keys/hunter2.pem')).toBeUndefined();
    // A token pasted into another setting.
    expect(problemsOf({ OIDC_RESOURCE: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJodW50ZXIyIn0.c2ln#x' })).toEqual([
      'OIDC_RESOURCE must be an absolute URI without a fragment (RFC 8707), for example https://catalog.example.com or urn:nansen:catalog',
    ]);
    expect(problemsOf({ ...secrets, USER_DIRECTORY: 'scim', USER_DIRECTORY_SCIM_URL: 'https://scim.example.com' }).join('\n')).not.toContain('hunter2');
  });

  it('shows a URL without its password, and nothing that may hold one without being a URL', () => {
    expect(problemsOf({ SESSION_STORE: 'redis', REDIS_URL: 'http://:hunter2@redis.internal:6379?password=hunter3' })).toEqual([
      'REDIS_URL must be a redis:// or rediss:// URL, for example redis://localhost:6379; it is "http://:***@redis.internal:6379/"',
    ]);
    expect(problemsOf({ METADATA_URL: 'user:hunter2@metadata:5002', SEARCH_URL: 'http://search:5001' })).toEqual([
      'METADATA_URL must be an absolute http(s) URL, for example http://amundsen-metadata:5002',
    ]);
    expect(showSettingValue('REDIS_URL', 'redis://nansen:hunter2@redis:6379/0')).toBe('"redis://nansen:***@redis:6379/0"');
  });

  it('is cut after 120 characters', () => {
    expect(problemsOf({ PORT: 'x'.repeat(200) })).toEqual([`PORT must be a port number (1-65535); it is "${'x'.repeat(120)}…"`]);
  });
});

describe('isLoopbackUrl', () => {
  it('knows localhost and the loopback addresses, and nothing else', () => {
    for (const url of ['http://localhost:8080', 'http://127.0.0.1', 'http://[::1]:5000', 'https://localhost']) expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of ['http://localhost.example.com', 'http://10.0.0.1', 'not a url']) expect(isLoopbackUrl(url), url).toBe(false);
  });
});

describe('address checks found weak by mutation testing', () => {
  it('TRUST_PROXY takes an address range only with a whole prefix length that fits its family', () => {
    const trusted = (value: string) => loadConfig({ TRUST_PROXY: value }).http.trustProxy;
    expect(trusted('10.0.0.1/32, 10.0.0.0/16, ::1/128, 10.0.0.7')).toEqual(['10.0.0.1/32', '10.0.0.0/16', '::1/128', '10.0.0.7']);
    expect(trusted('12')).toBe(12);
    // A single address is a list of one, not a number of proxies.
    expect(trusted('10.0.0.1')).toEqual(['10.0.0.1']);
    for (const bad of ['10.0.0.0/', '10.0.0.0/+8', '10.0.0.0/8e0', '10.0.0.0/8/8', '::1/129', 'proxy', ' , ']) {
      expect(problemsOf({ TRUST_PROXY: bad }), bad).toEqual([expect.stringMatching(/^TRUST_PROXY must be false, true, a number of proxies, or a comma-separated list/)]);
    }
    expect(problemsOf({ TRUST_PROXY: ' , ' })).toEqual([
      "TRUST_PROXY must be false, true, a number of proxies, or a comma-separated list of the proxies' addresses or ranges (loopback, linklocal, uniquelocal, 10.0.0.0/8, 2001:db8::1 …); it is \" , \"",
    ]);
  });

  it('URLs must start with their scheme, not merely contain it', () => {
    expect(problemsOf({ OIDC_ISSUER: 'xhttps://login.example.com' })).toEqual(['OIDC_ISSUER must be an absolute http(s) URL, for example https://login.example.com/realms/main; it is "xhttps://login.example.com"']);
    expect(problemsOf({ PUBLIC_URL: 'xhttps://catalog.example.com' })).toEqual(['PUBLIC_URL must be an absolute http(s) URL, for example https://catalog.example.com; it is "xhttps://catalog.example.com"']);
    expect(problemsOf({ SESSION_STORE: 'redis', REDIS_URL: 'xredis://localhost:6379' })).toEqual(['REDIS_URL must be a redis:// or rediss:// URL, for example redis://localhost:6379; it is "xredis://localhost:6379"']);
  });

  it('OIDC_ISSUER loses a discovery suffix only at its end, and the trailing slashes of a path', () => {
    const issuer = (value: string) => loadConfig({ OIDC_ISSUER: value, OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' }).oidc.issuer;
    expect(issuer('https://login.example.com/realms/main/.well-known/openid-configuration/')).toBe('https://login.example.com/realms/main');
    expect(issuer('https://login.example.com/realms/main//')).toBe('https://login.example.com/realms/main');
    expect(issuer('https://login.example.com/x/.well-known/openid-configuration/y')).toBe('https://login.example.com/x/.well-known/openid-configuration/y');
    expect(issuer('https://tenant.auth0.com/')).toBe('https://tenant.auth0.com/');
    // An origin is kept as written, every slash of it.
    expect(issuer('https://tenant.auth0.com//')).toBe('https://tenant.auth0.com//');
  });

  it('OIDC_SCOPES may be separated by commas and runs of spaces', () => {
    expect(loadConfig({ OIDC_SCOPES: 'openid,  email,profile' }).oidc.scopes).toBe('openid email profile');
    expect(loadConfig({ OIDC_SCOPES: ',openid,email' }).oidc.scopes).toBe('openid email');
  });

  it('OIDC_RESOURCE must start with its scheme: a control character before it (which URL parsing would skip) is refused', () => {
    expect(problemsOf({ OIDC_RESOURCE: '\x01urn:nansen:catalog' })).toEqual([
      'OIDC_RESOURCE must be an absolute URI without a fragment (RFC 8707), for example https://catalog.example.com or urn:nansen:catalog; it is "\\u0001urn:nansen:catalog"',
    ]);
  });

  it('CATALOG_HOST is an address (IPv6 in brackets) or a host name that starts and ends with a letter or digit', () => {
    for (const host of ['[::1]', '0.0.0.0', 'a', 'ab', 'catalog-1.internal']) expect(loadConfig({ CATALOG_HOST: host }).catalog.host, host).toBeDefined();
    // '[::]1' and '1[::]' would pass as '::1' and '1::' if the brackets were unwrapped anywhere but around the whole value.
    for (const host of ['-catalog', 'catalog-', '[::1', 'x[::1]', 'cat_alog', 'a b', '[::]1', '1[::]']) {
      expect(problemsOf({ CATALOG_HOST: host }), host).toEqual([expect.stringMatching(/^CATALOG_HOST must be an address or host name/)]);
    }
  });
});

describe('settings read without the spaces around them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-config-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  type Loaded = ReturnType<typeof loadConfig>;

  it.each<[string, Record<string, string>, (config: Loaded) => unknown, unknown]>([
    ['TRUST_PROXY true', { TRUST_PROXY: ' true ' }, (c) => c.http.trustProxy, true],
    ['TRUST_PROXY a number of proxies', { TRUST_PROXY: ' 2 ' }, (c) => c.http.trustProxy, 2],
    ['OIDC_GROUPS_CLAIM', { OIDC_GROUPS_CLAIM: ' groups ' }, (c) => c.oidc.claims.groupsClaim, 'groups'],
    ['OIDC_AUDIENCE', { OIDC_AUDIENCE: ' api://nansen ' }, (c) => c.oidc.authorizationParams.audience, 'api://nansen'],
    ['OIDC_RESOURCE', { OIDC_RESOURCE: ' urn:nansen:catalog ' }, (c) => c.oidc.tokenParams, { resource: 'urn:nansen:catalog' }],
    ['CATALOG_DB', { DATA_DIR: '/srv/nansen', CATALOG_DB: ' big.sqlite ' }, (c) => c.catalog.dbPath, '/srv/nansen/big.sqlite'],
    ['CATALOG_HOST', { CATALOG_HOST: ' 10.0.0.5 ' }, (c) => [c.catalog.host, c.catalog.metadataUrl], ['10.0.0.5', 'http://10.0.0.5:5002']],
    ['REDIS_URL', { SESSION_STORE: 'redis', REDIS_URL: ' redis://localhost:6379 ' }, (c) => c.session.redisUrl, 'redis://localhost:6379'],
    ['UI_CONFIG_FILE', { UI_CONFIG_FILE: ' conf/ui.json ' }, (c) => c.ui.configFile, path.resolve('conf/ui.json')],
    [
      'USER_DIRECTORY_OKTA_API_TOKEN',
      { USER_DIRECTORY: 'okta', USER_DIRECTORY_OKTA_ORG_URL: 'https://acme.okta.com', USER_DIRECTORY_OKTA_API_TOKEN: ' 00abc ' },
      (c) => c.userDirectory.source,
      { kind: 'okta', orgUrl: 'https://acme.okta.com', apiToken: '00abc' },
    ],
    [
      'USER_DIRECTORY_SCIM_TOKEN and USER_DIRECTORY_SCIM_USER_ATTRIBUTE',
      { USER_DIRECTORY: 'scim', USER_DIRECTORY_SCIM_URL: 'https://scim.example.com/scim/v2', USER_DIRECTORY_SCIM_TOKEN: ' tok ', USER_DIRECTORY_SCIM_USER_ATTRIBUTE: ' emails.value ' },
      (c) => c.userDirectory.source,
      { kind: 'scim', baseUrl: 'https://scim.example.com/scim/v2', token: 'tok', attribute: 'emails.value' },
    ],
  ])('reads %s trimmed', (_name, env, pick, expected) => {
    expect(pick(loadConfig(env))).toEqual(expected);
  });

  it('reads OIDC_CLIENT_PRIVATE_KEY_FILE and OIDC_CLIENT_PRIVATE_KEY_ID trimmed', () => {
    const file = path.join(dir, 'client.pem');
    fs.writeFileSync(file, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const config = loadConfig({
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_CLIENT_ID: 'nansen',
      OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt',
      OIDC_CLIENT_PRIVATE_KEY_FILE: ` ${file} `,
      OIDC_CLIENT_PRIVATE_KEY_ID: ' key-1 ',
    });
    expect(config.oidc.clientAuth).toMatchObject({ method: 'private_key_jwt', privateKey: { alg: 'ES256', kid: 'key-1' } });
  });

  it('reads USER_DIRECTORY_MODULE trimmed', () => {
    const file = path.join(dir, 'people.ts');
    fs.writeFileSync(file, 'export const getUserDetails = () => null;');
    expect(loadConfig({ USER_DIRECTORY: 'module', USER_DIRECTORY_MODULE: ` ${file} ` }).userDirectory.source).toEqual({ kind: 'module', file });
  });
});

describe('the values, bounds and defaults the schema spells out', () => {
  it('takes every value each choice lists, not only its default', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).mode).toBe('development');
    expect(loadConfig({ NODE_ENV: 'test' }).mode).toBe('test');
    expect(loadConfig({ SESSION_STORE: 'sqlite' }).session.store).toBe('sqlite');
    expect(loadConfig({ LOG_FORMAT: 'json' }).http.logFormat).toBe('json');
    expect(loadConfig({ CATALOG_PROCESS: 'separate' }).catalog.process).toBe('separate');
    expect(loadConfig({ CATALOG_PROCESS: 'in-process' }).catalog.process).toBe('in-process');
  });

  it('TRUST_PROXY takes the names of address ranges', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, LinkLocal, uniquelocal' }).http.trustProxy).toEqual(['loopback', 'linklocal', 'uniquelocal']);
  });

  it('USER_DIRECTORY_CACHE_TTL_SECONDS goes up to a week', () => {
    expect(loadConfig({ USER_DIRECTORY_CACHE_TTL_SECONDS: '604800' }).userDirectory.cacheTtlMs).toBe(604_800_000);
  });

  it('the google directory asks Google\'s People API at its public address by default', () => {
    expect(loadConfig({ USER_DIRECTORY: 'google', OIDC_PROVIDER: 'google', OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 's3cret' }).userDirectory.source).toEqual({ kind: 'google', apiUrl: 'https://people.googleapis.com' });
  });
});
