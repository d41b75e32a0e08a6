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
