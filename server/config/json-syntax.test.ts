import { describe, expect, it } from 'vitest';
import { describeJsonLineError, describeJsonSyntaxError, findJsonSyntaxError, MAX_SCANNED_DEPTH } from './json-syntax';

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

  it.each([
    ['{"a": 1 // why\n}', 'expected "," or "}" after a property value, found a comment (JSON has none)'],
    ['{"a": 1 /* why */}', 'expected "," or "}" after a property value, found a comment (JSON has none)'],
    ['{"a": x}', 'expected a value (a string, number, object, array, true, false or null), found "x"'],
    ['{"a": }', 'expected a value (a string, number, object, array, true, false or null), found "}"'],
    ['{"a": ', 'expected a value (a string, number, object, array, true, false or null), found the file ends'],
    ["['a']", 'strings and property names need double quotes (")'],
    ['{a: 1}', 'expected a property name in double quotes, found "a"'],
    ['{"a": 1 x}', 'expected "," or "}" after a property value, found "x"'],
    ['[1 x]', 'expected "," or "]" after an array element, found "x"'],
    ['[1 "a"]', 'a "," is missing before this element'],
    ['[1 {}]', 'a "," is missing before this element'],
    ['[1 [2]]', 'a "," is missing before this element'],
    ['[1 -2]', 'a "," is missing before this element'],
    ['[1 true]', 'a "," is missing before this element'],
    ['[1 false]', 'a "," is missing before this element'],
    ['[1 null]', 'a "," is missing before this element'],
    ['[1, ]', 'a comma before ] (JSON allows no trailing comma)'],
    ['"tab\there"', 'a control character inside a string'],
    ['"\\u12"', '\\u must be followed by four hexadecimal digits'],
    ['"\\uZZZZ"', '\\u must be followed by four hexadecimal digits'],
    ['"\\', '"\\\\" is not a JSON escape; write \\\\ for a backslash'],
    ['[-]', 'this number is not written the JSON way (such as 12, -3.5 or 1e6)'],
    // The number is read where it starts, not wherever digits follow.
    ['[- 1]', 'this number is not written the JSON way (such as 12, -3.5 or 1e6)'],
    ['[1.]', 'this number is not written the JSON way (such as 12, -3.5 or 1e6; no leading zeros or hex)'],
    ['[1e]', 'this number is not written the JSON way (such as 12, -3.5 or 1e6; no leading zeros or hex)'],
    ['{} x', 'unexpected "x" after the end of the JSON value'],
    ['', 'expected a value (a string, number, object, array, true, false or null), found the file ends'],
  ])('says what is wrong in %j', (text, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)?.problem).toBe(problem);
  });

  it('reads numbers with every digit, fraction and exponent, and escapes of every kind', () => {
    for (const text of ['[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99]', '[1.25, -0.5, 2e+3, 2E-3, 12.5e10]', '"\\u00e9\\u00E9\\"\\\\\\/\\b\\f\\n\\r\\t"', '\t\r\n [ ]\r\n']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text), text).toBeUndefined();
    }
  });

  it('gives up deeper than MAX_SCANNED_DEPTH levels (undefined) instead of overflowing the stack; siblings do not add up', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toBeUndefined();
    expect(findJsonSyntaxError(`${'{"a":'.repeat(MAX_SCANNED_DEPTH + 1)}x`)).toBeUndefined();
    expect(findJsonSyntaxError(`${'{"a":'.repeat(MAX_SCANNED_DEPTH)}x`)).toMatchObject({ column: 5 * MAX_SCANNED_DEPTH + 1 });
    const siblings = `[${'[{}],'.repeat(2 * MAX_SCANNED_DEPTH)}x]`;
    expect(findJsonSyntaxError(siblings)).toMatchObject({ column: siblings.length - 1, problem: expect.stringMatching(/^expected a value/) });
  });

  it('places a string that is never closed at its opening quote, and an error on a later line by its own line', () => {
    expect(findJsonSyntaxError('{\n  "a": "open')).toEqual({ line: 2, column: 8, problem: 'this string is never closed with "' });
    expect(findJsonSyntaxError('{\n\n  "a": 1,\n  "b": x\n}')).toEqual({ line: 4, column: 8, problem: expect.stringMatching(/^expected a value/) });
  });
});


describe('describeJsonSyntaxError and describeJsonLineError', () => {
  const parseError = (text: string) => {
    try {
      JSON.parse(text);
    } catch (err) {
      return err;
    }
    throw new Error('expected invalid JSON');
  };

  it('word a syntax error by line and column, never by JSON.parse\'s character offset', () => {
    const text = '{\n  "nodes": {,}\n}';
    expect(describeJsonSyntaxError(text, parseError(text))).toBe('not valid JSON at line 2, column 13: expected a property name in double quotes, found ","');
    expect(describeJsonLineError('{"type": "table",}', parseError('{"type": "table",}'))).toBe('invalid JSON at column 17: a comma before } (JSON allows no trailing comma)');
    expect(describeJsonSyntaxError(text, parseError(text))).not.toMatch(/position/);
  });

  it('say a line cut short ends, not the file', () => {
    expect(describeJsonSyntaxError('{"a": ', parseError('{"a": '))).toMatch(/found the file ends$/);
    expect(describeJsonLineError('{"a": ', parseError('{"a": '))).toBe('invalid JSON at column 7: expected a value (a string, number, object, array, true, false or null), found the line ends');
  });

  it('stop looking deeper than MAX_SCANNED_DEPTH levels and use JSON.parse\'s words, never overflowing the stack', () => {
    for (const text of ['['.repeat(200_000), `{"a":${'['.repeat(MAX_SCANNED_DEPTH + 1)}}`]) {
      const error = parseError(text);
      expect(findJsonSyntaxError(text)).toBeUndefined();
      expect(describeJsonLineError(text, error)).toBe(`invalid JSON: ${(error as Error).message}`);
    }
    // Up to the limit the error is still located.
    const deep = `${'['.repeat(MAX_SCANNED_DEPTH)}x`;
    expect(describeJsonLineError(deep, parseError(deep))).toMatch(new RegExp(`^invalid JSON at column ${MAX_SCANNED_DEPTH + 1}: expected a value`));
  });
});
