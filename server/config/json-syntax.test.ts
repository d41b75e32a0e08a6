import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' { "a": [1, -2.5, 3e10, 0, 0.5E-3, true, false, null, "x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"], "b": {} } \n',
    '"just a string"',
    '{"nested": {"deep": [[[{}]]]}}',
  ])('finds nothing wrong in valid JSON: %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 1, 8, /trailing comma/],
    ['[1, 2,\n]', 1, 6, /trailing comma/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /"," is missing before this property/],
    ['[1\n 2]', 2, 2, /"," is missing before this element/],
    ['{\n  // a comment\n  "a": 1\n}', 2, 3, /a comment \(JSON has none\)/],
    ["{'a': 1}", 1, 2, /double quotes/],
    ['{"a": tru}', 1, 7, /expected a value/],
    ['{"a": "x\ny"}', 1, 9, /a line break inside a string/],
    ['{"a": "unterminated}', 1, 7, /never closed/],
    ['{"a": 01}', 1, 7, /not written the JSON way/],
    ['{"a": 0x10}', 1, 7, /not written the JSON way/],
    ['{"a": "\\x"}', 1, 8, /not a JSON escape/],
    ['{"a": 1} {"b": 2}', 1, 10, /after the end of the JSON value/],
    ['{"a" 1}', 1, 6, /expected ":"/],
    ['{"a": 1', 1, 8, /found the file ends/],
  ])('places the error in %j at line %i, column %i', (text, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = findJsonSyntaxError(text);
    expect(error).toMatchObject({ line, column });
    expect(error!.problem).toMatch(problem);
  });
});
