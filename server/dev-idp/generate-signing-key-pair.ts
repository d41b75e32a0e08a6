// A signing key pair as jose keys that no key-generation job of Node's still refers to.
//
// Why not jose's generateKeyPair followed by exportJWK: on Node 20, exporting a freshly generated key
// as a JWK holds that key's mutex while it allocates, and if the allocation runs the garbage collector
// and the collector finalizes the (finished) generation job, the job's destructor waits for the same
// mutex: the process hangs for good, at 0 % CPU. Seen once in a full test run here (a vitest worker
// stuck in ExportJWKEcKey → GC → ~KeyGenJob → uv_mutex_lock, 2026-12-06). Here the job writes the
// keys out as PEM itself, and jose imports them as new keys of their own, which are safe to export.
import { generateKeyPair as generateNodeKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { type CryptoKey, importPKCS8, importSPKI } from 'jose';

const generatePem = promisify(generateNodeKeyPair) as unknown as (
  type: string,
  options: Record<string, unknown>,
) => Promise<{ publicKey: string; privateKey: string }>;

const ENCODING = { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } };
const CURVES: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

function keyType(alg: string): [type: string, options: Record<string, unknown>] {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return ['rsa', { modulusLength: 2048 }];
  if (CURVES[alg]) return ['ec', { namedCurve: CURVES[alg] }];
  if (alg === 'EdDSA' || alg === 'Ed25519') return ['ed25519', {}];
  throw new Error(`no key type for the algorithm ${alg}`);
}

/** A new key pair for `alg` (RS*, PS*, ES256/384/512, EdDSA/Ed25519), extractable, safe to export as JWKs. */
export async function generateSigningKeyPair(alg: string): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const [type, options] = keyType(alg);
  const pem = await generatePem(type, { ...options, ...ENCODING });
  const [privateKey, publicKey] = await Promise.all([importPKCS8(pem.privateKey, alg, { extractable: true }), importSPKI(pem.publicKey, alg, { extractable: true })]);
  return { privateKey, publicKey };
}
