import { describe, expect, it } from 'vitest';
import { isBareUser, peopleNamedBy, peopleSimilarTo, typedBegins } from './people-known-by';
import { normalizeUser } from './user';

const liv = { user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', email: 'liv.arnesen@example.org' };
const fridtjof = normalizeUser({ user_id: 'fridtjof.nansen@example.org', email: 'fridtjof.nansen@example.org', first_name: 'Fridtjof', last_name: 'Nansen' })!;
const roald = normalizeUser({ user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen', github_username: 'polar-roald', slack_id: 'U0ROALD' })!;

describe('peopleNamedBy', () => {
  it('finds people by user id, email or the part before the @, case aside, each once', () => {
    const people = [liv, fridtjof, { user_id: 'liv', display_name: 'liv', email: null }];
    expect(peopleNamedBy('LIV.ARNESEN', people)).toEqual([liv]);
    expect(peopleNamedBy('fridtjof.nansen@example.org', [fridtjof, fridtjof])).toEqual([fridtjof]);
    expect(peopleNamedBy(' liv ', people).map((p) => p.user_id)).toEqual(['liv']);
    expect(peopleNamedBy('fridtjof', people)).toEqual([]);
    expect(peopleNamedBy('', people)).toEqual([]);
    expect(peopleNamedBy('ann', [{ user_id: 'ann@a.org', display_name: 'Ann A', email: null }, { user_id: 'x', display_name: 'Ann B', email: 'ann@b.org' }])).toHaveLength(2);
  });
});

describe('typedBegins', () => {
  it('is true when the text begins the name, a word of it, the user id or email, case aside', () => {
    for (const typed of ['liv', 'Liv Ar', 'ARN', ' arnesen ', 'liv.arnesen@ex']) expect(typedBegins(typed, liv), typed).toBe(true);
    for (const typed of ['', '  ', 'nesen', 'example', 'Liv  Arnesen']) expect(typedBegins(typed, liv), typed).toBe(false);
  });
});

describe('peopleSimilarTo', () => {
  it('finds those known by it and those a piece of whose name, email, GitHub or Slack name it is, each once', () => {
    const people = [roald, fridtjof, roald];
    for (const typed of ['ROALD', 'amundsen', 'roald.amundsen', 'roald.amundsen@example.org', 'polar-roald', 'u0roald', ' Roald ']) {
      expect(peopleSimilarTo(typed, people), typed).toEqual([roald]);
    }
    for (const typed of ['', 'roa', 'example', 'polar', 'roald amundsen']) expect(peopleSimilarTo(typed, people), typed).toEqual([]);
  });
});

describe('the modes differ on purpose', () => {
  it('adds by an exact name or a beginning, suggests by a piece of a name', () => {
    // Her first name: a suggestion, and a beginning, but it names no one exactly.
    expect(peopleNamedBy('roald', [roald])).toEqual([]);
    expect(peopleSimilarTo('roald', [roald])).toEqual([roald]);
    expect(typedBegins('roald', roald)).toBe(true);
    // A beginning only: neither named nor similar.
    expect(typedBegins('amu', roald)).toBe(true);
    expect(peopleSimilarTo('amu', [roald])).toEqual([]);
    // The Slack name: similar only.
    expect(typedBegins('u0roald', roald)).toBe(false);
    expect(peopleSimilarTo('u0roald', [roald])).toEqual([roald]);
  });
});

describe('isBareUser', () => {
  it('is a person known by a non-email id alone', () => {
    expect(isBareUser({ user_id: 'roald', email: null, first_name: null, last_name: null, full_name: null, display_name: 'roald' })).toBe(true);
    expect(isBareUser(roald)).toBe(false);
  });
});
