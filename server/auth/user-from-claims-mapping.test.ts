import { describe, expect, it } from 'vitest';
import type { ClaimRules } from '../config/config-schema';
import { loadConfig } from '../config/load-config';
import { buildUserFromClaims, MAX_GROUPS_CHARS, needsUserInfo, readClaim, readGroups } from './user-from-claims';

const rulesFor = (env: Record<string, string> = {}): ClaimRules => loadConfig(env).oidc.claims;

describe('the claim mapping (OIDC_CLAIM_MAP)', () => {
  const claims = {
    sub: 'u1',
    email: 'roald@example.org',
    name: 'Roald Amundsen',
    address: { locality: 'Oslo', country: 'NO' },
    'https://acme.example/team': 'Expeditions',
    manager: { email: 'fridtjof@example.org', name: 'Fridtjof Nansen' },
    github: { login: 'ramundsen' },
    roles: ['captain', 'navigator'],
    employee_number: 42,
  };

  it('fills every mapped User field, from nested claims and from namespaced claim names', () => {
    const rules = rulesFor({
      OIDC_CLAIM_MAP: JSON.stringify({
        team_name: 'https://acme.example/team',
        manager_email: 'manager.email',
        manager_fullname: 'manager.name',
        github_username: 'github.login',
        role_name: 'roles',
        employee_type: 'employee_number',
        slack_id: ['slack.id', 'address.locality'],
      }),
    });
    expect(buildUserFromClaims(claims, rules)).toMatchObject({
      user_id: 'roald@example.org',
      email: 'roald@example.org',
      full_name: 'Roald Amundsen',
      display_name: 'Roald Amundsen',
      team_name: 'Expeditions',
      manager_email: 'fridtjof@example.org',
      manager_fullname: 'Fridtjof Nansen',
      github_username: 'ramundsen',
      role_name: 'captain',
      employee_type: '42',
      // The first claim of a list that has a value.
      slack_id: 'Oslo',
    });
  });

  it('replaces a default field\'s claims, and leaves fields with no claim empty', () => {
    const user = buildUserFromClaims({ ...claims, nickname: 'roald' }, rulesFor({ OIDC_CLAIM_MAP: '{"display_name": "nickname"}' }));
    expect(user.display_name).toBe('roald');
    expect(user.team_name).toBeNull();
  });

  it('takes an email only with an @ and a profile URL only when it is http(s)', () => {
    const rules = rulesFor({ OIDC_CLAIM_MAP: '{"email": ["upn", "email"], "profile_url": ["profile", "website"]}' });
    const user = buildUserFromClaims({ sub: 'x', upn: 'ROALD\\amundsen', email: 'r@example.org', profile: 'javascript:alert(1)', website: 'https://people.example.org/r' }, { ...rules, userIdClaim: 'sub' });
    expect(user).toMatchObject({ email: 'r@example.org', profile_url: 'https://people.example.org/r' });
  });

  it('reads a claim as written before reading a dotted path', () => {
    expect(readClaim({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(readClaim({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(readClaim({ a: [{ b: 2 }] }, 'a.0.b')).toBeUndefined();
    expect(readClaim({ a: 'text' }, 'a.length')).toBeUndefined();
  });

  it('asks UserInfo when the ID token lacks a claim the operator mapped, and not for the defaults alone', () => {
    const idToken = { sub: 'x', email: 'x@example.org', name: 'X' };
    expect(needsUserInfo(idToken, rulesFor())).toBe(false);
    expect(needsUserInfo(idToken, rulesFor({ OIDC_CLAIM_MAP: '{"team_name": "department"}' }))).toBe(true);
    expect(needsUserInfo({ ...idToken, department: 'Polar' }, rulesFor({ OIDC_CLAIM_MAP: '{"team_name": "department"}' }))).toBe(false);
    expect(needsUserInfo(idToken, rulesFor({ OIDC_GROUPS_CLAIM: 'roles' }))).toBe(true);
  });

  it('entra: the email from preferred_username when the optional email claim is missing', () => {
    const rules = rulesFor({ OIDC_PROVIDER: 'entra', OIDC_ISSUER: 'https://login.microsoftonline.com/3f0e9c2a-6d1b-4c5e-9a7f-2b8d4e6f1a3c/v2.0', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' });
    expect(buildUserFromClaims({ sub: 'x', oid: 'o', preferred_username: 'liv@example.org', name: 'Liv Arnesen' }, rules)).toMatchObject({ user_id: 'liv@example.org', email: 'liv@example.org', display_name: 'Liv Arnesen' });
  });
});

describe('groups (OIDC_GROUPS_CLAIM)', () => {
  it('are read from `groups` by default, or from a nested claim, unique', () => {
    expect(readGroups({ groups: ['a', 'b', 'a'] }, rulesFor()).groups).toEqual(['a', 'b']);
    expect(readGroups({ realm_access: { roles: ['editor'] } }, rulesFor({ OIDC_GROUPS_CLAIM: 'realm_access.roles' })).groups).toEqual(['editor']);
    expect(readGroups({ groups: 'solo' }, rulesFor()).groups).toEqual(['solo']);
    expect(readGroups({ groups: ['a'] }, rulesFor({ OIDC_GROUPS_CLAIM: 'none' }))).toEqual({ groups: [], dropped: 0, overage: false });
  });

  it('are bounded by OIDC_GROUPS_MAX, a name length and a total size, and say how many were left out', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `group-${i}`);
    expect(readGroups({ groups: many }, rulesFor({ OIDC_GROUPS_MAX: '10' }))).toMatchObject({ groups: many.slice(0, 10), dropped: 4990 });
    const long = Array.from({ length: 100 }, (_, i) => `${'x'.repeat(200)}${i}`);
    const bounded = readGroups({ groups: [...long, 'y'.repeat(300)] }, rulesFor());
    expect(bounded.groups.join('').length).toBeLessThanOrEqual(MAX_GROUPS_CHARS);
    expect(bounded.groups.length + bounded.dropped).toBe(101);
    expect(readGroups({ groups: [1, null, 'ok'] }, rulesFor()).groups).toEqual(['ok']);
  });

  it('notice Entra\'s overage marker', () => {
    expect(readGroups({ _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph' } } }, rulesFor())).toEqual({ groups: [], dropped: 0, overage: true });
  });
});
