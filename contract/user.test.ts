import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UserSchema } from './bff-api';
import { deriveFullName, initialsOf, normalizeUser } from './user';

describe('normalizeUser', () => {
  it('derives user_id, full_name and display_name the way Amundsen does', () => {
    const user = normalizeUser({ email: 'ada@example.org', first_name: 'Ada', last_name: 'Lovelace' });
    expect(user).toMatchObject({ user_id: 'ada@example.org', full_name: 'Ada Lovelace', display_name: 'Ada Lovelace', is_active: true });
    expect(v.parse(UserSchema, user)).toEqual(user);
  });

  it('falls back to the email, then the id, for the display name', () => {
    expect(normalizeUser({ email: 'x@example.org' })?.display_name).toBe('x@example.org');
    expect(normalizeUser({ user_id: 'u123' })?.display_name).toBe('u123');
  });

  it('treats blank strings as missing and keeps an explicit display name', () => {
    const user = normalizeUser({ user_id: 'u1', email: '  ', full_name: '', display_name: 'Captain' });
    expect(user).toMatchObject({ email: null, full_name: null, display_name: 'Captain' });
  });

  it('returns null when there is neither a user id nor an email', () => {
    expect(normalizeUser({ first_name: 'Nobody' })).toBeNull();
  });

  it('trims every text field', () => {
    const user = normalizeUser({ user_id: ' u1 ', email: ' ada@example.org ', first_name: ' Ada ', last_name: ' Lovelace ', team_name: ' Maths ' });
    expect(user).toMatchObject({ user_id: 'u1', email: 'ada@example.org', full_name: 'Ada Lovelace', display_name: 'Ada Lovelace', team_name: 'Maths' });
  });
});

describe('deriveFullName', () => {
  it('keeps a given full name, trimmed, over first and last name', () => {
    expect(deriveFullName({ full_name: ' Roald Amundsen ', first_name: 'R', last_name: 'A' })).toBe('Roald Amundsen');
  });

  it('joins first and last name, trimmed, when no full name is given or it is blank', () => {
    expect(deriveFullName({ first_name: ' Ada ', last_name: ' Lovelace ' })).toBe('Ada Lovelace');
    expect(deriveFullName({ full_name: '  ', first_name: 'Ada', last_name: 'Lovelace' })).toBe('Ada Lovelace');
  });

  it('gives no full name from one name alone, as Amundsen does', () => {
    expect(deriveFullName({ first_name: 'Ada' })).toBeNull();
    expect(deriveFullName({ first_name: 'Ada', last_name: ' ' })).toBeNull();
    expect(deriveFullName({ last_name: 'Lovelace', full_name: null })).toBeNull();
    expect(normalizeUser({ email: 'ada@example.org', first_name: 'Ada' })).toMatchObject({ full_name: null, display_name: 'ada@example.org' });
  });
});

describe('initialsOf', () => {
  it('takes the first letters of the first and last name, in capitals', () => {
    expect(initialsOf({ full_name: 'Roald Amundsen', display_name: 'Roald Amundsen' })).toBe('RA');
    expect(initialsOf({ full_name: 'roald engelbregt gravning amundsen', display_name: 'x' })).toBe('RA');
  });

  it('prefers the full name to the display name, and uses the display name when there is no full name', () => {
    expect(initialsOf({ full_name: 'Roald Amundsen', display_name: 'Captain' })).toBe('RA');
    expect(initialsOf({ full_name: null, display_name: 'Captain Nemo' })).toBe('CN');
  });

  it('gives one letter for a one-word name', () => {
    expect(initialsOf({ full_name: null, display_name: 'Captain' })).toBe('C');
    expect(initialsOf({ full_name: 'ada', display_name: 'ada' })).toBe('A');
  });

  it('splits on spaces, dots, @, underscores and dashes, ignoring leading, trailing and repeated ones', () => {
    expect(initialsOf({ full_name: null, display_name: 'roald_amundsen' })).toBe('RA');
    expect(initialsOf({ full_name: null, display_name: 'ada-lovelace' })).toBe('AL');
    expect(initialsOf({ full_name: null, display_name: 'u123@example' })).toBe('UE');
    expect(initialsOf({ full_name: null, display_name: '_ada' })).toBe('A');
    expect(initialsOf({ full_name: null, display_name: ' Roald \t Amundsen. ' })).toBe('RA');
    expect(initialsOf({ full_name: null, display_name: 'Roald..__Amundsen' })).toBe('RA');
  });

  it('shows a question mark when the name has no letters to take', () => {
    expect(initialsOf({ full_name: null, display_name: '' })).toBe('?');
    expect(initialsOf({ full_name: null, display_name: ' ._-@ ' })).toBe('?');
  });
});
