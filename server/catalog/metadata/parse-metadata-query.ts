// Query-string parsers of the metadata routes; each throws InputError naming the parameter.
import type { Request } from 'express';
import { InputError } from '../http/catalog-errors';
import type { LineageDirection } from '../store/read-lineage';

/** Deepest lineage walk we serve in one request. */
export const MAX_LINEAGE_DEPTH = 100;

function readString(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new InputError(`${name} must be given once`);
  return raw;
}

/** Like Amundsen: upstream | downstream, anything else (or nothing) means both. */
export function parseDirection(req: Request): LineageDirection {
  const raw = readString(req, 'direction');
  return raw === 'upstream' || raw === 'downstream' ? raw : 'both';
}

export function parseDepth(req: Request): number {
  const raw = readString(req, 'depth');
  if (raw === undefined || raw === '') return 1;
  if (!/^\d+$/.test(raw.trim())) throw new InputError(`depth must be a whole number ≥ 0, got "${raw}"`);
  return Math.min(Number(raw), MAX_LINEAGE_DEPTH);
}

export function parseTagType(req: Request): string {
  return readString(req, 'tag_type') || 'default';
}

/** Badge routes: `category` is required; its absence gives Flask-RESTful's per-argument 400 body. */
export function readBadgeCategory(req: Request): string | undefined {
  return readString(req, 'category');
}

/** Cursor for GET /edits: an edit id. */
export function parseBeforeId(req: Request): number | undefined {
  const raw = readString(req, 'before');
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new InputError(`before must be an edit id, got "${raw}"`);
  return Number(raw);
}
