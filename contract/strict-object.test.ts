import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { strictOptions } from './strict-object';

const schema = strictOptions({ title: v.optional(v.string()), limit: v.optional(v.number()) });
const messagesOf = (input: unknown) => v.safeParse(schema, input).issues?.map((issue) => issue.message) ?? [];

describe('strictOptions', () => {
  it('takes an object naming only its options', () => {
    expect(v.safeParse(schema, { title: 'Nansen', limit: 3 })).toMatchObject({ success: true, output: { title: 'Nansen', limit: 3 } });
    expect(messagesOf({})).toEqual([]);
  });

  it('refuses what is not an object with its own words, not valibot\'s', () => {
    expect(messagesOf('settings')).toEqual(['must be an object ({ … })']);
    expect(messagesOf(42)).toEqual(['must be an object ({ … })']);
    expect(messagesOf(true)).toEqual(['must be an object ({ … })']);
    expect(messagesOf(undefined)).toEqual(['must be an object ({ … })']);
    expect(messagesOf(null)).toEqual(['must be an object ({ … })']);
    expect(messagesOf(['title'])).toEqual(['must be an object ({ … })']);
  });

  it('refuses keys that touch prototypes by name', () => {
    expect(messagesOf(JSON.parse('{"__proto__": {}, "title": "x"}'))).toEqual([
      'names __proto__, which is not an option (the options are title, limit)',
    ]);
    expect(messagesOf({ constructor: 1, prototype: 2 })).toEqual(['names constructor, prototype, which is not an option (the options are title, limit)']);
  });
});
