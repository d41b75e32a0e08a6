// What the development IdP must not lose on a restart, read from `DATA_DIR/dev-idp/` or created there
// once: its signing keys, its cookie keys and the BFF's client secret (owner-only files), beside the
// SQLite file of its grants, sessions and tokens. Deleting the folder starts over: every session ends.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { createSigningKey } from './create-signing-key';

export const DEV_IDP_FILES = {
  signingKeys: 'signing-keys.json',
  cookieKeys: 'cookie-keys.json',
  clientSecret: 'client-secret',
  store: 'store.sqlite',
} as const;

export function getDevIdpDir(dataDir: string): string {
  return path.join(dataDir, 'dev-idp');
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes a new owner-only file; when another process created it first, returns theirs. */
function writeOnce(file: string, content: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8');
    throw error;
  }
}

function parseOrExplain<T>(file: string, what: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(
      `The development IdP's ${what} in ${file} cannot be read (${(error as Error).message}). Delete the file to make new ones; everyone will have to log in again.`,
    );
  }
}

function parseSigningKeys(text: string): { keys: JWK[] } {
  const value = JSON.parse(text) as { keys?: unknown };
  if (!Array.isArray(value.keys) || value.keys.length === 0) throw new Error('no "keys" list');
  for (const key of value.keys as JWK[]) {
    if (key?.kty !== 'RSA' || typeof key.d !== 'string' || typeof key.kid !== 'string') {
      throw new Error('every key must be a private RSA JWK with a kid');
    }
  }
  return { keys: value.keys as JWK[] };
}

function parseCookieKeys(text: string): string[] {
  const value = JSON.parse(text) as { keys?: unknown };
  if (!Array.isArray(value.keys) || value.keys.length === 0 || !value.keys.every((key) => typeof key === 'string' && key.length >= 32)) {
    throw new Error('"keys" must list strings of at least 32 characters');
  }
  return value.keys as string[];
}

function parseClientSecret(text: string): string {
  const secret = text.trim();
  if (secret.length < 32) throw new Error('it is shorter than 32 characters');
  return secret;
}

/** The IdP's private signing JWKS (RS256), made on the first start. */
export async function readOrCreateSigningKeys(dataDir: string): Promise<{ keys: JWK[] }> {
  const file = path.join(getDevIdpDir(dataDir), DEV_IDP_FILES.signingKeys);
  const text = readIfPresent(file) ?? writeOnce(file, `${JSON.stringify({ keys: [await createSigningKey()] }, null, 2)}\n`);
  return parseOrExplain(file, 'signing keys', text, parseSigningKeys);
}

/** The keys that sign the IdP's cookies (its login session, interactions). */
export function readOrCreateCookieKeys(dataDir: string): string[] {
  const file = path.join(getDevIdpDir(dataDir), DEV_IDP_FILES.cookieKeys);
  const text = readIfPresent(file) ?? writeOnce(file, `${JSON.stringify({ keys: [randomBytes(32).toString('base64url')] })}\n`);
  return parseOrExplain(file, 'cookie keys', text, parseCookieKeys);
}

/** The client secret of the BFF at the development IdP: both sides read it from here. */
export function readOrCreateDevIdpClientSecret(dataDir: string): string {
  const file = path.join(getDevIdpDir(dataDir), DEV_IDP_FILES.clientSecret);
  const text = readIfPresent(file) ?? writeOnce(file, `${randomBytes(32).toString('base64url')}\n`);
  return parseOrExplain(file, 'client secret', text, parseClientSecret);
}
