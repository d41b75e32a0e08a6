import { randomUUID } from 'node:crypto';
import { exportJWK, type JWK } from 'jose';
import { generateSigningKeyPair } from './generate-signing-key-pair';

export const SIGNING_ALGORITHM = 'RS256';

/** A fresh RS256 key pair as a private JWK with a `kid`, for the development IdP's JWKS. */
export async function createSigningKey(): Promise<JWK> {
  const { privateKey } = await generateSigningKeyPair(SIGNING_ALGORITHM);
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomUUID(), alg: SIGNING_ALGORITHM, use: 'sig' };
}
