import type { Request } from 'express';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors';
import { parseBody, parseRequiredQuery } from './parse-request';

const withQuery = (query: Record<string, unknown>) => ({ query }) as unknown as Request;
const withBody = (body: unknown) => ({ body }) as unknown as Request;

function inputErrorOf(parse: () => unknown): InputError {
  try {
    parse();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseRequiredQuery', () => {
  it('returns the parameter as sent', () => {
    expect(parseRequiredQuery(withQuery({ key: ' hive://gold.s/t ' }), 'key')).toBe(' hive://gold.s/t ');
  });

  it('refuses a missing, blank or repeated parameter, naming it', () => {
    for (const value of [undefined, '', '   ', ['a', 'b']]) {
      const error = inputErrorOf(() => parseRequiredQuery(withQuery({ key: value }), 'key'));
      expect(error.message).toBe('The query parameter "key" is required.');
      expect(error.code).toBe('missing_parameter');
      expect(error.status).toBe(400);
    }
  });

  it('takes a parameter up to the length limit and refuses a longer one, saying the limit', () => {
    expect(parseRequiredQuery(withQuery({ q: 'x'.repeat(10) }), 'q', 10)).toHaveLength(10);
    const error = inputErrorOf(() => parseRequiredQuery(withQuery({ q: 'x'.repeat(11) }), 'q', 10));
    expect(error.message).toBe('The query parameter "q" is longer than 10 characters.');
    expect(error.code).toBe('invalid_parameter');
    expect(parseRequiredQuery(withQuery({ q: 'x'.repeat(2048) }), 'q')).toHaveLength(2048);
    expect(() => parseRequiredQuery(withQuery({ q: 'x'.repeat(2049) }), 'q')).toThrow(/longer than 2048 characters/);
  });
});

describe('parseBody', () => {
  const Bookmark = z.object({ type: z.enum(['table', 'dashboard']), key: z.string().min(1), note: z.object({ text: z.string() }).optional() });

  it('returns the parsed body', () => {
    expect(parseBody(withBody({ type: 'table', key: 'hive://gold.s/t', extra: 1 }), Bookmark)).toEqual({ type: 'table', key: 'hive://gold.s/t' });
  });

  it('refuses a bad body with its first problem, naming the field by its path', () => {
    const error = inputErrorOf(() => parseBody(withBody({ type: 'table', key: 'k', note: { text: 3 } }), Bookmark));
    expect(error.message).toBe('"note.text": Invalid input: expected string, received number');
    expect(error.code).toBe('invalid_body');
    expect(inputErrorOf(() => parseBody(withBody({ type: 'view', key: '' }), Bookmark)).message).toMatch(/^"type": /);
  });

  it('names the body itself when the problem is not in a field, and reads a missing body as {}', () => {
    expect(inputErrorOf(() => parseBody(withBody([1]), Bookmark)).message).toBe('The request body: Invalid input: expected object, received array');
    expect(inputErrorOf(() => parseBody(withBody(undefined), Bookmark)).message).toBe('"type": Invalid option: expected one of "table"|"dashboard"');
    expect(parseBody(withBody(undefined), z.object({ limit: z.number().optional() }))).toEqual({});
  });

  it('gives English messages for schemas written with zod/mini too', () => {
    const error = inputErrorOf(() => parseBody(withBody({ n: 'x' }), zm.object({ n: zm.number() })));
    expect(error.message).toBe('"n": Invalid input: expected number, received string');
  });
});
