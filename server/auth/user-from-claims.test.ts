import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UserSchema } from '../../contract/bff-api';
import { buildUserFromClaims, MissingUserIdClaimError, needsUserInfo } from './user-from-claims';

describe('buildUserFromClaims', () => {
  const claims = { sub: 'roald', email: 'roald@example.org', given_name: 'Roald', family_name: 'Amundsen', name: 'Roald Amundsen' };

  it('uses the configured claim as the user id and the name claims for the display name', () => {
    const user = buildUserFromClaims(claims, 'email');
    expect(v.parse(UserSchema, user)).toMatchObject({
      user_id: 'roald@example.org', email: 'roald@example.org', first_name: 'Roald', last_name: 'Amundsen',
      full_name: 'Roald Amundsen', display_name: 'Roald Amundsen',
    });
    expect(buildUserFromClaims(claims, 'sub').user_id).toBe('roald');
  });

  it('builds the full name from given and family names when name is absent', () => {
    expect(buildUserFromClaims({ email: 'a@b.c', given_name: 'Liv', family_name: 'Arnesen' }, 'email').display_name).toBe('Liv Arnesen');
  });

  it('names the missing claim when the user id claim is absent', () => {
    expect(() => buildUserFromClaims({ sub: 'x' }, 'email')).toThrow(MissingUserIdClaimError);
    expect(() => buildUserFromClaims({ sub: 'x' }, 'upn')).toThrow(/"upn"/);
    // As the log shows it.
    const error = (() => {
      try {
        return buildUserFromClaims({}, 'email');
      } catch (caught) {
        return caught;
      }
    })();
    expect(String(error)).toBe('MissingUserIdClaimError: The identity provider did not send the "email" claim used as the user id');
  });

  it('asks for UserInfo only when the ID token lacks the id, the email or a name', () => {
    expect(needsUserInfo(claims, 'email')).toBe(false);
    expect(needsUserInfo({ sub: 'x' }, 'sub')).toBe(true);
    expect(needsUserInfo({ sub: 'x', email: 'x@y.z' }, 'email')).toBe(true);
  });
});
