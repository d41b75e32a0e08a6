import path from 'node:path';
import { type Config, ENV_ALIASES, EnvSchema, isLoopbackUrl } from './config-schema';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Nansen cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type RawEnv = Record<string, string | undefined>;

/** Fill our names from Amundsen's aliases; report a conflict when both are set differently. */
function resolveAliases(env: RawEnv, problems: string[]): RawEnv {
  const resolved: RawEnv = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') resolved[key] = value;
  for (const [name, aliases] of Object.entries(ENV_ALIASES)) {
    for (const alias of aliases) {
      const aliasValue = resolved[alias];
      if (aliasValue === undefined) continue;
      if (resolved[name] === undefined) resolved[name] = aliasValue;
      else if (resolved[name] !== aliasValue)
        problems.push(`${name} and its alias ${alias} are both set, to different values: keep one of them`);
    }
  }
  return resolved;
}

/** Reads the environment once; throws ConfigError listing every bad setting. */
export function loadConfig(rawEnv: RawEnv): Config {
  const problems: string[] = [];
  const env = resolveAliases(rawEnv, problems);
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      problems.push(issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const devIdpEnabled = e.OIDC_ISSUER === undefined;

  if (production && devIdpEnabled)
    problems.push(
      'OIDC_ISSUER (or FLASK_OIDC_CONFIG_URL) is required when NODE_ENV=production: the development identity provider never runs in production. Set it to your provider\'s issuer URL',
    );
  if (!devIdpEnabled) {
    if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID (or FLASK_OIDC_CLIENT_ID) is required when OIDC_ISSUER is set: use the client id registered for Nansen at your provider');
    if (!e.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET (or FLASK_OIDC_CLIENT_SECRET) is required when OIDC_ISSUER is set: use the client secret registered for Nansen at your provider');
    if (e.OIDC_ISSUER && e.OIDC_ISSUER.startsWith('http:') && !isLoopbackUrl(e.OIDC_ISSUER))
      problems.push('OIDC_ISSUER must use https (plain http is only allowed for localhost issuers)');
  }
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
  if ((e.METADATA_URL === undefined) !== (e.SEARCH_URL === undefined))
    problems.push('METADATA_URL and SEARCH_URL must be set together (to use real Amundsen services) or both left unset (to use the embedded catalog)');

  let redirectUri = `${publicUrl}/auth`;
  if (e.OIDC_REDIRECT_URI) {
    // flaskoidc takes a path ("/auth"); we also take an absolute URL.
    if (e.OIDC_REDIRECT_URI.startsWith('/')) redirectUri = `${publicUrl}${e.OIDC_REDIRECT_URI}`;
    else if (/^https?:\/\//.test(e.OIDC_REDIRECT_URI) && URL.canParse(e.OIDC_REDIRECT_URI)) redirectUri = e.OIDC_REDIRECT_URI;
    else problems.push(`OIDC_REDIRECT_URI must be a path such as /auth or an absolute URL such as ${publicUrl}/auth`);
  }
  if (URL.canParse(redirectUri) && new URL(redirectUri).origin !== new URL(publicUrl).origin)
    problems.push(`OIDC_REDIRECT_URI (${redirectUri}) must be on PUBLIC_URL's origin (${publicUrl}), where Nansen receives the login callback`);

  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  const embedded = e.METADATA_URL === undefined;
  const config: Config = {
    mode: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir,
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID ?? 'nansen-bff',
      clientSecret: e.OIDC_CLIENT_SECRET ?? '',
      redirectUri,
      postLogoutRedirectUri: `${publicUrl}/logged-out`,
      scopes: e.OIDC_SCOPES,
      userIdClaim: e.OIDC_USER_ID_CLAIM,
      providerName: e.OIDC_PROVIDER_NAME ?? (devIdpEnabled ? 'Nansen development login' : 'your identity provider'),
      idTokenSigningAlg: e.OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG,
    },
    devIdp: { enabled: devIdpEnabled, port: e.DEV_IDP_PORT },
    catalog: {
      embedded,
      metadataUrl: e.METADATA_URL ?? `http://127.0.0.1:${e.CATALOG_METADATA_PORT}`,
      searchUrl: e.SEARCH_URL ?? `http://127.0.0.1:${e.CATALOG_SEARCH_PORT}`,
      metadataPort: e.CATALOG_METADATA_PORT,
      searchPort: e.CATALOG_SEARCH_PORT,
      dbPath: path.resolve(dataDir, e.CATALOG_DB ?? 'catalog.sqlite'),
      demoTables: e.CATALOG_DEMO_TABLES,
      tokenAudience: e.CATALOG_TOKEN_AUDIENCE,
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
    ui: {
      configFile: e.UI_CONFIG_FILE === undefined ? undefined : path.resolve(e.UI_CONFIG_FILE),
      indexUsers: e.INDEX_USERS,
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(value);
}
