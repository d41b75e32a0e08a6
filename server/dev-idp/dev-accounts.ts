import type { Account, OidcClaims } from 'oidc-provider';
import { DEMO_PEOPLE, type DemoPerson } from '../demo/demo-people';

/**
 * OIDC scope → claims the development IdP releases for it. `groups` comes with `profile`, which Nansen
 * asks for by default (OIDC_SCOPES), as providers with a group mapper send it without a scope of its own;
 * the BFF reads it by OIDC_GROUPS_CLAIM's default, `groups`.
 */
export const DEV_IDP_CLAIMS: Record<string, string[]> = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'groups'],
  email: ['email', 'email_verified'],
};

export function listDemoLogins(): string[] {
  return DEMO_PEOPLE.map((person) => person.login);
}

export function findDemoPerson(login: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((person) => person.login === login);
}

export function toOidcClaims(person: DemoPerson): OidcClaims {
  return {
    sub: person.login,
    name: `${person.given_name} ${person.family_name}`,
    given_name: person.given_name,
    family_name: person.family_name,
    preferred_username: person.login,
    email: person.email,
    email_verified: true,
    groups: [...person.groups],
  };
}

/** oidc-provider's `findAccount`: the demo people, keyed by log-in name (= `sub`). */
export async function findDevAccount(_ctx: unknown, sub: string): Promise<Account | undefined> {
  const person = findDemoPerson(sub);
  if (!person) return undefined;
  return { accountId: person.login, claims: () => toOidcClaims(person) };
}
