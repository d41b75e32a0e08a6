import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEV_IDP_FILES,
  getDevIdpDir,
  readOrCreateCookieKeys,
  readOrCreateDevIdpClientSecret,
  readOrCreateSigningKeys,
} from './dev-idp-files';

let root: string;
const dataDir = (name: string) => path.join(root, name);
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-dev-idp-files-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the development IdP's files in DATA_DIR", () => {
  it('a fresh dataDir gets new keys and secret in owner-only files of its dev-idp folder', async () => {
    const keys = await readOrCreateSigningKeys(dataDir('a'));
    const cookieKeys = readOrCreateCookieKeys(dataDir('a'));
    const secret = readOrCreateDevIdpClientSecret(dataDir('a'));

    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), d: expect.any(String) });
    expect(cookieKeys).toEqual([expect.stringMatching(/^[\w-]{43}$/)]);
    expect(secret).toMatch(/^[\w-]{43}$/);

    const dir = getDevIdpDir(dataDir('a'));
    expect(modeOf(dir)).toBe(0o700);
    for (const name of [DEV_IDP_FILES.signingKeys, DEV_IDP_FILES.cookieKeys, DEV_IDP_FILES.clientSecret]) {
      expect(modeOf(path.join(dir, name))).toBe(0o600);
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, DEV_IDP_FILES.signingKeys), 'utf8'))).toEqual(keys);
  });

  it('the same dataDir keeps them; another dataDir gets others', async () => {
    const first = {
      keys: await readOrCreateSigningKeys(dataDir('a')),
      cookieKeys: readOrCreateCookieKeys(dataDir('a')),
      secret: readOrCreateDevIdpClientSecret(dataDir('a')),
    };
    const again = {
      keys: await readOrCreateSigningKeys(dataDir('a')),
      cookieKeys: readOrCreateCookieKeys(dataDir('a')),
      secret: readOrCreateDevIdpClientSecret(dataDir('a')),
    };
    const other = {
      keys: await readOrCreateSigningKeys(dataDir('b')),
      cookieKeys: readOrCreateCookieKeys(dataDir('b')),
      secret: readOrCreateDevIdpClientSecret(dataDir('b')),
    };

    expect(again).toEqual(first);
    expect(other.keys.keys[0].kid).not.toBe(first.keys.keys[0].kid);
    expect(other.keys.keys[0].n).not.toBe(first.keys.keys[0].n);
    expect(other.cookieKeys).not.toEqual(first.cookieKeys);
    expect(other.secret).not.toBe(first.secret);
  });

  it('two starts racing on a fresh dataDir end up with the same signing key', async () => {
    const [one, two] = await Promise.all([readOrCreateSigningKeys(dataDir('a')), readOrCreateSigningKeys(dataDir('a'))]);
    expect(two).toEqual(one);
  });

  it('a damaged file is named with what to do, and left as it is', async () => {
    const file = path.join(getDevIdpDir(dataDir('a')), DEV_IDP_FILES.signingKeys);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"keys": [{"kty": "RSA", "n": "public only"}]}');

    await expect(readOrCreateSigningKeys(dataDir('a'))).rejects.toThrow(
      `The development IdP's signing keys in ${file} cannot be read (every key must be a private RSA JWK with a kid). Delete the file to make new ones`,
    );
    expect(fs.readFileSync(file, 'utf8')).toContain('public only');

    const secretFile = path.join(getDevIdpDir(dataDir('a')), DEV_IDP_FILES.clientSecret);
    fs.writeFileSync(secretFile, 'short\n');
    expect(() => readOrCreateDevIdpClientSecret(dataDir('a'))).toThrow(/client secret in .*client-secret cannot be read \(it is shorter than 32 characters\)/);
  });
});
