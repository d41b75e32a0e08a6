import { describe, expect, it } from 'vitest';
import type { SessionTokens } from './session-data';
import { createTokenCipher, type TokenCipher } from './token-cipher';
import { OpenedTokens, toTokenRecord } from './token-store';

const tokens = (accessToken: string): SessionTokens => ({ accessToken, expiresAt: 1, obtainedAt: 0, obtainedBy: 'login' });

/** The real cipher, counting how often a sealed value is opened. */
function countingCipher(): TokenCipher & { opens: number } {
  const cipher = createTokenCipher(['a secret that is long enough for tests']);
  const counting = { opens: 0, seal: cipher.seal, open: (sealed: string, purpose: string) => (counting.opens++, cipher.open(sealed, purpose)) };
  return counting;
}

describe('OpenedTokens', () => {
  it('opens a session\'s sealed record once while it is unchanged, and again when it changes (a refresh)', () => {
    const cipher = countingCipher();
    const opened = new OpenedTokens(cipher);
    const first = toTokenRecord(cipher, tokens('at-1')).sealed;
    expect(opened.open('s1', first)).toEqual(tokens('at-1'));
    expect(opened.open('s1', first)).toEqual(tokens('at-1'));
    expect(cipher.opens).toBe(1);
    const refreshed = toTokenRecord(cipher, tokens('at-2')).sealed;
    expect(opened.open('s1', refreshed)).toEqual(tokens('at-2'));
    expect(cipher.opens).toBe(2);
  });

  it('opens again after forget (the session\'s tokens were deleted), and never remembers a record no key opens', () => {
    const cipher = countingCipher();
    const opened = new OpenedTokens(cipher);
    const sealed = toTokenRecord(cipher, tokens('at')).sealed;
    opened.open('s1', sealed);
    opened.forget('s1');
    opened.open('s1', sealed);
    expect(cipher.opens).toBe(2);
    const foreign = toTokenRecord(createTokenCipher(['another secret, long enough for tests']), tokens('x')).sealed;
    expect(opened.open('s2', foreign)).toBeUndefined();
    expect(opened.open('s2', foreign)).toBeUndefined();
    expect(cipher.opens).toBe(4);
  });

  it('keys by session: the same sealed text under another session id is opened for it', () => {
    const cipher = countingCipher();
    const opened = new OpenedTokens(cipher);
    const sealed = toTokenRecord(cipher, tokens('at')).sealed;
    opened.open('s1', sealed);
    opened.open('s2', sealed);
    expect(cipher.opens).toBe(2);
  });

  it('hands out frozen tokens, and keeps at most `limit` sessions (the oldest go first)', () => {
    const cipher = countingCipher();
    const opened = new OpenedTokens(cipher, 2);
    const sealed = ['a', 'b', 'c'].map((t) => toTokenRecord(cipher, tokens(t)).sealed);
    expect(Object.isFrozen(opened.open('s1', sealed[0]!))).toBe(true);
    opened.open('s2', sealed[1]!);
    opened.open('s3', sealed[2]!);
    expect(cipher.opens).toBe(3);
    opened.open('s3', sealed[2]!);
    opened.open('s2', sealed[1]!);
    expect(cipher.opens).toBe(3);
    opened.open('s1', sealed[0]!);
    expect(cipher.opens).toBe(4);
  });
});
