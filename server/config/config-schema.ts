// The one place that turns environment variables into a validated, typed, frozen Config.
// Every bad variable is reported at once, naming the variable and the fix.
import { isIP } from 'node:net';
import { z } from 'zod';
import { isLoopbackUrl } from '../http/loopback-host';
import type { ClientPrivateKey } from './read-client-private-key';
import { UPSTREAM_AUTH_MODES, type UpstreamAuthMode } from '../upstream/upstream-token';
import type { ClaimMap, OidcProviderId } from './provider-presets';
import { DEFAULT_DATA_DIR } from './catalog-db-path';
import { LOGOUT_ID_TOKEN_HINTS, type LogoutIdTokenHint } from './logout-id-token-hint';

/** Our names first; Amundsen (flaskoidc / frontend) names are accepted as aliases. */
export const ENV_ALIASES: Record<string, readonly string[]> = {
  OIDC_ISSUER: ['FLASK_OIDC_CONFIG_URL'],
  OIDC_CLIENT_ID: ['FLASK_OIDC_CLIENT_ID'],
  OIDC_CLIENT_SECRET: ['FLASK_OIDC_CLIENT_SECRET'],
  OIDC_REDIRECT_URI: ['FLASK_OIDC_REDIRECT_URI'],
  OIDC_SCOPES: ['FLASK_OIDC_SCOPES'],
  OIDC_USER_ID_CLAIM: ['FLASK_OIDC_USER_ID_FIELD'],
  // flaskoidc picks its provider by this name (google, okta, keycloak …); the display name is OIDC_PROVIDER_NAME.
  OIDC_PROVIDER: ['FLASK_OIDC_PROVIDER_NAME'],
  METADATA_URL: ['METADATASERVICE_BASE'],
  SEARCH_URL: ['SEARCHSERVICE_BASE'],
};

export { LOGOUT_ID_TOKEN_HINTS, type LogoutIdTokenHint };

export interface LogoutSettings {
  readonly idTokenHint: LogoutIdTokenHint;
  /** Send the login's `sid` as logout_hint, for a provider that reads it so (Auth0, the development provider). */
  readonly sidAsLogoutHint: boolean;
}

export interface Config {
  readonly mode: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Where browsers reach the BFF, without a trailing slash. */
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly oidc: {
    /** Issuer URL; undefined when the development IdP is used (it fills this at start). */
    readonly issuer: string | undefined;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly redirectUri: string;
    readonly postLogoutRedirectUri: string;
    readonly scopes: string;
    readonly userIdClaim: string;
    /** The preset (OIDC_PROVIDER): what the provider needs beyond plain OpenID Connect. */
    readonly provider: OidcProviderId;
    /** The provider's name on Nansen's pages (OIDC_PROVIDER_NAME, else the preset's). */
    readonly providerName: string;
    /** The one algorithm ID tokens must be signed with; never `none`, never HMAC. */
    readonly idTokenSigningAlg: string;
    readonly clientAuth: ClientAuthConfig;
    /** Sent with every authorization request: the preset's, plus `audience` (OIDC_AUDIENCE) and `resource` (OIDC_RESOURCE). */
    readonly authorizationParams: Readonly<Record<string, string>>;
    /** Sent with every token request (code and refresh): `resource` (RFC 8707) when OIDC_RESOURCE is set. */
    readonly tokenParams: Readonly<Record<string, string>>;
    /** How ID-token and UserInfo claims become the User and the session's groups. */
    readonly claims: ClaimRules;
    /** How logging out ends the provider's session (decision 049). */
    readonly logout: LogoutSettings;
  };
  readonly devIdp: { readonly enabled: boolean; readonly port: number };
  readonly catalog: {
    /** True when METADATA_URL and SEARCH_URL are unset: the embedded catalog starts. */
    readonly embedded: boolean;
    readonly metadataUrl: string;
    readonly searchUrl: string;
    readonly metadataPort: number;
    readonly searchPort: number;
    readonly dbPath: string;
    readonly demoTables: number;
    /** CATALOG_PROCESS: 'separate' (default) runs the embedded catalog in a child process beside the BFF; 'in-process' shares the BFF's event loop (for benchmarks). */
    readonly process: 'separate' | 'in-process';
    /** Audience the catalog demands in JWT access tokens; undefined = not checked. */
    readonly tokenAudience: string | undefined;
    /** How the user's token travels to metadata and search (UPSTREAM_AUTH). */
    readonly upstreamAuth: UpstreamAuthMode;
    /** Where the embedded catalog listens (CATALOG_HOST); 127.0.0.1 by default. */
    readonly host: string;
    /**
     * Client ids whose client-credentials tokens may load metadata (POST /ingest, POST /import/dbt, POST /api/v1/lineage)
     * and nothing else (CATALOG_MACHINE_CLIENTS; with the development provider, its pipeline client).
     */
    readonly machineClients: readonly string[];
  };
  readonly session: {
    /** SESSION_SECRETS (or SESSION_SECRET): the first signs and encrypts, all are accepted; undefined = generated in development. */
    readonly secrets: readonly string[] | undefined;
    readonly store: 'sqlite' | 'redis';
    /** With store 'redis'. */
    readonly redisUrl: string | undefined;
    readonly dbPath: string;
    readonly idleTimeoutMinutes: number;
    readonly absoluteTimeoutHours: number;
    readonly cookieSecure: boolean;
  };
  readonly upstreamTimeoutMs: number;
  /** FIRST_SEARCH_BUDGET_MS: how long the /search page waits for its first answer; 0 = never in the page. */
  readonly firstSearchBudgetMs: number;
  /** Where people the metadata service does not know are looked up (USER_DIRECTORY). */
  readonly userDirectory: UserDirectoryConfig;
  readonly http: {
    /** Express's `trust proxy`: whose X-Forwarded-* headers count (TRUST_PROXY). */
    readonly trustProxy: TrustProxy;
    /** LOG_FORMAT: one JSON object per line (default in production) or text (default otherwise). */
    readonly logFormat: LogFormat;
    /**
     * METRICS_ENABLED: serve /metrics, to requests that did not come through a proxy (server/http/metrics.ts);
     * otherwise /metrics is off, an SPA page like any other URL (docs/operations.md).
     */
    readonly metricsEnabled: boolean;
    /** Requests per minute; 0 turns a limit off (docs/operations.md). */
    readonly rateLimits: RateLimitSettings;
  };
  readonly ui: {
    /** The runtime UI config file (absolute path); undefined = every UI option at its default. */
    readonly configFile: string | undefined;
    /** INDEX_USERS when set; it wins over the file's indexUsers.enabled. */
    readonly indexUsers: boolean | undefined;
  };
  readonly editRules: {
    /** EDIT_RULES_FILE (absolute path): who may edit what; undefined = everyone signed in may edit. */
    readonly file: string | undefined;
  };
}

export interface ClaimRules {
  /** The claim whose value is the user id (OIDC_USER_ID_CLAIM). */
  readonly userIdClaim: string;
  /** User field → claims tried in order: the defaults, the preset's, then OIDC_CLAIM_MAP. */
  readonly map: ClaimMap;
  /** Claims the operator asked for (OIDC_CLAIM_MAP, OIDC_GROUPS_CLAIM): worth a UserInfo request when the ID token lacks them. */
  readonly requested: readonly string[];
  /** Where the groups are (OIDC_GROUPS_CLAIM); undefined = none kept. */
  readonly groupsClaim: string | undefined;
  /** At most this many groups are kept in a session (OIDC_GROUPS_MAX). */
  readonly maxGroups: number;
}

export const USER_DIRECTORIES = ['none', 'okta', 'google', 'scim', 'module'] as const;

export type UserDirectorySource =
  | { readonly kind: 'none' }
  | { readonly kind: 'okta'; readonly orgUrl: string; readonly apiToken: string | undefined }
  | { readonly kind: 'google'; readonly apiUrl: string }
  | { readonly kind: 'scim'; readonly baseUrl: string; readonly token: string; readonly attribute: string }
  | { readonly kind: 'module'; readonly file: string };

export interface UserDirectoryConfig {
  readonly source: UserDirectorySource;
  readonly cacheTtlMs: number;
  readonly cacheSize: number;
  readonly timeoutMs: number;
}

export type ClientAuthConfig =
  | { readonly method: 'client_secret_basic' | 'client_secret_post' }
  | { readonly method: 'private_key_jwt'; readonly privateKey: ClientPrivateKey };

export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;

/** false: no proxy; true: every hop (only behind a proxy that strips what clients send); a number of hops; or addresses. */
export type TrustProxy = boolean | number | readonly string[];

/** Today's behaviour with an https PUBLIC_URL: a proxy on this machine or a private network. */
export type LogFormat = 'json' | 'text';

export interface RateLimitSettings {
  readonly loginPerSession: number;
  readonly loginPerIp: number;
  readonly searchPerSession: number;
  readonly searchPerIp: number;
}

export const DEFAULT_HTTPS_TRUST_PROXY: readonly string[] = ['loopback', 'linklocal', 'uniquelocal'];

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d+$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/** The one loopback rule (server/http/loopback-host.ts), re-exported for the config's callers. */
export { isLoopbackUrl };

/** Asymmetric JWS algorithms only: `none` proves nothing, and HMAC lets anyone with the client secret forge. */
export const ID_TOKEN_SIGNING_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number (1-65535)` })
    .int({ error: `${name} must be a whole port number (1-65535)` })
    .min(1, { error: `${name} must be a port number between 1 and 65535` })
    .max(65535, { error: `${name} must be a port number between 1 and 65535` })
    .default(fallback);

const httpUrl = (name: string, example: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), {
      error: `${name} must be an absolute http(s) URL, for example ${example}`,
    })
    .transform((v) => v.replace(/\/+$/, ''));

const bool = (name: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { error: `${name} must be true or false` })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (name: string, fallback: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(1, { error: `${name} must be at least 1` })
    .max(max, { error: `${name} must be at most ${max}` })
    .default(fallback);

const perMinute = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number of requests per minute (0 turns the limit off)` })
    .int({ error: `${name} must be a whole number of requests per minute (0 turns the limit off)` })
    .min(0, { error: `${name} must be 0 (off) or more` })
    .max(1_000_000, { error: `${name} must be at most 1000000` })
    .default(fallback);

const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (/^\d+$/.test(lower)) return Number(lower);
    const entries = lower.split(',').map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !isAddressOrRange(e));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY must be false, true, a number of proxies, or a comma-separated list of the proxies' addresses or ranges (loopback, linklocal, uniquelocal, 10.0.0.0/8, 2001:db8::1 …)${bad.length ? `; not an address or range: ${bad.join(', ')}` : ''}`,
      });
      return z.NEVER;
    }
    return entries;
  });

export const EnvSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'NODE_ENV must be development, production or test' })
    .default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port('PORT', 5000),
  PUBLIC_URL: httpUrl('PUBLIC_URL', 'https://catalog.example.com').optional(),
  DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
  OIDC_ISSUER: z
    .string()
    .trim()
    .transform((v) => v.replace(/\/\.well-known\/openid-configuration\/?$/, ''))
    .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), {
      error: 'OIDC_ISSUER must be an absolute http(s) URL, for example https://login.example.com/realms/main',
    })
    // No issuer holds a user name or password (OpenID Connect Discovery §2), and the issuer is written in
    // log lines and warnings: refused, with the password hidden where the value is shown.
    .refine((v) => !URL.canParse(v) || (new URL(v).username === '' && new URL(v).password === ''), {
      error: 'OIDC_ISSUER must not hold a user name or password (user:password@): an issuer URL has none, and Nansen writes the issuer into its log. Remove them and set OIDC_ISSUER to the issuer your provider declares, for example https://login.example.com/realms/main',
    })
    // An issuer with a path loses trailing slashes (discovery appends to it); an origin is kept as
    // written, since providers differ there (https://accounts.google.com, https://tenant.auth0.com/).
    .transform((v) => (new URL(v).pathname.replace(/\/+$/, '') === '' ? v : v.replace(/\/+$/, '')))
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.string().trim().min(1).optional(),
  OIDC_SCOPES: z
    .string()
    .trim()
    .default('openid email profile')
    .refine((v) => v.split(/[\s,]+/).includes('openid'), {
      error: 'OIDC_SCOPES must include "openid", for example "openid email profile"',
    })
    .transform((v) => v.split(/[\s,]+/).filter(Boolean).join(' ')),
  OIDC_USER_ID_CLAIM: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:.-]+$/, { error: 'OIDC_USER_ID_CLAIM must be a claim name such as email or sub' })
    .optional(),
  OIDC_PROVIDER: z.string().trim().min(1).optional(),
  OIDC_CLAIM_MAP: z.string().trim().min(1).optional(),
  OIDC_GROUPS_CLAIM: z
    .string()
    .trim()
    .regex(/^\S+$/, { error: 'OIDC_GROUPS_CLAIM must be a claim name (or a dotted path such as realm_access.roles), or none' })
    .optional(),
  OIDC_GROUPS_MAX: positiveInt('OIDC_GROUPS_MAX', 100, 1000),
  OIDC_PROVIDER_NAME: z.string().trim().min(1).optional(),
  OIDC_AUDIENCE: z.string().trim().min(1).optional(),
  OIDC_RESOURCE: z
    .string()
    .trim()
    .refine((v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && !v.includes('#') && URL.canParse(v), {
      error: 'OIDC_RESOURCE must be an absolute URI without a fragment (RFC 8707), for example https://catalog.example.com or urn:nansen:catalog',
    })
    .optional(),
  OIDC_CLIENT_AUTH_METHOD: z
    .enum(CLIENT_AUTH_METHODS, { error: `OIDC_CLIENT_AUTH_METHOD must be one of ${CLIENT_AUTH_METHODS.join(', ')}: the token endpoint authentication method registered for Nansen at your provider` })
    .default('client_secret_basic'),
  OIDC_LOGOUT_ID_TOKEN_HINT: z
    .enum(LOGOUT_ID_TOKEN_HINTS, {
      error: 'OIDC_LOGOUT_ID_TOKEN_HINT must be none (log out at the provider without the ID token) or form_post (send it as id_token_hint in a form the browser POSTs to the provider, never in a URL)',
    })
    .optional(),
  OIDC_CLIENT_PRIVATE_KEY_FILE: z.string().trim().min(1).optional(),
  OIDC_CLIENT_PRIVATE_KEY_ID: z.string().trim().min(1).optional(),
  TRUST_PROXY: trustProxy.optional(),
  USER_DIRECTORY: z
    .enum(USER_DIRECTORIES, { error: `USER_DIRECTORY must be one of ${USER_DIRECTORIES.join(', ')}: where Nansen looks up people the metadata service does not know` })
    .default('none'),
  USER_DIRECTORY_CACHE_TTL_SECONDS: positiveInt('USER_DIRECTORY_CACHE_TTL_SECONDS', 3600, 7 * 24 * 3600),
  USER_DIRECTORY_CACHE_SIZE: positiveInt('USER_DIRECTORY_CACHE_SIZE', 10_000, 1_000_000),
  USER_DIRECTORY_TIMEOUT_MS: positiveInt('USER_DIRECTORY_TIMEOUT_MS', 2000, 30_000),
  USER_DIRECTORY_OKTA_ORG_URL: httpUrl('USER_DIRECTORY_OKTA_ORG_URL', 'https://acme.okta.com').optional(),
  USER_DIRECTORY_OKTA_API_TOKEN: z.string().trim().min(1).optional(),
  USER_DIRECTORY_GOOGLE_API_URL: httpUrl('USER_DIRECTORY_GOOGLE_API_URL', 'https://people.googleapis.com').default('https://people.googleapis.com'),
  USER_DIRECTORY_SCIM_URL: httpUrl('USER_DIRECTORY_SCIM_URL', 'https://scim.example.com/scim/v2').optional(),
  USER_DIRECTORY_SCIM_TOKEN: z.string().trim().min(1).optional(),
  USER_DIRECTORY_SCIM_USER_ATTRIBUTE: z
    .string()
    .trim()
    .regex(/^[A-Za-z][\w.:-]*$/, { error: 'USER_DIRECTORY_SCIM_USER_ATTRIBUTE must be a SCIM attribute such as userName or emails.value' })
    .default('userName'),
  USER_DIRECTORY_MODULE: z.string().trim().min(1).optional(),
  OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG: z
    .enum(ID_TOKEN_SIGNING_ALGS, {
      error: `OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG must be the algorithm your provider signs ID tokens with, one of ${ID_TOKEN_SIGNING_ALGS.join(', ')} ('none' and HMAC algorithms such as HS256 are refused: with them an ID token proves nothing)`,
    })
    .default('RS256'),
  DEV_IDP_PORT: port('DEV_IDP_PORT', 5005),
  METADATA_URL: httpUrl('METADATA_URL', 'http://amundsen-metadata:5002').optional(),
  SEARCH_URL: httpUrl('SEARCH_URL', 'http://amundsen-search:5001').optional(),
  CATALOG_METADATA_PORT: port('CATALOG_METADATA_PORT', 5002),
  CATALOG_SEARCH_PORT: port('CATALOG_SEARCH_PORT', 5001),
  CATALOG_DB: z.string().trim().min(1).optional(),
  /** Unset: 300 outside production, 0 (no demo data) in production (docs/decisions/035-no-demo-data-in-production.md). */
  CATALOG_DEMO_TABLES: z.coerce
    .number({ error: 'CATALOG_DEMO_TABLES must be a whole number (0: no demo data)' })
    .int({ error: 'CATALOG_DEMO_TABLES must be a whole number (0: no demo data)' })
    .min(0, { error: 'CATALOG_DEMO_TABLES must be 0 (no demo data) or more' })
    .max(5_000_000, { error: 'CATALOG_DEMO_TABLES must be at most 5000000' })
    .optional(),
  CATALOG_TOKEN_AUDIENCE: z.string().trim().min(1).optional(),
  CATALOG_HOST: z
    .string()
    .trim()
    .refine((v) => isIP(v.replace(/^\[(.*)\]$/, '$1')) !== 0 || /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(v), {
      error: 'CATALOG_HOST must be an address or host name to listen on, such as 127.0.0.1 (the default: this machine only), 10.0.0.5 or 0.0.0.0 (every interface)',
    })
    .default('127.0.0.1'),
  CATALOG_MACHINE_CLIENTS: z
    .string()
    // Spaces around a comma are dropped; an empty entry (a,,b or a trailing comma) is refused, as docs/ingest.md says.
    .transform((v) => v.split(',').map((s) => s.trim()))
    .refine((list) => list.every((id) => /^[\x21-\x7e]+$/.test(id)), {
      error: 'CATALOG_MACHINE_CLIENTS must be a comma-separated list of client ids (the OAuth clients of your pipelines, such as nansen-pipeline,ci-loader), without spaces or empty entries; leave it unset for none',
    })
    .optional(),
  CATALOG_PROCESS: z
    .enum(['separate', 'in-process'], {
      error: "CATALOG_PROCESS must be separate (the embedded catalog in its own process, the default) or in-process (sharing the BFF's event loop, for comparisons)",
    })
    .default('separate'),
  UPSTREAM_AUTH: z
    .enum(UPSTREAM_AUTH_MODES, { error: 'UPSTREAM_AUTH must be bearer (the access token) or flaskoidc (for Amundsen services launched as flaskoidc apps)' })
    .default('bearer'),
  SESSION_SECRET: z
    .string()
    .min(32, { error: 'SESSION_SECRET must be at least 32 characters; generate one with: openssl rand -hex 32' })
    .optional(),
  SESSION_SECRETS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .superRefine((list, ctx) => {
      if (list.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'SESSION_SECRETS must be a comma-separated list of secrets of at least 32 characters each, the newest first; generate one with: openssl rand -hex 32' });
        return;
      }
      // Which one is short, by its place in the list and its length: never the secret itself.
      list.forEach((secret, index) => {
        if (secret.length < 32) {
          ctx.addIssue({
            code: 'custom',
            message: `SESSION_SECRETS: the ${ordinal(index + 1)} secret is ${secret.length} ${secret.length === 1 ? 'character' : 'characters'}; each must be at least 32 (a comma-separated list, the newest first); generate one with: openssl rand -hex 32`,
          });
        }
      });
    })
    .optional(),
  SESSION_STORE: z.enum(['sqlite', 'redis'], { error: 'SESSION_STORE must be sqlite (one machine) or redis (several instances)' }).default('sqlite'),
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\//i.test(v) && URL.canParse(v), { error: 'REDIS_URL must be a redis:// or rediss:// URL, for example redis://localhost:6379' })
    .optional(),
  SESSION_IDLE_TIMEOUT_MINUTES: positiveInt('SESSION_IDLE_TIMEOUT_MINUTES', 480, 60 * 24 * 30),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: positiveInt('SESSION_ABSOLUTE_TIMEOUT_HOURS', 12, 24 * 90),
  UPSTREAM_TIMEOUT_MS: positiveInt('UPSTREAM_TIMEOUT_MS', 5000, 120_000),
  /** How long the /search page waits for its first search answer (decision 020); 0 = never in the page. */
  FIRST_SEARCH_BUDGET_MS: z.coerce
    .number({ error: 'FIRST_SEARCH_BUDGET_MS must be a whole number of milliseconds (0 sends the search page without its first answer)' })
    .int({ error: 'FIRST_SEARCH_BUDGET_MS must be a whole number of milliseconds (0 sends the search page without its first answer)' })
    .min(0, { error: 'FIRST_SEARCH_BUDGET_MS must be 0 (off) or more' })
    .max(5000, { error: 'FIRST_SEARCH_BUDGET_MS must be at most 5000: a page that waits longer is slower than asking from the browser' })
    .default(250),
  LOG_FORMAT: z.enum(['json', 'text'], { error: 'LOG_FORMAT must be json (one JSON object per line) or text' }).optional(),
  METRICS_ENABLED: bool('METRICS_ENABLED').default(false),
  RATE_LIMIT_LOGIN_PER_MIN: perMinute('RATE_LIMIT_LOGIN_PER_MIN', 30),
  RATE_LIMIT_LOGIN_PER_IP_PER_MIN: perMinute('RATE_LIMIT_LOGIN_PER_IP_PER_MIN', 300),
  RATE_LIMIT_SEARCH_PER_MIN: perMinute('RATE_LIMIT_SEARCH_PER_MIN', 600),
  RATE_LIMIT_SEARCH_PER_IP_PER_MIN: perMinute('RATE_LIMIT_SEARCH_PER_IP_PER_MIN', 6000),
  INDEX_USERS: bool('INDEX_USERS').optional(),
  UI_CONFIG_FILE: z.string().trim().min(1).optional(),
  /** Who may edit (server/edit-rules); unset = everyone signed in, as in Amundsen. */
  EDIT_RULES_FILE: z.string().trim().min(1).optional(),
});
export type Env = z.infer<typeof EnvSchema>;
