import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAIM_MAP } from '../config/provider-presets';
import { buildUserFromClaims, defaultClaimRules, MAX_GROUP_NAME_LENGTH, MAX_GROUPS_CHARS, MissingUserIdClaimError, needsUserInfo, readGroups } from './user-from-claims';

const rules = (overrides: Partial<ReturnType<typeof defaultClaimRules>> = {}) => ({ ...defaultClaimRules('sub'), ...overrides });

describe('claims read as text', () => {
  it('refuse a user id claim that is blank', () => {
    expect(() => buildUserFromClaims({ sub: '   ', email: 'a@example.org' }, 'sub')).toThrow(MissingUserIdClaimError);
  });

  it('take numbers and booleans written out, and the first usable item of a list', () => {
    const map = { ...DEFAULT_CLAIM_MAP, team_name: ['on_call'], full_name: ['names'] };
    const user = buildUserFromClaims({ sub: 12345, on_call: true, names: [null, '  ', 'Liv Arnesen', 'Other'] }, rules({ map }));
    expect(user).toMatchObject({ user_id: '12345', team_name: 'true', full_name: 'Liv Arnesen' });
  });

  it('take an email only with an @, a manager\'s too, and a profile URL only when it is http(s)', () => {
    const map = { ...DEFAULT_CLAIM_MAP, manager_email: ['manager'] };
    expect(buildUserFromClaims({ sub: 'x', manager: 'the boss', profile: 'javascript:void("https://x.example")' }, rules({ map }))).toMatchObject({ manager_email: null, profile_url: null });
    expect(buildUserFromClaims({ sub: 'x', manager: 'boss@example.org', profile: 'http://intranet/people/x' }, rules({ map }))).toMatchObject({
      manager_email: 'boss@example.org',
      profile_url: 'http://intranet/people/x',
    });
  });
});

describe('whether to ask UserInfo', () => {
  it('asks when either the user id or every email claim is missing', () => {
    const named = { name: 'Liv' };
    expect(needsUserInfo({ ...named, email: 'liv@example.org' }, 'sub')).toBe(true);
    expect(needsUserInfo({ ...named, sub: 'liv' }, 'sub')).toBe(true);
    expect(needsUserInfo({ ...named, sub: 'liv', email: 'liv@example.org' }, 'sub')).toBe(false);
  });

  it('is content with any one of a field\'s claims', () => {
    const map = { ...DEFAULT_CLAIM_MAP, email: ['mail', 'email'] };
    expect(needsUserInfo({ sub: 'liv', email: 'liv@example.org', name: 'Liv' }, rules({ map }))).toBe(false);
  });
});

describe('the groups kept in a session', () => {
  it('are read from the groups claim when nothing else is configured, trimmed', () => {
    expect(readGroups({ groups: [' admins ', 'readers'] }, defaultClaimRules('sub')).groups).toEqual(['admins', 'readers']);
  });

  it('keep a name of the longest length allowed, and names up to the size bound exactly', () => {
    const longest = 'g'.repeat(MAX_GROUP_NAME_LENGTH);
    expect(readGroups({ groups: [longest, `${longest}x`] }, rules()).groups).toEqual([longest]);
    const fill = Array.from({ length: MAX_GROUPS_CHARS / MAX_GROUP_NAME_LENGTH }, (_, i) => `${i}`.padStart(MAX_GROUP_NAME_LENGTH, 'g'));
    const found = readGroups({ groups: [...fill, 'one-too-many'] }, rules({ maxGroups: 1000 }));
    expect(found.groups).toEqual(fill);
    expect(found.dropped).toBe(1);
  });

  it('note an overage marker only when the groups claim itself is missing', () => {
    const marker = { _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/x' } } };
    expect(readGroups(marker, rules()).overage).toBe(true);
    expect(readGroups({ ...marker, groups: ['a'] }, rules()).overage).toBe(false);
    expect(readGroups({ _claim_names: { roles: 'src1' } }, rules()).overage).toBe(false);
    expect(readGroups({ _claim_names: 'groups' }, rules()).overage).toBe(false);
    expect(readGroups({ _claim_names: null }, rules()).overage).toBe(false);
    expect(readGroups({}, rules()).overage).toBe(false);
  });
});
