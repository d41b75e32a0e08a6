// The private key Nansen signs its client assertions with (private_key_jwt), read and checked once at
// start-up: a PEM file (PKCS#8 or PKCS#1/SEC1, optionally followed by the certificate registered at
// the provider) or a JWK JSON file. The problems name the file and what to do; never the key.
import { createHash, createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import fs from 'node:fs';

export interface ClientPrivateKey {
  readonly key: KeyObject;
  /** The JWS algorithm its assertions are signed with, from the key type. */
  readonly alg: string;
  /** `kid` for the assertion header: OIDC_CLIENT_PRIVATE_KEY_ID, else the JWK's own. */
  readonly kid: string | undefined;
  /** SHA-1 and SHA-256 thumbprints of a certificate in the file (Entra ID identifies the key by `x5t`). */
  readonly x5t: string | undefined;
  readonly x5tS256: string | undefined;
}

// Node names a key's curve by OpenSSL's name, also for a JWK that says `crv: "P-256"`.
const EC_ALGS: Record<string, string> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };
const VAR = 'OIDC_CLIENT_PRIVATE_KEY_FILE';

function algorithmOf(key: KeyObject): string | undefined {
  switch (key.asymmetricKeyType) {
    // RSA-PSS keys are held to the same 2048-bit floor as plain RSA keys.
    case 'rsa':
    case 'rsa-pss':
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) return undefined;
      return key.asymmetricKeyType === 'rsa' ? 'RS256' : 'PS256';
    case 'ec':
      return EC_ALGS[key.asymmetricKeyDetails?.namedCurve ?? ''];
    case 'ed25519':
      return 'EdDSA';
    default:
      return undefined;
  }
}

/** Reads and checks the key; returns it, or a problem to report (naming the variable and the fix). */
export function readClientPrivateKey(file: string, keyId: string | undefined): ClientPrivateKey | string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return `${VAR} (${file}) cannot be read (${code ?? 'error'}): point it at the private key file registered for Nansen at your provider`;
  }
  let key: KeyObject;
  let jwkKid: string | undefined;
  try {
    if (text.trimStart().startsWith('{')) {
      const jwk = JSON.parse(text) as { d?: unknown; kid?: unknown };
      if (jwk.d === undefined) return `${VAR} (${file}) holds a public JWK: Nansen needs the private key (a JWK with "d")`;
      key = createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
      jwkKid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
    } else {
      if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        return `${VAR} (${file}) holds no private key: give a PEM file with "-----BEGIN PRIVATE KEY-----" (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048) or a private JWK`;
      }
      key = createPrivateKey(text);
    }
  } catch {
    return `${VAR} (${file}) is not a readable private key: give an unencrypted PEM (PKCS#8) or a private JWK`;
  }
  const alg = algorithmOf(key);
  if (!alg) return `${VAR} (${file}) is a ${key.asymmetricKeyType ?? 'unknown'} key Nansen cannot sign with: use RSA (2048 bits or more), EC P-256/P-384/P-521 or Ed25519`;

  let x5t: string | undefined;
  let x5tS256: string | undefined;
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  if (certificate) {
    try {
      const cert = new X509Certificate(certificate);
      if (!cert.checkPrivateKey(key)) return `${VAR} (${file}) holds a certificate that does not belong to its private key`;
      x5t = createHash('sha1').update(cert.raw).digest('base64url');
      x5tS256 = createHash('sha256').update(cert.raw).digest('base64url');
    } catch {
      return `${VAR} (${file}) holds a certificate that cannot be read`;
    }
  }
  return { key, alg, kid: keyId ?? jwkKid, x5t, x5tS256 };
}
