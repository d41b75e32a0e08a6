import { KeyObject } from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import { type ClientAuthConfig, type Config, DEFAULT_HTTPS_TRUST_PROXY, ENV_ALIASES, type Env, EnvSchema, isLoopbackUrl, type LogFormat, type UserDirectorySource } from './config-schema';
import { resolveCatalogDbPath } from './catalog-db-path';
import { parseClaimMap } from './parse-claim-map';
import { addRequiredScopes, type ClaimMap, DEFAULT_CLAIM_MAP, findProviderPreset, OIDC_PROVIDERS, PROVIDER_PRESETS, type ProviderPreset } from './provider-presets';
import { readClientPrivateKey } from './read-client-private-key';
import { showSettingValue } from './show-setting-value';
import { DEV_MACHINE_CLIENT } from '../dev-idp/dev-machine-client';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Nansen cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type RawEnv = Record<string, string | undefined>;

/**
 * Fill our names from Amundsen's aliases; report a conflict when both are set differently. `viaAlias`
 * records which alias gave a name its value, so a problem can name the variable the operator set.
 */
function resolveAliases(env: RawEnv, problems: string[]): { resolved: RawEnv; viaAlias: Record<string, string> } {
  const resolved: RawEnv = {};
  const viaAlias: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') resolved[key] = value;
  for (const [name, aliases] of Object.entries(ENV_ALIASES)) {
    for (const alias of aliases) {
      const aliasValue = resolved[alias];
      if (aliasValue === undefined) continue;
      if (resolved[name] === undefined) {
        resolved[name] = aliasValue;
        viaAlias[name] = alias;
      } else if (resolved[name] !== aliasValue)
        problems.push(`${name} and its alias ${alias} are both set, to different values: keep one of them`);
    }
  }
  return { resolved, viaAlias };
}

/** The Google People API scope the google directory needs in the signed-in user's token. */
export const GOOGLE_DIRECTORY_SCOPE = 'https://www.googleapis.com/auth/directory.readonly';
/** The Okta scope the okta directory needs in the signed-in user's token (org authorization server only). */
export const OKTA_DIRECTORY_SCOPE = 'okta.users.read';

/** USER_DIRECTORY's source, the scopes it needs in the user's token, and its problems. */
function resolveUserDirectory(e: Env, preset: ProviderPreset, issuer: string | undefined, problems: string[]): { source: UserDirectorySource; scopes: string[] } {
  const unused = (name: string, value: unknown, kind: string) => {
    if (value !== undefined && e.USER_DIRECTORY !== kind) problems.push(`${name} is set but USER_DIRECTORY is ${e.USER_DIRECTORY}: set USER_DIRECTORY=${kind} to use it, or remove it`);
  };
  unused('USER_DIRECTORY_OKTA_ORG_URL', e.USER_DIRECTORY_OKTA_ORG_URL, 'okta');
  unused('USER_DIRECTORY_OKTA_API_TOKEN', e.USER_DIRECTORY_OKTA_API_TOKEN, 'okta');
  unused('USER_DIRECTORY_SCIM_URL', e.USER_DIRECTORY_SCIM_URL, 'scim');
  unused('USER_DIRECTORY_SCIM_TOKEN', e.USER_DIRECTORY_SCIM_TOKEN, 'scim');
  unused('USER_DIRECTORY_MODULE', e.USER_DIRECTORY_MODULE, 'module');
  const none = { source: { kind: 'none' as const }, scopes: [] };
  switch (e.USER_DIRECTORY) {
    case 'none':
      return none;
    case 'okta': {
      const orgUrl = e.USER_DIRECTORY_OKTA_ORG_URL ?? (preset.id === 'okta' && issuer ? new URL(issuer).origin : undefined);
      if (!orgUrl) {
        problems.push('USER_DIRECTORY_OKTA_ORG_URL is required with USER_DIRECTORY=okta (unless OIDC_PROVIDER=okta, whose issuer\'s origin is used): your Okta org URL, such as https://acme.okta.com');
        return none;
      }
      if (e.USER_DIRECTORY_OKTA_API_TOKEN) return { source: { kind: 'okta', orgUrl, apiToken: e.USER_DIRECTORY_OKTA_API_TOKEN }, scopes: [] };
      // Without a service credential the signed-in user's token is sent; okta.* scopes come only from the org authorization server.
      if (!issuer || issuer.replace(/\/+$/, '') !== orgUrl) {
        problems.push(`USER_DIRECTORY=okta without USER_DIRECTORY_OKTA_API_TOKEN asks Okta with the signed-in user's token, which can hold the okta.users.read scope only when OIDC_ISSUER is the org authorization server (${orgUrl}), not a custom one: set USER_DIRECTORY_OKTA_API_TOKEN to an API token, or OIDC_ISSUER=${orgUrl}`);
        return none;
      }
      return { source: { kind: 'okta', orgUrl, apiToken: undefined }, scopes: [OKTA_DIRECTORY_SCOPE] };
    }
    case 'google':
      if (preset.id !== 'google') {
        problems.push('USER_DIRECTORY=google asks Google\'s People API with the signed-in user\'s Google token: it needs OIDC_PROVIDER=google');
        return none;
      }
      return { source: { kind: 'google', apiUrl: e.USER_DIRECTORY_GOOGLE_API_URL }, scopes: [GOOGLE_DIRECTORY_SCOPE] };
    case 'scim':
      if (!e.USER_DIRECTORY_SCIM_URL || !e.USER_DIRECTORY_SCIM_TOKEN) {
        if (!e.USER_DIRECTORY_SCIM_URL) problems.push('USER_DIRECTORY_SCIM_URL is required with USER_DIRECTORY=scim: the SCIM 2.0 base URL, such as https://scim.example.com/scim/v2');
        if (!e.USER_DIRECTORY_SCIM_TOKEN) problems.push('USER_DIRECTORY_SCIM_TOKEN is required with USER_DIRECTORY=scim: a bearer token the SCIM service accepts for reading users');
        return none;
      }
      return { source: { kind: 'scim', baseUrl: e.USER_DIRECTORY_SCIM_URL, token: e.USER_DIRECTORY_SCIM_TOKEN, attribute: e.USER_DIRECTORY_SCIM_USER_ATTRIBUTE }, scopes: [] };
    case 'module': {
      if (!e.USER_DIRECTORY_MODULE) {
        problems.push('USER_DIRECTORY_MODULE is required with USER_DIRECTORY=module: the path of a JS or TS module exporting getUserDetails(userId, context)');
        return none;
      }
      const file = path.resolve(e.USER_DIRECTORY_MODULE);
      if (!fs.existsSync(file)) {
        problems.push(`USER_DIRECTORY_MODULE (${file}) does not exist: give the path of a JS or TS module exporting getUserDetails(userId, context)`);
        return none;
      }
      return { source: { kind: 'module', file }, scopes: [] };
    }
  }
}

function resolvePreset(value: string | undefined, alias: string | undefined, problems: string[]): ProviderPreset {
  if (value === undefined) return PROVIDER_PRESETS.generic;
  const preset = findProviderPreset(value);
  if (preset) return preset;
  const source = alias ? `${alias} (the alias of OIDC_PROVIDER)` : 'OIDC_PROVIDER';
  problems.push(
    `${source} is "${value}"; it must be one of ${OIDC_PROVIDERS.join(', ')} (generic for any other OpenID provider)${alias ? '. The name shown on login pages is OIDC_PROVIDER_NAME' : ''}`,
  );
  return PROVIDER_PRESETS.generic;
}

/** `; it is "<value>"`, as written (through its alias when that gave it), when the value may be shown; else ''. */
function shownValue(name: string, env: RawEnv, viaAlias: Record<string, string>): string {
  const raw = env[name];
  const shown = raw === undefined ? undefined : showSettingValue(viaAlias[name] ?? name, raw);
  return shown === undefined ? '' : `; it is ${shown}`;
}

/** Reads the environment once; throws ConfigError listing every bad setting. */
export function loadConfig(rawEnv: RawEnv): Config {
  const problems: string[] = [];
  const { resolved: env, viaAlias } = resolveAliases(rawEnv, problems);
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      // A text setting of spaces only: zod's own words ("Too small: expected string to have >=1 characters") name no fix.
      const blank = issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1;
      if (blank) {
        problems.push(`${name} is blank (spaces only): give it a value, or remove it`);
        continue;
      }
      const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
      // What was written, when it may be shown (never a secret, never a URL's password).
      const raw = env[name];
      const shown = raw === undefined ? undefined : showSettingValue(name, raw);
      problems.push(shown === undefined || message.includes(shown) ? message : `${message}; it is ${shown}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const preset = resolvePreset(e.OIDC_PROVIDER, viaAlias.OIDC_PROVIDER, problems);
  let issuer = e.OIDC_ISSUER ?? preset.defaultIssuer;
  if (issuer && preset.normalizeIssuer) issuer = preset.normalizeIssuer(issuer);
  const devIdpEnabled = issuer === undefined;
  if (devIdpEnabled && preset.id !== 'generic')
    problems.push(`OIDC_ISSUER is required with OIDC_PROVIDER=${preset.id}: set it to your ${preset.displayName} issuer URL (see "Connect your provider" in the README)`);
  const issuerProblem = issuer ? preset.checkIssuer?.(issuer) : undefined;
  if (issuerProblem) problems.push(issuerProblem);

  if (production && devIdpEnabled)
    problems.push(
      'OIDC_ISSUER (or FLASK_OIDC_CONFIG_URL) is required when NODE_ENV=production: the development identity provider never runs in production. Set it to your provider\'s issuer URL',
    );
  const usesSecret = e.OIDC_CLIENT_AUTH_METHOD !== 'private_key_jwt';
  if (!devIdpEnabled) {
    if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID (or FLASK_OIDC_CLIENT_ID) is required when OIDC_ISSUER is set: use the client id registered for Nansen at your provider');
    if (usesSecret && !e.OIDC_CLIENT_SECRET)
      problems.push(`OIDC_CLIENT_SECRET (or FLASK_OIDC_CLIENT_SECRET) is required with OIDC_CLIENT_AUTH_METHOD=${e.OIDC_CLIENT_AUTH_METHOD}: use the client secret registered for Nansen at your provider (or authenticate with a key: OIDC_CLIENT_AUTH_METHOD=private_key_jwt)`);
    if (issuer && issuer.startsWith('http:') && !isLoopbackUrl(issuer))
      problems.push(`OIDC_ISSUER must use https (plain http is only allowed for localhost issuers)${shownValue('OIDC_ISSUER', env, viaAlias)}`);
  } else if (e.OIDC_CLIENT_AUTH_METHOD !== 'client_secret_basic') {
    problems.push(`OIDC_CLIENT_AUTH_METHOD=${e.OIDC_CLIENT_AUTH_METHOD} needs your own provider (OIDC_ISSUER): the development provider authenticates Nansen with client_secret_basic`);
  }
  let clientAuth: ClientAuthConfig = { method: e.OIDC_CLIENT_AUTH_METHOD === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic' };
  if (e.OIDC_CLIENT_AUTH_METHOD === 'private_key_jwt') {
    if (!e.OIDC_CLIENT_PRIVATE_KEY_FILE) {
      problems.push('OIDC_CLIENT_PRIVATE_KEY_FILE is required with OIDC_CLIENT_AUTH_METHOD=private_key_jwt: the PEM or JWK file of the key whose public half is registered for Nansen at your provider');
    } else {
      const key = readClientPrivateKey(path.resolve(e.OIDC_CLIENT_PRIVATE_KEY_FILE), e.OIDC_CLIENT_PRIVATE_KEY_ID);
      if (typeof key === 'string') problems.push(key);
      else clientAuth = { method: 'private_key_jwt', privateKey: key };
    }
    if (e.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET is set but OIDC_CLIENT_AUTH_METHOD=private_key_jwt signs with a key instead: remove OIDC_CLIENT_SECRET');
  } else if (e.OIDC_CLIENT_PRIVATE_KEY_FILE) {
    problems.push(`OIDC_CLIENT_PRIVATE_KEY_FILE is set but OIDC_CLIENT_AUTH_METHOD is ${e.OIDC_CLIENT_AUTH_METHOD}: set OIDC_CLIENT_AUTH_METHOD=private_key_jwt to authenticate with the key, or remove OIDC_CLIENT_PRIVATE_KEY_FILE`);
  }
  const directory = resolveUserDirectory(e, preset, issuer, problems);
  const trustProxy = e.TRUST_PROXY ?? (publicUrl.startsWith('https:') ? DEFAULT_HTTPS_TRUST_PROXY : false);
  if (publicUrl.startsWith('https:') && trustProxy === false)
    problems.push('TRUST_PROXY=false with an https PUBLIC_URL: Nansen serves plain http behind the proxy that terminates TLS, and its Secure session cookie is only set when it trusts that proxy\'s X-Forwarded-Proto. Set TRUST_PROXY to the proxy\'s address (the default trusts loopback, linklocal and uniquelocal addresses)');
  if (production && !e.SESSION_SECRET && !e.SESSION_SECRETS)
    problems.push('SESSION_SECRETS (or SESSION_SECRET) is required when NODE_ENV=production; generate one with: openssl rand -hex 32');
  if (e.SESSION_SECRET && e.SESSION_SECRETS)
    problems.push('SESSION_SECRET and SESSION_SECRETS are both set: keep SESSION_SECRETS (a list, the newest first) and remove SESSION_SECRET');
  if (e.SESSION_STORE === 'redis' && !e.REDIS_URL)
    problems.push('REDIS_URL is required when SESSION_STORE=redis, for example redis://localhost:6379');
  if (e.SESSION_STORE !== 'redis' && e.REDIS_URL)
    problems.push('REDIS_URL is set but SESSION_STORE is not redis: set SESSION_STORE=redis to share sessions through Redis, or remove REDIS_URL');
  if (e.SESSION_ABSOLUTE_TIMEOUT_HOURS * 60 < e.SESSION_IDLE_TIMEOUT_MINUTES)
    problems.push(`SESSION_ABSOLUTE_TIMEOUT_HOURS (${e.SESSION_ABSOLUTE_TIMEOUT_HOURS} h) must not be shorter than SESSION_IDLE_TIMEOUT_MINUTES (${e.SESSION_IDLE_TIMEOUT_MINUTES} min)`);
  if (production && publicUrl.startsWith('http:') && !isLoopbackUrl(publicUrl))
    problems.push('PUBLIC_URL must use https when NODE_ENV=production (session cookies are Secure)');
  if (e.UPSTREAM_AUTH === 'flaskoidc' && e.METADATA_URL === undefined)
    problems.push('UPSTREAM_AUTH=flaskoidc is for Amundsen services launched as flaskoidc apps (set METADATA_URL and SEARCH_URL to them); the embedded catalog takes UPSTREAM_AUTH=bearer');
  if (e.CATALOG_MACHINE_CLIENTS && e.METADATA_URL !== undefined)
    problems.push('CATALOG_MACHINE_CLIENTS is set but METADATA_URL points at other metadata services: the allow-list is the embedded catalog\'s; remove it, or unset METADATA_URL and SEARCH_URL');
  // The embedded catalog's other settings, refused as its allow-list is: with METADATA_URL nothing reads them.
  if (e.METADATA_URL !== undefined) {
    for (const [name, what] of EMBEDDED_CATALOG_SETTINGS)
      if (env[name] !== undefined) problems.push(`${name} is set but METADATA_URL points at other metadata services: ${what} is the embedded catalog's, which this Nansen does not run; remove it, or unset METADATA_URL and SEARCH_URL`);
  }
  const bffClientId = e.OIDC_CLIENT_ID ?? 'nansen-bff';
  if (e.CATALOG_MACHINE_CLIENTS?.includes(bffClientId))
    problems.push(`CATALOG_MACHINE_CLIENTS names Nansen's own client (${bffClientId}), whose tokens are people's: every person would get a machine's rights (load only). Register a client of its own for your pipelines (client credentials grant) and list that one`);
  if ((e.METADATA_URL === undefined) !== (e.SEARCH_URL === undefined))
    problems.push('METADATA_URL and SEARCH_URL must be set together (to use real Amundsen services) or both left unset (to use the embedded catalog)');

  let configuredMap: ClaimMap = {};
  if (e.OIDC_CLAIM_MAP) {
    const parsedMap = parseClaimMap(e.OIDC_CLAIM_MAP);
    if ('problems' in parsedMap) problems.push(...parsedMap.problems);
    else configuredMap = parsedMap.map;
  }
  const groupsClaim = e.OIDC_GROUPS_CLAIM === undefined ? preset.groupsClaim : e.OIDC_GROUPS_CLAIM.toLowerCase() === 'none' ? undefined : e.OIDC_GROUPS_CLAIM;
  let redirectUri = `${publicUrl}/auth`;
  if (e.OIDC_REDIRECT_URI) {
    // flaskoidc takes a path ("/auth"); we also take an absolute URL.
    if (e.OIDC_REDIRECT_URI.startsWith('/')) redirectUri = `${publicUrl}${e.OIDC_REDIRECT_URI}`;
    else if (/^https?:\/\//.test(e.OIDC_REDIRECT_URI) && URL.canParse(e.OIDC_REDIRECT_URI)) redirectUri = e.OIDC_REDIRECT_URI;
    else problems.push(`OIDC_REDIRECT_URI must be a path such as /auth or an absolute URL such as ${publicUrl}/auth`);
  }
  if (URL.canParse(redirectUri) && new URL(redirectUri).origin !== new URL(publicUrl).origin)
    problems.push(`OIDC_REDIRECT_URI (${redirectUri}) must be on PUBLIC_URL's origin (${publicUrl}), where Nansen receives the login callback`);

  problems.push(...checkPublicUrlPath(publicUrl), ...checkPortsDiffer(e, devIdpEnabled));
  if (e.OIDC_LOGOUT_ID_TOKEN_HINT === 'form_post' && devIdpEnabled)
    problems.push('OIDC_LOGOUT_ID_TOKEN_HINT=form_post needs your own provider (OIDC_ISSUER): the development provider takes logout requests by GET only, and ends its session without the ID token');
  if (e.OIDC_LOGOUT_ID_TOKEN_HINT === 'none' && preset.logoutIdTokenHint === 'form_post')
    problems.push(`OIDC_LOGOUT_ID_TOKEN_HINT=none cannot end the ${preset.displayName} session: ${preset.displayName}'s logout refuses a request without id_token_hint. Remove the setting (OIDC_PROVIDER=${preset.id} sends it as form_post, never in a URL)`);

  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  const embedded = e.METADATA_URL === undefined;
  const authorizationParams: Record<string, string> = { ...preset.authorizationParams };
  if (e.OIDC_AUDIENCE) authorizationParams.audience = e.OIDC_AUDIENCE;
  if (e.OIDC_RESOURCE) authorizationParams.resource = e.OIDC_RESOURCE;
  const config: Config = {
    mode: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir,
    oidc: {
      issuer,
      clientId: e.OIDC_CLIENT_ID ?? 'nansen-bff',
      clientSecret: e.OIDC_CLIENT_SECRET ?? '',
      redirectUri,
      postLogoutRedirectUri: `${publicUrl}/logged-out`,
      scopes: [addRequiredScopes(e.OIDC_SCOPES, preset), ...directory.scopes.filter((scope) => !e.OIDC_SCOPES.split(' ').includes(scope))].join(' '),
      userIdClaim: e.OIDC_USER_ID_CLAIM ?? preset.userIdClaim,
      provider: preset.id,
      providerName: e.OIDC_PROVIDER_NAME ?? (devIdpEnabled ? 'Nansen development login' : preset.displayName),
      idTokenSigningAlg: e.OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG,
      clientAuth,
      authorizationParams,
      tokenParams: e.OIDC_RESOURCE ? { resource: e.OIDC_RESOURCE } : {},
      claims: {
        userIdClaim: e.OIDC_USER_ID_CLAIM ?? preset.userIdClaim,
        map: { ...DEFAULT_CLAIM_MAP, ...preset.claimMap, ...configuredMap },
        requested: [...Object.values(configuredMap).flat(), ...(e.OIDC_GROUPS_CLAIM && groupsClaim ? [groupsClaim] : [])],
        groupsClaim,
        maxGroups: e.OIDC_GROUPS_MAX,
      },
      logout: {
        idTokenHint: e.OIDC_LOGOUT_ID_TOKEN_HINT ?? preset.logoutIdTokenHint,
        // The development provider, like Auth0, ends its session without asking for its session's sid.
        sidAsLogoutHint: preset.sidAsLogoutHint || devIdpEnabled,
      },
    },
    devIdp: { enabled: devIdpEnabled, port: e.DEV_IDP_PORT },
    catalog: {
      embedded,
      metadataUrl: e.METADATA_URL ?? `http://${catalogConnectHost(e.CATALOG_HOST)}:${e.CATALOG_METADATA_PORT}`,
      searchUrl: e.SEARCH_URL ?? `http://${catalogConnectHost(e.CATALOG_HOST)}:${e.CATALOG_SEARCH_PORT}`,
      metadataPort: e.CATALOG_METADATA_PORT,
      searchPort: e.CATALOG_SEARCH_PORT,
      dbPath: resolveCatalogDbPath(dataDir, e.CATALOG_DB),
      // Fake tables, people and dashboards never go into a production catalog unless asked for (decision 035).
      demoTables: e.CATALOG_DEMO_TABLES ?? (production ? 0 : DEFAULT_DEMO_TABLES),
      process: e.CATALOG_PROCESS,
      tokenAudience: e.CATALOG_TOKEN_AUDIENCE ?? e.OIDC_AUDIENCE ?? e.OIDC_RESOURCE,
      upstreamAuth: e.UPSTREAM_AUTH,
      host: e.CATALOG_HOST,
      // The development provider registers a pipeline client; it is listed unless the setting says otherwise.
      machineClients: e.CATALOG_MACHINE_CLIENTS ?? (devIdpEnabled ? [DEV_MACHINE_CLIENT.clientId] : []),
    },
    session: {
      secrets: e.SESSION_SECRETS ?? (e.SESSION_SECRET ? [e.SESSION_SECRET] : undefined),
      store: e.SESSION_STORE,
      redisUrl: e.REDIS_URL,
      dbPath: path.resolve(dataDir, 'sessions.sqlite'),
      idleTimeoutMinutes: e.SESSION_IDLE_TIMEOUT_MINUTES,
      absoluteTimeoutHours: e.SESSION_ABSOLUTE_TIMEOUT_HOURS,
      cookieSecure: publicUrl.startsWith('https:'),
    },
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    firstSearchBudgetMs: e.FIRST_SEARCH_BUDGET_MS,
    userDirectory: {
      source: directory.source,
      cacheTtlMs: e.USER_DIRECTORY_CACHE_TTL_SECONDS * 1000,
      cacheSize: e.USER_DIRECTORY_CACHE_SIZE,
      timeoutMs: e.USER_DIRECTORY_TIMEOUT_MS,
    },
    http: {
      trustProxy,
      logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'text'),
      metricsEnabled: e.METRICS_ENABLED,
      rateLimits: {
        loginPerSession: e.RATE_LIMIT_LOGIN_PER_MIN,
        loginPerIp: e.RATE_LIMIT_LOGIN_PER_IP_PER_MIN,
        searchPerSession: e.RATE_LIMIT_SEARCH_PER_MIN,
        searchPerIp: e.RATE_LIMIT_SEARCH_PER_IP_PER_MIN,
      },
    },
    ui: {
      configFile: e.UI_CONFIG_FILE === undefined ? undefined : path.resolve(e.UI_CONFIG_FILE),
      indexUsers: e.INDEX_USERS,
    },
    editRules: { file: e.EDIT_RULES_FILE === undefined ? undefined : path.resolve(e.EDIT_RULES_FILE) },
  };
  return deepFreeze(config);
}

/**
 * The log format before the settings are known to be good (to report bad ones in it): LOG_FORMAT when
 * it is json or text, else json with NODE_ENV=production, as loadConfig decides when they are good.
 */
export function startUpLogFormat(rawEnv: RawEnv): LogFormat {
  const format = rawEnv.LOG_FORMAT?.trim();
  if (format === 'json' || format === 'text') return format;
  return rawEnv.NODE_ENV?.trim() === 'production' ? 'json' : 'text';
}

/** Good settings worth a warning at start-up. */
export function findConfigWarnings(config: Config): string[] {
  const warnings: string[] = [];
  const { catalog } = config;
  if (config.mode === 'production' && catalog.embedded && catalog.demoTables > 0)
    warnings.push(
      `CATALOG_DEMO_TABLES=${catalog.demoTables} with NODE_ENV=production: if the catalog (${catalog.dbPath}) is empty, it is filled with ${catalog.demoTables} made-up tables, people and dashboards. Unset CATALOG_DEMO_TABLES for a real catalog (docs/decisions/035-no-demo-data-in-production.md)`,
    );
  return warnings;
}

/**
 * The embedded catalog's settings besides CATALOG_MACHINE_CLIENTS, and what each sets, for the
 * problem that names one set with METADATA_URL (read from the environment as written: CATALOG_HOST has a default).
 */
const EMBEDDED_CATALOG_SETTINGS: readonly (readonly [string, string])[] = [
  ['CATALOG_DB', 'the database file'],
  ['CATALOG_HOST', 'the address to listen on'],
  ['CATALOG_DEMO_TABLES', 'the demo data'],
  ['CATALOG_TOKEN_AUDIENCE', 'the audience checked in access tokens'],
];

/** Demo tables an empty embedded catalog gets outside production when CATALOG_DEMO_TABLES is unset. */
export const DEFAULT_DEMO_TABLES = 300;

/**
 * PUBLIC_URL must be an origin: the SPA's routes, its assets, the login callback and the session
 * cookie all assume Nansen is served at / (a path was accepted, and login then ended on "Page not found").
 */
function checkPublicUrlPath(publicUrl: string): string[] {
  if (!URL.canParse(publicUrl)) return [];
  const url = new URL(publicUrl);
  if (url.pathname === '/' && !url.search && !url.hash) return [];
  return [
    `PUBLIC_URL (${url.origin}${url.pathname}${url.search ? '?…' : ''}${url.hash ? '#…' : ''}) has a path: Nansen must be served at the root of its host name, since serving under a sub-path is not supported (its pages, login callback and session cookie assume /). Set PUBLIC_URL=${url.origin} and give Nansen a host name of its own at your proxy, such as https://catalog.example.com`,
  ];
}

/** Nansen's own listeners on distinct ports: two settings naming one port would fail as "already in use" by Nansen itself. */
function checkPortsDiffer(e: Env, devIdpEnabled: boolean): string[] {
  const used: [string, number][] = [['PORT', e.PORT]];
  if (devIdpEnabled) used.push(['DEV_IDP_PORT', e.DEV_IDP_PORT]);
  if (e.METADATA_URL === undefined) used.push(['CATALOG_METADATA_PORT', e.CATALOG_METADATA_PORT], ['CATALOG_SEARCH_PORT', e.CATALOG_SEARCH_PORT]);
  const problems: string[] = [];
  used.forEach(([name, port], index) => {
    const first = used.slice(0, index).find(([, other]) => other === port);
    if (first)
      problems.push(`${name} and ${first[0]} are both ${port}: Nansen listens on each of them, so they must differ; set one of them to another port`);
  });
  return problems;
}

/** Where the BFF reaches the embedded catalog: loopback when it listens on every interface, else its address. */
function catalogConnectHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function deepFreeze<T extends object>(value: T): T {
  // Key objects stay as they are: they hold no settings, only key material.
  for (const v of Object.values(value)) if (v && typeof v === 'object' && !(v instanceof KeyObject)) deepFreeze(v);
  return Object.freeze(value);
}
