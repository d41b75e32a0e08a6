// Tokens at rest (the session store, the pending-login cookie) are encrypted with AES-256-GCM. The key
// is derived (HKDF-SHA-256) from the session secret; with a rotation list the first secret encrypts
// and every secret decrypts, so sessions made before a rotation still open. A sealed value names the
// key that sealed it, so opening tries one key, not all.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  id: string;
  key: Buffer;
}

export interface TokenCipher {
  /** Encrypt and authenticate `plaintext`; `purpose` binds the sealed value to where it is used. */
  seal(plaintext: string, purpose: string): string;
  /** The plaintext, or null when the value was not sealed by one of our keys for this purpose (or was altered). */
  open(sealed: string, purpose: string): string | null;
}

function deriveKey(secret: string): Key {
  const key = Buffer.from(hkdfSync('sha256', secret, 'nansen-token-encryption', 'aes-256-gcm v1', 32));
  return { id: createHash('sha256').update(key).digest('base64url').slice(0, 8), key };
}

/** `secrets[0]` seals; all of them open. */
export function createTokenCipher(secrets: readonly string[]): TokenCipher {
  if (secrets.length === 0) throw new Error('createTokenCipher needs at least one secret');
  const keys = secrets.map(deriveKey);
  const byId = new Map(keys.map((k) => [k.id, k]));
  const current = keys[0]!;
  return {
    seal(plaintext, purpose) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(`${VERSION}.${current.id}.${purpose}`));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${current.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed, purpose) {
      const [version, keyId, ivText, bodyText] = sealed.split('.');
      const key = keyId ? byId.get(keyId) : undefined;
      if (version !== VERSION || !key || !ivText || !bodyText) return null;
      try {
        const iv = Buffer.from(ivText, 'base64url');
        const body = Buffer.from(bodyText, 'base64url');
        if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return null;
        const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
        decipher.setAAD(Buffer.from(`${version}.${keyId}.${purpose}`));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
