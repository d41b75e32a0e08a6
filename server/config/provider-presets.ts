// What each identity provider needs that the others do not (OIDC_PROVIDER). A preset fills defaults
// (display name, user id claim, claim mapping, groups claim, issuer), adds what the provider cannot work
// without (scopes, authorization parameters) and checks the issuer's shape. Nothing here talks to a
// provider: server/auth/oidc-client.ts stays provider-agnostic and gets the resolved settings.
import { isLoopbackUrl } from '../http/loopback-host';
import type { LogoutIdTokenHint } from './logout-id-token-hint';

export const OIDC_PROVIDERS = ['generic', 'google', 'okta', 'keycloak', 'auth0', 'entra'] as const;
export type OidcProviderId = (typeof OIDC_PROVIDERS)[number];

/** Names flaskoidc users may have in FLASK_OIDC_PROVIDER_NAME for a preset we call otherwise. */
export const PROVIDER_SYNONYMS: Record<string, OidcProviderId> = {
  azure: 'entra',
  azuread: 'entra',
  'azure-ad': 'entra',
  microsoft: 'entra',
  'entra-id': 'entra',
  oidc: 'generic',
};

/** Amundsen User fields a claim mapping may fill (user_id comes from OIDC_USER_ID_CLAIM). */
export const MAPPED_USER_FIELDS = [
  'first_name', 'last_name', 'full_name', 'display_name', 'email', 'profile_url', 'team_name', 'manager_email',
  'manager_fullname', 'manager_id', 'slack_id', 'github_username', 'role_name', 'employee_type',
] as const;
export type MappedUserField = (typeof MAPPED_USER_FIELDS)[number];

/** Field → claim names tried in order (the first with a value wins); a name may be a dotted path. */
export type ClaimMap = Readonly<Partial<Record<MappedUserField, readonly string[]>>>;

export const DEFAULT_CLAIM_MAP: ClaimMap = {
  first_name: ['given_name'],
  last_name: ['family_name'],
  full_name: ['name'],
  display_name: ['name', 'preferred_username'],
  email: ['email'],
  profile_url: ['profile'],
};

export interface ProviderPreset {
  readonly id: OidcProviderId;
  /** OIDC_PROVIDER_NAME's default: what login pages call the provider. */
  readonly displayName: string;
  /** Used when OIDC_ISSUER is unset (only Google has one issuer for everyone). */
  readonly defaultIssuer?: string;
  /** Added to OIDC_SCOPES: without them the provider issues no refresh token. */
  readonly requiredScopes: readonly string[];
  /** Sent with every authorization request. */
  readonly authorizationParams: Readonly<Record<string, string>>;
  readonly userIdClaim: string;
  /** Overrides of DEFAULT_CLAIM_MAP (OIDC_CLAIM_MAP overrides these in turn). */
  readonly claimMap: ClaimMap;
  /** OIDC_GROUPS_CLAIM's default; undefined = the provider sends no groups claim by default. */
  readonly groupsClaim: string | undefined;
  /**
   * OIDC_LOGOUT_ID_TOKEN_HINT's default (decision 049): `form_post` only where the provider refuses a
   * logout without the ID token (Okta); `none` where client_id is enough.
   */
  readonly logoutIdTokenHint: LogoutIdTokenHint;
  /** The provider skips its "log out?" question for the login's `sid` sent as logout_hint (Auth0). */
  readonly sidAsLogoutHint: boolean;
  /** The issuer as the provider writes it in tokens (e.g. Auth0's trailing slash). */
  normalizeIssuer?(issuer: string): string;
  /** A problem with the issuer's shape, said with the fix; undefined when it looks right. */
  checkIssuer?(issuer: string): string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRA_SHARED_TENANTS = new Set(['common', 'organizations', 'consumers']);

export const PROVIDER_PRESETS: Readonly<Record<OidcProviderId, ProviderPreset>> = {
  generic: {
    id: 'generic',
    displayName: 'your identity provider',
    requiredScopes: [],
    authorizationParams: {},
    userIdClaim: 'email',
    claimMap: {},
    groupsClaim: 'groups',
    logoutIdTokenHint: 'none',
    sidAsLogoutHint: false,
  },
  google: {
    id: 'google',
    displayName: 'Google',
    defaultIssuer: 'https://accounts.google.com',
    requiredScopes: [],
    // Google issues a refresh token only for offline access, and only on a consent screen: without
    // prompt=consent a second login gets none, and the session would end with its first access token.
    authorizationParams: { access_type: 'offline', prompt: 'consent' },
    userIdClaim: 'email',
    claimMap: { display_name: ['name', 'email'] },
    groupsClaim: undefined,
    logoutIdTokenHint: 'none',
    sidAsLogoutHint: false,
    checkIssuer: (issuer) =>
      isGoogleHost(new URL(issuer).hostname) || isLocal(issuer)
        ? undefined
        : `OIDC_ISSUER (${issuer}) is not Google's: with OIDC_PROVIDER=google leave OIDC_ISSUER unset (https://accounts.google.com), or choose the preset of your provider`,
  },
  okta: {
    id: 'okta',
    displayName: 'Okta',
    // Okta issues refresh tokens only for offline_access (and the app must allow the Refresh Token grant).
    requiredScopes: ['offline_access'],
    authorizationParams: {},
    userIdClaim: 'email',
    claimMap: {},
    groupsClaim: 'groups',
    // Okta's logout refuses a request without id_token_hint: it goes in a form POSTed there (decision 049).
    logoutIdTokenHint: 'form_post',
    sidAsLogoutHint: false,
  },
  keycloak: {
    id: 'keycloak',
    displayName: 'Keycloak',
    requiredScopes: [],
    authorizationParams: {},
    userIdClaim: 'email',
    claimMap: {},
    groupsClaim: 'groups',
    logoutIdTokenHint: 'none',
    sidAsLogoutHint: false,
    checkIssuer: (issuer) =>
      /\/realms\/[^/]+$/.test(new URL(issuer).pathname)
        ? undefined
        : `OIDC_ISSUER (${issuer}) must be a Keycloak realm URL, such as https://keycloak.example.com/realms/main (Keycloak before version 17: https://keycloak.example.com/auth/realms/main)`,
  },
  auth0: {
    id: 'auth0',
    displayName: 'Auth0',
    requiredScopes: ['offline_access'],
    authorizationParams: {},
    userIdClaim: 'email',
    claimMap: { display_name: ['name', 'nickname'] },
    // Auth0 only sends namespaced custom claims (an Action adds them): set OIDC_GROUPS_CLAIM to yours.
    groupsClaim: undefined,
    // Auth0 ends its session without asking for client_id with the session's sid as logout_hint.
    logoutIdTokenHint: 'none',
    sidAsLogoutHint: true,
    // Auth0 writes its issuer with a trailing slash (https://tenant.auth0.com/); the catalog compares it exactly.
    normalizeIssuer: (issuer) => (new URL(issuer).pathname === '/' ? `${new URL(issuer).origin}/` : issuer),
  },
  entra: {
    id: 'entra',
    displayName: 'Microsoft Entra ID',
    requiredScopes: ['offline_access'],
    authorizationParams: {},
    // Entra's ID tokens carry no email unless an optional claim adds it; preferred_username is the UPN.
    userIdClaim: 'preferred_username',
    claimMap: { email: ['email', 'preferred_username', 'upn'], display_name: ['name', 'preferred_username'] },
    groupsClaim: 'groups',
    logoutIdTokenHint: 'none',
    sidAsLogoutHint: false,
    checkIssuer: (issuer) => {
      const match = /^\/([^/]+)\/v2\.0$/.exec(new URL(issuer).pathname);
      if (!match) {
        return `OIDC_ISSUER (${issuer}) must be your tenant's v2.0 issuer, https://login.microsoftonline.com/<tenant id>/v2.0`;
      }
      if (ENTRA_SHARED_TENANTS.has(match[1]!.toLowerCase())) {
        return `OIDC_ISSUER (${issuer}) names the shared "${match[1]}" endpoint, whose ID tokens carry each user's own tenant as issuer: use https://login.microsoftonline.com/<your tenant id>/v2.0`;
      }
      if (!GUID.test(match[1]!) && !isLocal(issuer)) {
        return `OIDC_ISSUER (${issuer}) should name your tenant by its id (a GUID, shown as "Directory (tenant) ID" in the Entra admin center): ID tokens carry the id, not the domain`;
      }
      return undefined;
    },
  },
};

const isLocal = (issuer: string): boolean => isLoopbackUrl(issuer);
/** google.com or a host under it; not a name that merely ends in the same letters (notgoogle.com). */
const isGoogleHost = (hostname: string): boolean => hostname === 'google.com' || hostname.endsWith('.google.com');

/** The preset for an OIDC_PROVIDER value (case-insensitive, flaskoidc's names too); undefined when unknown. */
export function findProviderPreset(name: string): ProviderPreset | undefined {
  const key = name.trim().toLowerCase();
  const id = (OIDC_PROVIDERS as readonly string[]).includes(key) ? (key as OidcProviderId) : PROVIDER_SYNONYMS[key];
  return id ? PROVIDER_PRESETS[id] : undefined;
}

/** The preset's required scopes added to the configured ones (order kept, no duplicates). */
export function addRequiredScopes(scopes: string, preset: ProviderPreset): string {
  const list = scopes.split(' ').filter(Boolean);
  for (const scope of preset.requiredScopes) if (!list.includes(scope)) list.push(scope);
  return list.join(' ');
}
