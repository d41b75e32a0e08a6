// Metadata PUT bodies, read the way Amundsen reads them: the raw body parsed as JSON whatever the
// Content-Type (`json.loads(request.data)`; the stock frontend sends no Content-Type at all).
import express, { type Request, type RequestHandler } from 'express';
import { InputError } from '../http/catalog-errors';
import { describeJsonSyntaxError } from '../../config/json-syntax';
import { refusedCharacterProblem } from '../../../contract/description-characters';

/** Buffers any body as text (for parseJsonBody). */
export const readRawBody: RequestHandler = express.text({ type: () => true, limit: '1mb' });

/** The parsed body, or undefined when empty; invalid JSON → 400 naming the line and column. */
export function parseJsonBody(req: Request): unknown {
  const text = typeof req.body === 'string' ? req.body : '';
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InputError(`The request body is ${describeJsonSyntaxError(text, err, 'the body ends')}.`);
  }
}

/**
 * `{"description": "..."}` (null clears it). Amundsen 500s on a bad body; we answer 400. A description
 * with a control character or bidirectional override is refused with 400 as the BFF refuses it
 * (contract/description-characters.ts), so scripts calling this API directly cannot store one either.
 */
export function parseDescriptionBody(req: Request): string | null {
  const body = parseJsonBody(req);
  if (typeof body !== 'object' || body === null || !('description' in body)) {
    throw new InputError('Send a JSON body {"description": "..."}.');
  }
  const { description } = body as { description: unknown };
  if (description !== null && typeof description !== 'string') throw new InputError('description must be a string or null');
  const problem = description === null ? null : refusedCharacterProblem(description);
  if (problem) throw new InputError(problem);
  return description;
}
