import { describe, expect, it } from 'vitest';
import { createTokenCipher } from './token-cipher';

const OLD = 'o'.repeat(32);
const NEW = 'n'.repeat(32);

describe('token cipher', () => {
  it('opens what it sealed, and the sealed text reveals nothing of the token', () => {
    const cipher = createTokenCipher([NEW]);
    const sealed = cipher.seal('refresh-token-123', 'tokens');
    expect(sealed).not.toContain('refresh-token');
    expect(cipher.open(sealed, 'tokens')).toBe('refresh-token-123');
    expect(cipher.seal('x', 'tokens')).not.toBe(cipher.seal('x', 'tokens'));
  });

  it('opens values sealed with an older secret of the rotation list, and seals with the first', () => {
    const before = createTokenCipher([OLD]).seal('t', 'tokens');
    const rotated = createTokenCipher([NEW, OLD]);
    expect(rotated.open(before, 'tokens')).toBe('t');
    expect(createTokenCipher([OLD]).open(rotated.seal('t', 'tokens'), 'tokens')).toBeNull();
    expect(createTokenCipher([NEW]).open(rotated.seal('t', 'tokens'), 'tokens')).toBe('t');
  });

  it('refuses a value sealed with an unknown secret, altered, or sealed for another purpose', () => {
    const cipher = createTokenCipher([NEW]);
    const sealed = cipher.seal('t', 'tokens');
    expect(createTokenCipher([OLD]).open(sealed, 'tokens')).toBeNull();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(cipher.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'tokens')).toBeNull();
    expect(cipher.open(sealed, 'pending-login')).toBeNull();
    expect(cipher.open('garbage', 'tokens')).toBeNull();
    expect(cipher.open('v1.x.y.z', 'tokens')).toBeNull();
  });

  it('refuses a sealed value that is not made of its four parts, or whose parts are cut short', () => {
    const cipher = createTokenCipher([NEW]);
    const [version, keyId, iv, body] = cipher.seal('t', 'tokens').split('.') as [string, string, string, string];
    for (const broken of [
      `v2.${keyId}.${iv}.${body}`,
      `${version}..${iv}.${body}`,
      `${version}.${keyId}..${body}`,
      `${version}.${keyId}.${iv}.`,
      `${version}.${keyId}.${iv}`,
      `${version}.${keyId}.${iv.slice(0, 8)}.${body}`,
      `${version}.${keyId}.${iv}.${Buffer.from(body, 'base64url').subarray(-16).toString('base64url')}`,
      `${version}.${keyId}.${iv}.${Buffer.from(body, 'base64url').subarray(-15).toString('base64url')}`,
    ]) {
      expect(cipher.open(broken, 'tokens'), broken).toBeNull();
    }
    expect(cipher.open(`${version}.${keyId}.${iv}.${body}`, 'tokens')).toBe('t');
    expect(cipher.open(cipher.seal('', 'tokens'), 'tokens')).toBe('');
  });

  it('refuses a value whose authentication tag was cut short (GCM would verify a truncated tag)', () => {
    const cipher = createTokenCipher([NEW]);
    const [version, keyId, iv, tag] = cipher.seal('', 'tokens').split('.') as [string, string, string, string];
    for (const length of [15, 12, 4]) {
      const cut = Buffer.from(tag, 'base64url').subarray(0, length).toString('base64url');
      expect(cipher.open(`${version}.${keyId}.${iv}.${cut}`, 'tokens'), `${length} bytes`).toBeNull();
    }
  });

  it('opens a value sealed by an earlier release with the same secret (sessions survive an upgrade)', () => {
    const cipher = createTokenCipher(['earlier-release-secret-0123456789abcdef']);
    expect(cipher.open('v1.HVl4eWNh.37HexZMC23535ciw.YpeQCOSLnh0DRzAm96wXxeA3NrXxjunW-TUuqozZFg', 'tokens')).toBe('a refresh token');
  });

  it('needs at least one secret', () => {
    expect(() => createTokenCipher([])).toThrow(new Error('createTokenCipher needs at least one secret'));
  });
});

