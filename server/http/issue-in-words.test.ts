import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { expectedInWords, foundInWords, isMissingKey, issueInWords, withSubject } from './issue-in-words';

/** The first issue valibot reports for `input` against `schema`. */
function firstIssue(schema: v.GenericSchema, input: unknown): v.BaseIssue<unknown> {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error('expected the input to be refused');
  return result.issues[0];
}

describe('expectedInWords', () => {
  it('names the common types as a person would', () => {
    expect(expectedInWords('boolean')).toBe('true or false');
    expect(expectedInWords('string')).toBe('a string');
    expect(expectedInWords('number')).toBe('a number');
    expect(expectedInWords('Object')).toBe('an object ({ … })');
    expect(expectedInWords('Array')).toBe('a list ([ … ])');
  });

  it('lists the options of a choice, in their order', () => {
    expect(expectedInWords('("a" | "b" | "c")')).toBe('one of "a", "b", "c"');
  });

  it('passes anything else through, and says "something else" when nothing is expected', () => {
    expect(expectedInWords('Date')).toBe('Date');
    expect(expectedInWords('x (y)')).toBe('x (y)');
    expect(expectedInWords('(a) z')).toBe('(a) z');
    expect(expectedInWords(null)).toBe('something else');
    expect(expectedInWords(undefined)).toBe('something else');
  });
});

describe('foundInWords', () => {
  it('shows a short scalar value as JSON', () => {
    expect(foundInWords('yes')).toBe(' (found "yes")');
    expect(foundInWords(3)).toBe(' (found 3)');
    expect(foundInWords(false)).toBe(' (found false)');
    expect(foundInWords(null)).toBe(' (found null)');
  });

  it('shows values up to 40 characters of JSON and no longer ones', () => {
    expect(foundInWords('x'.repeat(38))).toBe(` (found "${'x'.repeat(38)}")`);
    expect(foundInWords('x'.repeat(39))).toBe('');
  });

  it('shows nothing for a missing value, an object, a list or what JSON cannot show', () => {
    expect(foundInWords(undefined)).toBe('');
    expect(foundInWords({ a: 1 })).toBe('');
    expect(foundInWords([1])).toBe('');
    expect(foundInWords(() => 1)).toBe('');
  });
});

describe('isMissingKey', () => {
  const schema = v.object({ name: v.string() });

  it('is true for a required key that is absent', () => {
    expect(isMissingKey(firstIssue(schema, {}))).toBe(true);
  });

  it('is false for a key that is present with the wrong type, for an unknown key and for a value at the top', () => {
    expect(isMissingKey(firstIssue(schema, { name: 1 }))).toBe(false);
    expect(isMissingKey(firstIssue(v.objectWithRest({}, v.never()), { extra: undefined }))).toBe(false);
    expect(isMissingKey(firstIssue(v.string(), undefined))).toBe(false);
    expect(isMissingKey(firstIssue(v.array(v.string()), [undefined]))).toBe(false);
  });

  it('is false for a key that is there but not allowed: a record key out of its choice, a strict object\'s extra key', () => {
    const recordKey = firstIssue(v.record(v.picklist(['a']), v.number()), { b: 1 });
    expect(recordKey).toMatchObject({ kind: 'schema', input: 'b', path: [{ origin: 'key', key: 'b' }] });
    expect(isMissingKey(recordKey)).toBe(false);
    expect(isMissingKey(firstIssue(v.strictObject({}), { extra: undefined }))).toBe(false);
  });

  it('is false for a check on a missing value (not a schema issue)', () => {
    const issue = { ...firstIssue(schema, {}), kind: 'validation' } as v.BaseIssue<unknown>;
    expect(isMissingKey(issue)).toBe(false);
  });
});

describe('issueInWords', () => {
  it('says a missing key is required, and what it must be when the caller knows', () => {
    const issue = firstIssue(v.object({ on: v.boolean() }), {});
    expect(issueInWords(issue)).toBe('is required');
    expect(issueInWords(issue, 'boolean')).toBe('is required and must be true or false');
  });

  it('rewords a wrong type with the value found', () => {
    expect(issueInWords(firstIssue(v.boolean(), 'yes'))).toBe('must be true or false (found "yes")');
    expect(issueInWords(firstIssue(v.picklist(['a', 'b']), 'c'))).toBe('must be one of "a", "b" (found "c")');
  });

  it('keeps a message the contract wrote, adding the value found', () => {
    expect(issueInWords(firstIssue(v.pipe(v.string(), v.minLength(1, 'must not be empty')), ''))).toBe('must not be empty (found "")');
  });

  it('keeps a check\'s own message as it is, without the value', () => {
    expect(issueInWords(firstIssue(v.pipe(v.string(), v.check(() => false, 'names no such thing')), 'x'))).toBe('names no such thing');
  });

  it('rewords valibot\'s own bounds in characters for text and items for lists', () => {
    expect(issueInWords(firstIssue(v.pipe(v.string(), v.minLength(3)), 'ab'))).toBe('must have at least 3 characters (found "ab")');
    expect(issueInWords(firstIssue(v.pipe(v.string(), v.maxLength(1)), 'ab'))).toBe('must have at most 1 characters (found "ab")');
    expect(issueInWords(firstIssue(v.pipe(v.array(v.number()), v.minLength(2)), [1]))).toBe('must have at least 2 items');
    expect(issueInWords(firstIssue(v.pipe(v.number(), v.minValue(5)), 4))).toBe('must be at least 5 (found 4)');
    expect(issueInWords(firstIssue(v.pipe(v.number(), v.maxValue(5)), 6))).toBe('must be at most 5 (found 6)');
  });

  it('falls back to valibot\'s message for any other check it has no words for', () => {
    expect(issueInWords(firstIssue(v.pipe(v.string(), v.email()), 'no'))).toBe('is not valid (Invalid email: Received "no")');
  });
});

describe('withSubject', () => {
  it('joins words that continue a sentence to their subject', () => {
    for (const words of ['must be a string', 'uses an unknown token', 'is required', 'needs a value', 'names x'])
      expect(withSubject('PORT', words)).toBe(`PORT ${words}`);
  });

  it('sets a message that is a sentence of its own after a colon', () => {
    expect(withSubject('PORT', 'Pick another port')).toBe('PORT: Pick another port');
    expect(withSubject('PORT', 'mustard is not a port')).toBe('PORT: mustard is not a port');
    expect(withSubject('PORT', 'so it must be')).toBe('PORT: so it must be');
  });
});
