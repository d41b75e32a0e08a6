import { describe, expect, it } from 'vitest';
import { compareSecretFingerprints, createSecretMismatchWarning, secretFingerprint, secretFingerprints } from './secret-mismatch-warning';

describe('createSecretMismatchWarning', () => {
  it('warns once a minute per cookie, naming SESSION_SECRETS and the cookie, never its value', () => {
    const lines: string[] = [];
    let now = 1_000_000;
    const warn = createSecretMismatchWarning({ warn: (message: string) => void lines.push(message) }, { now: () => now });
    warn('session', 'nansen.sid');
    warn('session', 'nansen.sid');
    warn('pending login', 'nansen.login');
    expect(lines).toEqual([
      'a session cookie (nansen.sid) signed with a secret this instance does not have: do all instances share SESSION_SECRETS? (or the secret it was made with left the list; at most one such line a minute)',
      'a pending login cookie (nansen.login) signed with a secret this instance does not have: do all instances share SESSION_SECRETS? (or the secret it was made with left the list; at most one such line a minute)',
    ]);
    now += 59_999;
    warn('session', 'nansen.sid');
    expect(lines).toHaveLength(2);
    now += 1;
    warn('session', 'nansen.sid');
    expect(lines).toHaveLength(3);
  });
});

describe('secret fingerprints', () => {
  const [a, b] = ['a'.repeat(32), 'b'.repeat(32)];
  it('are HMACs of a fixed label: the same for one secret, different for another, holding nothing of it', () => {
    expect(secretFingerprint(a)).toBe(secretFingerprint(a));
    expect(secretFingerprint(a)).not.toBe(secretFingerprint(b));
    expect(secretFingerprint(a)).not.toContain('aaaa');
  });

  it('match when each instance accepts what the other signs', () => {
    const stored = (secrets: string[]) => JSON.stringify(secretFingerprints(secrets));
    expect(compareSecretFingerprints(secretFingerprints([a]), null)).toBeUndefined();
    expect(compareSecretFingerprints(secretFingerprints([a]), 'not json')).toBeUndefined();
    expect(compareSecretFingerprints(secretFingerprints([a]), stored([a]))).toBeUndefined();
    expect(compareSecretFingerprints(secretFingerprints([b, a]), stored([a, b]))).toBeUndefined();
    expect(compareSecretFingerprints(secretFingerprints([b]), stored([a]))).toMatch(/^SESSION_SECRETS differs/);
    expect(compareSecretFingerprints(secretFingerprints([b, a]), stored([a]))).toMatch(/^SESSION_SECRETS differs/);
  });
});
