// One parser per kind of request input; each throws InputError with a precise message.
import type { Request } from 'express';
import { z } from '../config/zod-english';
import { InputError } from './errors';

export function parseRequiredQuery(req: Request, name: string, maxLength = 2048): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`The query parameter "${name}" is required.`, 'missing_parameter');
  if (value.length > maxLength) throw new InputError(`The query parameter "${name}" is longer than ${maxLength} characters.`, 'invalid_parameter');
  return value;
}

/** Validate a JSON body with a schema (zod or zod/mini); the first problem becomes a 400 naming the field. */
export function parseBody<T extends z.core.$ZodType>(req: Request, schema: T): z.core.output<T> {
  const parsed = z.safeParse(schema, req.body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `"${issue.path.join('.')}"` : 'The request body';
    throw new InputError(`${where}: ${issue.message}`, 'invalid_body');
  }
  return parsed.data;
}
