import type { Request } from 'express';
import * as v from 'valibot';
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

  it('refuses a missing or blank parameter, naming it', () => {
    for (const value of [undefined, '', '   ']) {
      const error = inputErrorOf(() => parseRequiredQuery(withQuery({ key: value }), 'key'));
      expect(error.message).toBe('The query parameter "key" is required.');
      expect(error.code).toBe('missing_parameter');
      expect(error.status).toBe(400);
    }
  });

  it('refuses a repeated parameter (?key=a&key=b) saying to give it once, not that it is missing', () => {
    for (const value of [['a', 'b'], ['', ''], { nested: 'x' }]) {
      const error = inputErrorOf(() => parseRequiredQuery(withQuery({ key: value }), 'key'));
      expect(error.message).toBe('The query parameter "key" must be given once.');
      expect(error.code).toBe('invalid_parameter');
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
  const Bookmark = v.object({
    type: v.picklist(['table', 'dashboard']),
    key: v.pipe(v.string(), v.minLength(1)),
    note: v.optional(v.object({ text: v.string() })),
  });

  it('returns the parsed body', () => {
    expect(parseBody(withBody({ type: 'table', key: 'hive://gold.s/t', extra: 1 }), Bookmark)).toEqual({ type: 'table', key: 'hive://gold.s/t' });
  });

  it('refuses a bad body with its first problem, naming the field by its path', () => {
    const error = inputErrorOf(() => parseBody(withBody({ type: 'table', key: 'k', note: { text: 3 } }), Bookmark));
    expect(error.message).toBe('"note.text" must be a string (found 3).');
    expect(error.code).toBe('invalid_body');
    expect(inputErrorOf(() => parseBody(withBody({ type: 'view', key: '' }), Bookmark)).message).toMatch(/^"type" must /);
  });

  it('names the body itself when the problem is not in a field, and reads a missing body as {}', () => {
    expect(inputErrorOf(() => parseBody(withBody('text'), Bookmark)).message).toBe('The request body must be an object ({ … }) (found "text").');
    expect(inputErrorOf(() => parseBody(withBody(undefined), Bookmark)).message).toBe('"type" is required.');
    expect(inputErrorOf(() => parseBody(withBody({ type: 'view', key: 'k' }), Bookmark)).message).toBe('"type" must be one of "table", "dashboard" (found "view").');
    expect(inputErrorOf(() => parseBody(withBody({ type: 'table', key: '' }), Bookmark)).message).toBe('"key" must have at least 1 characters (found "").');
    expect(parseBody(withBody(undefined), v.object({ limit: v.optional(v.number()) }))).toEqual({});
  });
});
