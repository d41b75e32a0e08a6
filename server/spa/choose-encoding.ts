// Which content coding to send, from the request's Accept-Encoding (RFC 9110 §12.5.3) and the
// precompressed twins a file has: the highest q wins; on a tie brotli, then gzip, then the file itself.

export type ContentCoding = 'br' | 'gzip' | 'identity';

const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];
/** Below the smallest q a client can write (0.001), above "not acceptable" (0). */
const IMPLICIT_IDENTITY_WEIGHT = 0.0005;

export function chooseEncoding(acceptEncoding: string | undefined, available: readonly ContentCoding[]): ContentCoding {
  // No header: the client said nothing about codings; send the file as it is (curl, scripts, old proxies).
  if (acceptEncoding === undefined) return 'identity';
  const weights = parseAcceptEncoding(acceptEncoding);
  // Unlisted, the file as it is stays acceptable, below any coding the client listed (RFC 9110 §12.5.3).
  const weightOf = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? (coding === 'identity' ? IMPLICIT_IDENTITY_WEIGHT : 0);
  let best: ContentCoding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    if (coding !== 'identity' && !available.includes(coding)) continue;
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  // Nothing acceptable, not even identity (`identity;q=0`): the file as it is beats a 406 for a script.
  return best;
}

function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawCoding, ...params] = part.split(';');
    let coding = rawCoding!.trim().toLowerCase();
    if (!coding) continue;
    if (coding === 'x-gzip') coding = 'gzip';
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*(.*?)\s*$/i.exec(param);
      if (!match) continue;
      weight = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(match[1]!) ? Number(match[1]) : Number.NaN;
    }
    if (Number.isNaN(weight)) continue; // a malformed q: ignore that entry
    weights.set(coding, Math.max(weight, weights.get(coding) ?? 0));
  }
  return weights;
}
