// Parsers for query-string parameters of the catalog routes; each throws InputError naming the parameter.
import type { Request } from 'express';
import { InputError } from './catalog-errors';

export function parseLimit(req: Request, fallback = 10, max = 1000): number {
  const raw = req.query.limit;
  if (raw === undefined || raw === '') return fallback;
  const n = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) throw new InputError(`limit must be a whole number ≥ 0, got "${String(raw)}"`);
  // Clamped rather than rejected: Amundsen accepts any int; a cap keeps one request cheap.
  return Math.min(n, max);
}

export function parseCommaList(req: Request, name: string, fallback: readonly string[]): string[] {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return [...fallback];
  if (typeof raw !== 'string') throw new InputError(`${name} must be a comma-separated list`);
  return raw.split(',').map((v) => v.trim()).filter(Boolean);
}

/** A yes/no option: absent, `false` or `0` is false; present without a value, `true` or `1` is true. */
export function parseQueryFlag(value: unknown, name: string): boolean {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === '' || value === 'true' || value === '1') return true;
  throw new InputError(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

/** A text option given at most once; undefined when absent. */
export function parseQueryText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InputError(`${name} must be given once, as text`);
  return value;
}

/**
 * Refuses a query parameter the route does not take: a misspelt option (`prunee`, `dry-run`) must
 * not be ignored, as the request would then do what it was not asked to (import without prune, write
 * on a dry run). The message suggests the likeliest name meant. With `slipsOnly`, only a name that
 * looks like a slip for a known one is refused; others are ignored.
 */
export function checkQueryParameters(
  query: Request['query'], known: readonly string[], route: string, options: { slipsOnly?: boolean } = {},
): void {
  for (const name of Object.keys(query)) {
    if (known.includes(name)) continue;
    const meant = likeliestName(name, known);
    // A producer's own parameter (an OpenLineage client's configured URL parameters) is not a slip:
    // refusing it would lose every event it sends.
    if (options.slipsOnly && !meant) continue;
    const hint = meant ? `did you mean ${meant}?` : known.length ? `${route} takes ${known.join(', ')}` : `${route} takes none`;
    throw new InputError(`unknown parameter "${name}" (${hint})`);
  }
}

/** The known name `name` is most likely a slip for: the same but for case, `-` or camelCase, or two edits away at most. */
function likeliestName(name: string, known: readonly string[]): string | undefined {
  const plain = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
  const same = known.find((k) => plain(k) === plain(name));
  if (same) return same;
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(plain(name), k);
    if (distance <= Math.min(2, Math.floor(k.length / 3)) && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
