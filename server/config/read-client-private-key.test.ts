import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readClientPrivateKey } from './read-client-private-key';

// The common cases (RSA, EC, Ed25519, a JWK's kid, a certificate's thumbprints) are in
// provider-presets.test.ts; these are the other key types and every refusal, in words.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, { mode: 0o600 });
  return file;
}
const pem = (key: { export(o: { type: 'pkcs8' | 'pkcs1' | 'sec1'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'pkcs1' | 'sec1' = 'pkcs8') =>
  key.export({ type, format: 'pem' }).toString();

describe('readClientPrivateKey: key types', () => {
  it('signs with PS256 for an RSA-PSS key of 2048 bits or more, and refuses a shorter one', () => {
    const strong = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey;
    expect(readClientPrivateKey(writeFile('pss.pem', pem(strong)), undefined)).toMatchObject({ alg: 'PS256' });
    const weak = generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).privateKey;
    expect(readClientPrivateKey(writeFile('pss-weak.pem', pem(weak)), undefined)).toBe(
      `OIDC_CLIENT_PRIVATE_KEY_FILE (${path.join(dir, 'pss-weak.pem')}) is a rsa-pss key Nansen cannot sign with: use RSA (2048 bits or more), EC P-256/P-384/P-521 or Ed25519`,
    );
  });

  it('takes an EC key in SEC1 PEM ("BEGIN EC PRIVATE KEY") on P-256 and P-521', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(readClientPrivateKey(writeFile('p256.pem', pem(p256, 'sec1')), undefined)).toMatchObject({ alg: 'ES256', kid: undefined, x5t: undefined, x5tS256: undefined });
    const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey;
    expect(readClientPrivateKey(writeFile('p521.pem', pem(p521)), undefined)).toMatchObject({ alg: 'ES512' });
  });

  it('refuses a key type it cannot sign with (an EC curve other than the three, Ed448, X25519), naming the type', () => {
    const k256 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey;
    expect(readClientPrivateKey(writeFile('k256.pem', pem(k256)), undefined)).toMatch(/^OIDC_CLIENT_PRIVATE_KEY_FILE \(.*k256\.pem\) is a ec key Nansen cannot sign with: /);
    const ed448 = generateKeyPairSync('ed448').privateKey;
    expect(readClientPrivateKey(writeFile('ed448.pem', pem(ed448)), undefined)).toMatch(/^OIDC_CLIENT_PRIVATE_KEY_FILE \(.*ed448\.pem\) is a ed448 key Nansen cannot sign with: use RSA/);
    const x25519 = generateKeyPairSync('x25519').privateKey;
    expect(readClientPrivateKey(writeFile('x25519.jwk', JSON.stringify(x25519.export({ format: 'jwk' }))), undefined)).toMatch(/is a x25519 key Nansen cannot sign with/);
  });
});

describe('readClientPrivateKey: the file', () => {
  it('reads a JWK with white space before it, and keeps only a kid that is a string', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const jwk = ec.export({ format: 'jwk' });
    expect(readClientPrivateKey(writeFile('spaced.jwk', `\n  ${JSON.stringify({ ...jwk, kid: 'k1' })}`), undefined)).toMatchObject({ alg: 'ES256', kid: 'k1' });
    expect(readClientPrivateKey(writeFile('numeric-kid.jwk', JSON.stringify({ ...jwk, kid: 7 })), undefined)).toMatchObject({ alg: 'ES256', kid: undefined });
  });

  it('names the variable, the file and the error when the file cannot be read', () => {
    const missing = path.join(dir, 'missing.pem');
    expect(readClientPrivateKey(missing, undefined)).toBe(
      `OIDC_CLIENT_PRIVATE_KEY_FILE (${missing}) cannot be read (ENOENT): point it at the private key file registered for Nansen at your provider`,
    );
  });

  it('refuses a PEM file with no private key (a public key, a certificate alone), saying what to give', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const file = writeFile('public.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(readClientPrivateKey(file, undefined)).toBe(
      `OIDC_CLIENT_PRIVATE_KEY_FILE (${file}) holds no private key: give a PEM file with "-----BEGIN PRIVATE KEY-----" (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048) or a private JWK`,
    );
    expect(readClientPrivateKey(writeFile('words.txt', 'BEGIN PRIVATE KEY'), undefined)).toMatch(/holds no private key/);
  });

  it('refuses a broken PEM, a broken JWK and a public JWK in full words', () => {
    const broken = writeFile('broken.pem', '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n');
    expect(readClientPrivateKey(broken, undefined)).toBe(`OIDC_CLIENT_PRIVATE_KEY_FILE (${broken}) is not a readable private key: give an unencrypted PEM (PKCS#8) or a private JWK`);
    expect(readClientPrivateKey(writeFile('broken.jwk', '{"kty":'), undefined)).toMatch(/\(.*broken\.jwk\) is not a readable private key/);
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pub = writeFile('public.jwk', JSON.stringify(publicKey.export({ format: 'jwk' })));
    expect(readClientPrivateKey(pub, undefined)).toBe(`OIDC_CLIENT_PRIVATE_KEY_FILE (${pub}) holds a public JWK: Nansen needs the private key (a JWK with "d")`);
  });

  it('refuses a certificate that cannot be read, naming the file', () => {
    const key = pem(generateKeyPairSync('ed25519').privateKey);
    const file = writeFile('bad-cert.pem', `${key}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`);
    expect(readClientPrivateKey(file, undefined)).toBe(`OIDC_CLIENT_PRIVATE_KEY_FILE (${file}) holds a certificate that cannot be read`);
  });
});
