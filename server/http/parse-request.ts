// One parser per kind of request input; each throws InputError with a precise message.
import type { Request } from 'express';
import type { z } from 'zod';
import { InputError } from './errors';

export function parseRequiredQuery(req: Request, name: string, maxLength = 2048): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`The query parameter "${name}" is required.`, 'missing_parameter');
  if (value.length > maxLength) throw new InputError(`The query parameter "${name}" is longer than ${maxLength} characters.`, 'invalid_parameter');
  return value;
}

export function parseBody<T extends z.ZodTypeAny>(req: Request, schema: T): z.infer<T> {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `"${issue.path.join('.')}"` : 'The request body';
    throw new InputError(`${where}: ${issue.message}`, 'invalid_body');
  }
  return parsed.data;
}
