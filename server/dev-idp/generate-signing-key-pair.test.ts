import { exportJWK, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from './generate-signing-key-pair';

describe('generateSigningKeyPair', () => {
  it.each([
    ['RS256', 'RSA', undefined],
    ['PS256', 'RSA', undefined],
    ['ES256', 'EC', 'P-256'],
    ['ES384', 'EC', 'P-384'],
    ['ES512', 'EC', 'P-521'],
    ['EdDSA', 'OKP', 'Ed25519'],
  ])('makes a %s pair that signs, verifies and exports as JWKs', async (alg, kty, crv) => {
    const { privateKey, publicKey } = await generateSigningKeyPair(alg);
    const publicJwk = await exportJWK(publicKey);
    expect(publicJwk.kty).toBe(kty);
    expect(publicJwk.crv).toBe(crv);
    expect(publicJwk.d).toBeUndefined();
    expect((await exportJWK(privateKey)).d).toEqual(expect.any(String));
    const token = await new SignJWT({ sub: 'roald' }).setProtectedHeader({ alg }).sign(privateKey);
    expect((await jwtVerify(token, publicKey)).payload.sub).toBe('roald');
  });

  it('makes a new pair each time', async () => {
    const [a, b] = await Promise.all([generateSigningKeyPair('ES256'), generateSigningKeyPair('ES256')]);
    expect((await exportJWK(a.publicKey)).x).not.toBe((await exportJWK(b.publicKey)).x);
  });

  it('refuses an algorithm it has no key type for', async () => {
    await expect(generateSigningKeyPair('HS256')).rejects.toThrow('no key type for the algorithm HS256');
  });
});
