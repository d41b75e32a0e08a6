import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigWarnings, loadConfig, startUpLogFormat } from './load-config';
import { envProblemsOf } from './testing/config-problems';

const problemsOf = envProblemsOf;

describe('loadConfig', () => {
  it('starts the development IdP and the embedded catalog when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.devIdp.enabled).toBe(true);
    expect(config.catalog.embedded).toBe(true);
    expect(config.port).toBe(5000);
    expect(config.catalog.metadataUrl).toBe('http://127.0.0.1:5002');
    expect(config.catalog.searchUrl).toBe('http://127.0.0.1:5001');
    expect(config.oidc.redirectUri).toBe('http://localhost:5000/auth');
    expect(config.oidc.userIdClaim).toBe('email');
    expect(Object.isFrozen(config.oidc)).toBe(true);
  });

  it('accepts the flaskoidc names as aliases and strips the discovery suffix', () => {
    const config = loadConfig({
      FLASK_OIDC_CONFIG_URL: 'https://login.example.com/realms/main/.well-known/openid-configuration',
      FLASK_OIDC_CLIENT_ID: 'amundsen',
      FLASK_OIDC_CLIENT_SECRET: 's3cret',
      FLASK_OIDC_REDIRECT_URI: '/oidc/callback',
      FLASK_OIDC_SCOPES: 'openid,email',
      FLASK_OIDC_USER_ID_FIELD: 'preferred_username',
      FLASK_OIDC_PROVIDER_NAME: 'Keycloak',
      METADATASERVICE_BASE: 'http://metadata:5002/',
      SEARCHSERVICE_BASE: 'http://search:5001',
    });
    expect(config.oidc).toMatchObject({
      issuer: 'https://login.example.com/realms/main',
      clientId: 'amundsen',
      clientSecret: 's3cret',
      redirectUri: 'http://localhost:5000/oidc/callback',
      scopes: 'openid email',
      userIdClaim: 'preferred_username',
      providerName: 'Keycloak',
    });
    expect(config.devIdp.enabled).toBe(false);
    expect(config.catalog).toMatchObject({ embedded: false, metadataUrl: 'http://metadata:5002', searchUrl: 'http://search:5001' });
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', OIDC_SCOPES: 'email', INDEX_USERS: 'maybe' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT must be a port number/);
    expect(problems.join('\n')).toMatch(/OIDC_SCOPES must include "openid"/);
    expect(problems.join('\n')).toMatch(/INDEX_USERS must be true or false/);
  });

  it('refuses production without a real issuer and a session secret', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PUBLIC_URL: 'https://catalog.example.com' });
    expect(problems.some((p) => p.startsWith('OIDC_ISSUER') && p.includes('never runs in production'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SESSION_SECRETS (or SESSION_SECRET) is required'))).toBe(true);
  });

  it('requires the client credentials with a real issuer, and https for a non-local issuer', () => {
    const problems = problemsOf({ OIDC_ISSUER: 'http://idp.example.com' });
    expect(problems.join('\n')).toMatch(/OIDC_CLIENT_ID .* is required/);
    expect(problems.join('\n')).toMatch(/OIDC_CLIENT_SECRET .* is required/);
    expect(problems.join('\n')).toMatch(/OIDC_ISSUER must use https/);
  });

  it('requires the metadata and search URLs together', () => {
    expect(problemsOf({ METADATA_URL: 'http://m:5002' }).join()).toMatch(/METADATA_URL and SEARCH_URL must be set together/);
  });

  it('reports a conflict between a name and its alias, and takes both set to the same value', () => {
    expect(problemsOf({ OIDC_CLIENT_ID: 'a', FLASK_OIDC_CLIENT_ID: 'b' }).join()).toMatch(/OIDC_CLIENT_ID and its alias FLASK_OIDC_CLIENT_ID/);
    expect(loadConfig({ OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'a', FLASK_OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 's' }).oidc.clientId).toBe('a');
  });

  it('takes UPSTREAM_AUTH=flaskoidc only with Amundsen services of its own', () => {
    expect(problemsOf({ UPSTREAM_AUTH: 'flaskoidc' })).toEqual([
      'UPSTREAM_AUTH=flaskoidc is for Amundsen services launched as flaskoidc apps (set METADATA_URL and SEARCH_URL to them); the embedded catalog takes UPSTREAM_AUTH=bearer',
    ]);
    expect(loadConfig({ UPSTREAM_AUTH: 'flaskoidc', METADATA_URL: 'http://m:5002', SEARCH_URL: 'http://s:5001' }).catalog.upstreamAuth).toBe('flaskoidc');
  });

  it('uses the preset\'s user id claim for the User unless OIDC_USER_ID_CLAIM is set', () => {
    expect(loadConfig({}).oidc.claims.userIdClaim).toBe('email');
    expect(loadConfig({ OIDC_USER_ID_CLAIM: 'sub' }).oidc.claims.userIdClaim).toBe('sub');
  });

  it('rejects a redirect URI on another origin', () => {
    expect(problemsOf({ OIDC_REDIRECT_URI: 'https://evil.example/auth' }).join()).toMatch(/must be on PUBLIC_URL's origin/);
  });

  it('pins ID tokens to RS256 by default and takes another asymmetric algorithm', () => {
    expect(loadConfig({}).oidc.idTokenSigningAlg).toBe('RS256');
    expect(loadConfig({ OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG: 'ES256' }).oidc.idTokenSigningAlg).toBe('ES256');
  });

  it.each(['none', 'HS256', 'HS512', 'rs256'])('refuses %s as the ID token signing algorithm', (alg) => {
    const problems = problemsOf({ OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG: alg });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG must be .* one of RS256, .*'none' and HMAC/);
  });

  it('resolves EDIT_RULES_FILE to an absolute path and leaves it undefined (everyone may edit) when unset', () => {
    expect(loadConfig({}).editRules.file).toBeUndefined();
    expect(loadConfig({ EDIT_RULES_FILE: ' conf/edit-rules.json ' }).editRules.file).toBe(path.resolve('conf/edit-rules.json'));
  });

  it('resolves UI_CONFIG_FILE to an absolute path and leaves it undefined when unset', () => {
    expect(loadConfig({}).ui.configFile).toBeUndefined();
    expect(loadConfig({ UI_CONFIG_FILE: 'conf/ui.json' }).ui.configFile).toBe(path.resolve('conf/ui.json'));
  });

  it('leaves INDEX_USERS undefined when unset, so the UI config file decides', () => {
    expect(loadConfig({}).ui.indexUsers).toBeUndefined();
    expect(loadConfig({ INDEX_USERS: '' }).ui.indexUsers).toBeUndefined();
    expect(loadConfig({ INDEX_USERS: 'false' }).ui.indexUsers).toBe(false);
    expect(loadConfig({ INDEX_USERS: 'true' }).ui.indexUsers).toBe(true);
  });

  it('rejects a short session secret with a hint to generate one', () => {
    expect(problemsOf({ SESSION_SECRET: 'short' }).join()).toMatch(/openssl rand -hex 32/);
  });
});

describe('loadConfig in production (NODE_ENV=production)', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://catalog.example.com',
    OIDC_ISSUER: 'https://login.example.com/realms/main',
    OIDC_CLIENT_ID: 'nansen',
    OIDC_CLIENT_SECRET: 'client-secret',
    SESSION_SECRETS: 'a'.repeat(64),
  };

  // An empty production catalog (first start, a deleted file, a typo in CATALOG_DB) was filled with 300 fake tables, people and dashboards.
  it('gives an empty catalog no demo data unless CATALOG_DEMO_TABLES asks for it', () => {
    expect(loadConfig(PRODUCTION).catalog.demoTables).toBe(0);
    expect(loadConfig({ ...PRODUCTION, CATALOG_DEMO_TABLES: '50' }).catalog.demoTables).toBe(50);
  });

  it('warns when CATALOG_DEMO_TABLES asks for demo data in production, and only then', () => {
    expect(findConfigWarnings(loadConfig({ ...PRODUCTION, CATALOG_DEMO_TABLES: '50', DATA_DIR: '/srv/nansen' }))).toEqual([
      'CATALOG_DEMO_TABLES=50 with NODE_ENV=production: if the catalog (/srv/nansen/catalog.sqlite) is empty, it is filled with 50 made-up tables, people and dashboards. Unset CATALOG_DEMO_TABLES for a real catalog (docs/decisions/035-no-demo-data-in-production.md)',
    ]);
    expect(findConfigWarnings(loadConfig(PRODUCTION))).toEqual([]);
    expect(findConfigWarnings(loadConfig({ ...PRODUCTION, CATALOG_DEMO_TABLES: '0' }))).toEqual([]);
    expect(findConfigWarnings(loadConfig({ CATALOG_DEMO_TABLES: '50' }))).toEqual([]);
  });

  it('reports bad settings in the log format the settings ask for, before knowing they are good', () => {
    expect(startUpLogFormat({})).toBe('text');
    expect(startUpLogFormat({ NODE_ENV: 'production' })).toBe('json');
    expect(startUpLogFormat({ NODE_ENV: 'production', LOG_FORMAT: 'text' })).toBe('text');
    expect(startUpLogFormat({ LOG_FORMAT: ' json ', PORT: 'abc' })).toBe('json');
    expect(startUpLogFormat({ LOG_FORMAT: 'xml', NODE_ENV: 'production' })).toBe('json');
  });

  it('writes JSON logs, keeps /metrics off and limits login and search at their documented defaults unless told otherwise', () => {
    expect(loadConfig(PRODUCTION).http).toMatchObject({
      logFormat: 'json',
      metricsEnabled: false,
      rateLimits: { loginPerSession: 30, loginPerIp: 300, searchPerSession: 600, searchPerIp: 6000 },
    });
    expect(loadConfig({}).http.logFormat).toBe('text');
    const told = loadConfig({ ...PRODUCTION, LOG_FORMAT: 'text', METRICS_ENABLED: 'true', RATE_LIMIT_SEARCH_PER_MIN: '0', RATE_LIMIT_LOGIN_PER_IP_PER_MIN: '12' });
    expect(told.http).toMatchObject({ logFormat: 'text', metricsEnabled: true, rateLimits: { searchPerSession: 0, loginPerIp: 12 } });
    expect(problemsOf({ LOG_FORMAT: 'xml' }).join()).toMatch(/LOG_FORMAT must be json .* or text/);
    expect(problemsOf({ RATE_LIMIT_SEARCH_PER_MIN: '-1' }).join()).toMatch(/RATE_LIMIT_SEARCH_PER_MIN must be 0 \(off\) or more/);
    expect(problemsOf({ RATE_LIMIT_LOGIN_PER_MIN: 'lots' }).join()).toMatch(/RATE_LIMIT_LOGIN_PER_MIN must be a whole number of requests per minute/);
  });

  it('starts with an https issuer, an https public URL and a session secret, and marks the session cookie Secure', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.mode).toBe('production');
    expect(config.devIdp.enabled).toBe(false);
    expect(config.session.cookieSecure).toBe(true);
    expect(config.oidc.redirectUri).toBe('https://catalog.example.com/auth');
  });

  it('refuses an issuer on plain http at a non-loopback host, showing the value written', () => {
    expect(problemsOf({ ...PRODUCTION, OIDC_ISSUER: 'http://login.example.com/realms/main/' })).toEqual([
      'OIDC_ISSUER must use https (plain http is only allowed for localhost issuers); it is "http://login.example.com/realms/main/"',
    ]);
    // Through Amundsen's alias: the value written there.
    const { OIDC_ISSUER: _written, ...withoutIssuer } = PRODUCTION;
    expect(problemsOf({ ...withoutIssuer, FLASK_OIDC_CONFIG_URL: 'http://login.example.com/.well-known/openid-configuration' })).toEqual([
      'OIDC_ISSUER must use https (plain http is only allowed for localhost issuers); it is "http://login.example.com/.well-known/openid-configuration"',
    ]);
  });

  it('refuses an issuer holding a user name or password, naming the setting and the fix with the password hidden', () => {
    for (const [issuer, shown] of [
      ['https://user:pw123@idp.invalid', 'https://user:***@idp.invalid/'],
      ['https://admin:s3cr%40t@login.example.com/realms/main', 'https://admin:***@login.example.com/realms/main'],
      ['https://justauser@login.example.com', 'https://justauser@login.example.com/'],
    ] as const) {
      const problems = problemsOf({ ...PRODUCTION, OIDC_ISSUER: issuer });
      expect(problems, issuer).toEqual([
        'OIDC_ISSUER must not hold a user name or password (user:password@): an issuer URL has none, and Nansen writes the issuer into its log. '
        + `Remove them and set OIDC_ISSUER to the issuer your provider declares, for example https://login.example.com/realms/main; it is "${shown}"`,
      ]);
      expect(problems.join('\n')).not.toMatch(/pw123|s3cr/);
    }
    // Also on http, and through the alias.
    expect(problemsOf({ OIDC_ISSUER: 'http://u:pw123@localhost:8080', OIDC_CLIENT_ID: 'n', OIDC_CLIENT_SECRET: 's' }).join('\n')).toMatch(/^OIDC_ISSUER must not hold a user name or password .*; it is "http:\/\/u:\*\*\*@localhost:8080\/"$/);
    expect(() => loadConfig({ FLASK_OIDC_CONFIG_URL: 'https://u:pw123@idp.example.com', OIDC_CLIENT_ID: 'n', OIDC_CLIENT_SECRET: 's' })).toThrow(/OIDC_ISSUER must not hold a user name or password/);
  });

  it('accepts an issuer on plain http at a loopback host (a provider on the same machine)', () => {
    for (const issuer of ['http://localhost:8080/realms/main', 'http://127.0.0.1:8080', 'http://[::1]:8080']) {
      expect(loadConfig({ ...PRODUCTION, OIDC_ISSUER: issuer }).oidc.issuer).toBe(issuer);
    }
  });

  it('refuses a public URL on plain http, where the session cookie could not be Secure', () => {
    expect(problemsOf({ ...PRODUCTION, PUBLIC_URL: 'http://catalog.example.com' })).toEqual([
      'PUBLIC_URL must use https when NODE_ENV=production (session cookies are Secure)',
    ]);
  });

  it('accepts a loopback public URL on plain http (trying a production build on one machine), with a plain cookie', () => {
    for (const publicUrl of ['http://localhost:5000', 'http://127.0.0.1:5000']) {
      const config = loadConfig({ ...PRODUCTION, PUBLIC_URL: publicUrl });
      expect(config.publicUrl).toBe(publicUrl);
      expect(config.session.cookieSecure).toBe(false);
    }
    // Without PUBLIC_URL the default is http://localhost:PORT, which is loopback too.
    const { PUBLIC_URL: _unset, ...withoutPublicUrl } = PRODUCTION;
    expect(loadConfig({ ...withoutPublicUrl, PORT: '8000' }).publicUrl).toBe('http://localhost:8000');
  });
});

describe('loadConfig: rules across settings', () => {
  it('lists every problem in one message, one a line, under a sentence that says Nansen cannot start', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'x', NODE_ENV: 'staging' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).name).toBe('ConfigError');
    expect((error as ConfigError).message).toBe(
      'Nansen cannot start; fix these settings:\n  - NODE_ENV must be development, production or test; it is "staging"\n  - PORT must be a port number (1-65535); it is "x"',
    );
  });

  it('refuses SESSION_SECRET and SESSION_SECRETS together', () => {
    expect(problemsOf({ SESSION_SECRET: 'a'.repeat(32), SESSION_SECRETS: 'b'.repeat(32) })).toEqual([
      'SESSION_SECRET and SESSION_SECRETS are both set: keep SESSION_SECRETS (a list, the newest first) and remove SESSION_SECRET',
    ]);
  });

  it('takes a session secret of either name in production', () => {
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://catalog.example.com', OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'n', OIDC_CLIENT_SECRET: 's' };
    expect(loadConfig({ ...production, SESSION_SECRET: 'a'.repeat(32) }).session.secrets).toEqual(['a'.repeat(32)]);
    expect(loadConfig({ ...production, SESSION_SECRETS: 'b'.repeat(32) }).session.secrets).toEqual(['b'.repeat(32)]);
  });

  it('asks for REDIS_URL with SESSION_STORE=redis, and for SESSION_STORE=redis with REDIS_URL', () => {
    expect(problemsOf({ SESSION_STORE: 'redis' })).toEqual(['REDIS_URL is required when SESSION_STORE=redis, for example redis://localhost:6379']);
    expect(problemsOf({ REDIS_URL: 'redis://localhost:6379' })).toEqual([
      'REDIS_URL is set but SESSION_STORE is not redis: set SESSION_STORE=redis to share sessions through Redis, or remove REDIS_URL',
    ]);
    expect(loadConfig({ SESSION_STORE: 'redis', REDIS_URL: 'rediss://cache.example.com:6380' }).session).toMatchObject({ store: 'redis', redisUrl: 'rediss://cache.example.com:6380' });
  });

  it('refuses an absolute timeout shorter than the idle timeout, and takes one as long', () => {
    expect(problemsOf({ SESSION_ABSOLUTE_TIMEOUT_HOURS: '1', SESSION_IDLE_TIMEOUT_MINUTES: '61' })).toEqual([
      'SESSION_ABSOLUTE_TIMEOUT_HOURS (1 h) must not be shorter than SESSION_IDLE_TIMEOUT_MINUTES (61 min)',
    ]);
    expect(loadConfig({ SESSION_ABSOLUTE_TIMEOUT_HOURS: '1', SESSION_IDLE_TIMEOUT_MINUTES: '60' }).session.absoluteTimeoutHours).toBe(1);
  });

  it('takes the callback as a path on PUBLIC_URL or as an absolute URL on its origin, and refuses anything else', () => {
    const publicUrl = 'https://catalog.example.com';
    expect(loadConfig({ PUBLIC_URL: publicUrl, OIDC_REDIRECT_URI: 'https://catalog.example.com/oidc/cb' }).oidc.redirectUri).toBe('https://catalog.example.com/oidc/cb');
    expect(loadConfig({ PUBLIC_URL: publicUrl, OIDC_REDIRECT_URI: '/cb' }).oidc.redirectUri).toBe('https://catalog.example.com/cb');
    for (const uri of ['oidc/cb', 'catalog.example.com/cb', 'ftp://catalog.example.com/cb', 'x https://catalog.example.com/cb', 'xhttps://catalog.example.com/cb', 'https://']) {
      expect(problemsOf({ PUBLIC_URL: publicUrl, OIDC_REDIRECT_URI: uri }), uri).toEqual([
        'OIDC_REDIRECT_URI must be a path such as /auth or an absolute URL such as https://catalog.example.com/auth',
      ]);
    }
    expect(problemsOf({ PUBLIC_URL: publicUrl, OIDC_REDIRECT_URI: 'http://catalog.example.com/cb' })).toEqual([
      "OIDC_REDIRECT_URI (http://catalog.example.com/cb) must be on PUBLIC_URL's origin (https://catalog.example.com), where Nansen receives the login callback",
    ]);
  });

  it('derives the addresses, files and names the rest of Nansen uses', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://catalog.example.com',
      DATA_DIR: '/srv/nansen',
      CATALOG_DB: 'big.sqlite',
      CATALOG_METADATA_PORT: '6002',
      CATALOG_SEARCH_PORT: '6001',
    });
    expect(config.oidc).toMatchObject({
      postLogoutRedirectUri: 'https://catalog.example.com/logged-out',
      clientId: 'nansen-bff',
      clientSecret: '',
      providerName: 'Nansen development login',
    });
    expect(config.dataDir).toBe('/srv/nansen');
    expect(config.catalog).toMatchObject({ dbPath: '/srv/nansen/big.sqlite', metadataUrl: 'http://127.0.0.1:6002', searchUrl: 'http://127.0.0.1:6001', embedded: true });
    expect(config.session).toMatchObject({ dbPath: '/srv/nansen/sessions.sqlite', cookieSecure: true, redisUrl: undefined });
  });

  it('fills an empty catalog with 300 demo tables outside production, and with none for CATALOG_DEMO_TABLES=0 (which used to be refused)', () => {
    expect(loadConfig({}).catalog.demoTables).toBe(300);
    expect(loadConfig({ NODE_ENV: 'test' }).catalog.demoTables).toBe(300);
    expect(loadConfig({ CATALOG_DEMO_TABLES: '0' }).catalog.demoTables).toBe(0);
  });

  // http://localhost:5300/nansen/ was accepted, and login then ended on "Page not found — There is no page at /nansen."
  it('refuses a PUBLIC_URL with a path, a query or a fragment, saying a sub-path is not supported and what to set', () => {
    expect(problemsOf({ PUBLIC_URL: 'http://localhost:5300/nansen/' })).toEqual([
      'PUBLIC_URL (http://localhost:5300/nansen) has a path: Nansen must be served at the root of its host name, since serving under a sub-path is not supported (its pages, login callback and session cookie assume /). Set PUBLIC_URL=http://localhost:5300 and give Nansen a host name of its own at your proxy, such as https://catalog.example.com',
    ]);
    expect(problemsOf({ PUBLIC_URL: 'https://user:hunter2@example.com/a/b?x=1' }).join('\n')).toMatch(/^PUBLIC_URL \(https:\/\/example\.com\/a\/b\?…\) has a path: .* Set PUBLIC_URL=https:\/\/example\.com /);
    expect(problemsOf({ PUBLIC_URL: 'https://example.com/#x' }).join('\n')).toMatch(/^PUBLIC_URL \(https:\/\/example\.com\/#…\) has a path/);
    for (const origin of ['http://localhost:5300/', 'https://catalog.example.com', 'https://catalog.example.com///']) expect(loadConfig({ PUBLIC_URL: origin }).publicUrl, origin).toBe(origin.replace(/\/+$/, ''));
  });

  // DEV_IDP_PORT=5300 with PORT=5300 said "Port 5300 (PORT) is already in use: stop whatever uses it": Nansen itself used it.
  it('refuses two of its own listeners on one port, naming both settings', () => {
    expect(problemsOf({ PORT: '5300', DEV_IDP_PORT: '5300' })).toEqual([
      'DEV_IDP_PORT and PORT are both 5300: Nansen listens on each of them, so they must differ; set one of them to another port',
    ]);
    expect(problemsOf({ CATALOG_METADATA_PORT: '5001' })).toEqual([
      'CATALOG_SEARCH_PORT and CATALOG_METADATA_PORT are both 5001: Nansen listens on each of them, so they must differ; set one of them to another port',
    ]);
    expect(problemsOf({ PORT: '5002', DEV_IDP_PORT: '5002' })).toEqual([
      'DEV_IDP_PORT and PORT are both 5002: Nansen listens on each of them, so they must differ; set one of them to another port',
      'CATALOG_METADATA_PORT and PORT are both 5002: Nansen listens on each of them, so they must differ; set one of them to another port',
    ]);
  });

  it('lets ports of listeners that do not start be the same: the development provider\'s with your provider, the catalog\'s with Amundsen\'s services', () => {
    expect(loadConfig({ PORT: '5005', OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'n', OIDC_CLIENT_SECRET: 's' }).port).toBe(5005);
    expect(loadConfig({ PORT: '5002', METADATA_URL: 'http://m:5002', SEARCH_URL: 'http://s:5001' }).port).toBe(5002);
  });

  it('freezes the whole config, nested parts included', () => {
    const config = loadConfig({});
    for (const part of [config, config.oidc, config.catalog, config.session, config.devIdp, config.ui]) expect(Object.isFrozen(part)).toBe(true);
  });
});
