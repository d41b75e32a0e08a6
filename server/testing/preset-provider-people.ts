// The people a preset test provider knows, with the claims each real provider gives them: Google's
// numeric `sub` and `hd`, Okta's `00u…` ids and groups, Keycloak's UUIDs, realm roles and group paths,
// Auth0's `auth0|…` ids and namespaced claims, Entra's `oid`/`tid` and no email at all.
import type { OidcProviderId } from '../config/provider-presets';

export interface PresetPerson {
  /** What is typed into the provider's login form. */
  login: string;
  /** The email Nansen should end up with as the user id (with the preset's default settings). */
  userId: string;
  claims: Record<string, unknown>;
}

/** Entra: the tenant in the issuer, and the application id its API tokens are for. */
export const ENTRA_TENANT_ID = '3f0e9c2a-6d1b-4c5e-9a7f-2b8d4e6f1a3c';
export const ENTRA_CATALOG_APP_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
/** Auth0: the namespace its Actions write custom claims under. */
export const AUTH0_NAMESPACE = 'https://nansen.example/';

interface Base {
  given: string;
  family: string;
  email: string;
  short: string;
  n: number;
}

const BASE: Base[] = [
  { given: 'Roald', family: 'Amundsen', email: 'roald.amundsen@example.org', short: 'roald', n: 1 },
  { given: 'Liv', family: 'Arnesen', email: 'liv.arnesen@example.org', short: 'liv', n: 2 },
];

function person(preset: OidcProviderId, p: Base): PresetPerson {
  const name = `${p.given} ${p.family}`;
  switch (preset) {
    case 'google':
      return {
        login: p.email,
        userId: p.email,
        claims: { sub: `10836291045720${p.n}`, email: p.email, email_verified: true, name, given_name: p.given, family_name: p.family, picture: `https://lh3.googleusercontent.com/a/${p.short}`, hd: 'example.org', locale: 'en' },
      };
    case 'okta':
      return {
        login: p.email,
        userId: p.email,
        claims: {
          sub: `00u1${p.short}x7Kd9`, email: p.email, email_verified: true, name, given_name: p.given, family_name: p.family,
          preferred_username: p.email, locale: 'en_US', zoneinfo: 'Europe/Oslo', groups: ['Everyone', 'Data Engineering'],
          address: { locality: 'Oslo', country: 'NO' }, title: 'Polar explorer', department: 'Expeditions',
        },
      };
    case 'keycloak':
      return {
        login: p.short,
        userId: p.email,
        claims: {
          sub: `8c2b6a1e-4f3d-4e2a-9b1c-00000000000${p.n}`, preferred_username: p.short, email: p.email, email_verified: true, name,
          given_name: p.given, family_name: p.family, groups: ['/polar/data-eng'],
          realm_access: { roles: ['default-roles-nansen', 'catalog-editor'] },
        },
      };
    case 'auth0':
      return {
        login: p.email,
        userId: p.email,
        claims: {
          sub: `auth0|6501${p.short}`, nickname: p.short, name, picture: `https://s.gravatar.com/avatar/${p.short}`, updated_at: '2025-01-01T00:00:00.000Z',
          email: p.email, email_verified: true, [`${AUTH0_NAMESPACE}groups`]: ['data-eng'],
        },
      };
    case 'entra':
      // No email: Entra adds it only as an optional claim. preferred_username is the UPN.
      return {
        login: p.email,
        userId: p.email,
        claims: {
          sub: `Xk3vQ9${p.short}Lm2PzR8w`, oid: `0a1b2c3d-0000-4000-8000-00000000000${p.n}`, tid: ENTRA_TENANT_ID,
          preferred_username: p.email, name, ver: '2.0', groups: ['6e2b0a4c-1111-4000-8000-000000000001', '6e2b0a4c-1111-4000-8000-000000000002'],
        },
      };
    case 'generic':
      return {
        login: p.short,
        userId: p.email,
        claims: { sub: p.short, email: p.email, email_verified: true, name, given_name: p.given, family_name: p.family, preferred_username: p.short },
      };
  }
}

export function listPresetPeople(preset: OidcProviderId): PresetPerson[] {
  return BASE.map((p) => person(preset, p));
}

/** Claims beyond the standard ones, released with `openid` (as the provider would with its defaults). */
export const PRESET_EXTRA_CLAIMS: Record<OidcProviderId, string[]> = {
  google: ['hd'],
  okta: ['groups', 'title', 'department'],
  keycloak: ['groups', 'realm_access'],
  auth0: [`${AUTH0_NAMESPACE}groups`],
  entra: ['oid', 'tid', 'ver', 'groups'],
  generic: [],
};
