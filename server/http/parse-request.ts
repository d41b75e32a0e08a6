// One parser per kind of request input; each throws InputError with a precise message.
import type { Request } from 'express';
import * as v from 'valibot';
import { InputError } from './errors';
import { issueInWords, withSubject } from './issue-in-words';

export function parseRequiredQuery(req: Request, name: string, maxLength = 2048): string {
  const value = req.query[name];
  // ?key=a&key=b arrives as a list: it was given, more than once.
  if (value !== undefined && typeof value !== 'string') throw new InputError(`The query parameter "${name}" must be given once.`, 'invalid_parameter');
  if (value === undefined || value.trim() === '') throw new InputError(`The query parameter "${name}" is required.`, 'missing_parameter');
  if (value.length > maxLength) throw new InputError(`The query parameter "${name}" is longer than ${maxLength} characters.`, 'invalid_parameter');
  return value;
}

/** Validate a JSON body with a contract schema; the first problem becomes a 400 naming the field. */
export function parseBody<T extends v.GenericSchema>(req: Request, schema: T): v.InferOutput<T> {
  return parseBodyValue(req.body ?? {}, schema);
}

/** parseBody for a body built on the server (the search the page it serves answers). */
export function parseBodyValue<T extends v.GenericSchema>(body: unknown, schema: T): v.InferOutput<T> {
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((item) => String(item.key)) ?? [];
    const where = path.length ? `"${path.join('.')}"` : 'The request body';
    throw new InputError(`${withSubject(where, issueInWords(issue))}.`, 'invalid_body');
  }
  return parsed.output;
}
