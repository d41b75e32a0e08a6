// Where a JSON text first breaks, as a line and column a person can go to. JSON.parse reports an
// offset for some mistakes only, worded differently in each Node version; this scanner follows the
// JSON grammar (RFC 8259) just far enough to find the first error.

export interface JsonSyntaxError {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  readonly problem: string;
}

/**
 * How every reader of a JSON file words a syntax error (UI_CONFIG_FILE, EDIT_RULES_FILE, a dbt
 * manifest …): "not valid JSON at line 3, column 15: expected …", not JSON.parse's own words with a
 * character offset. `parseError` is what JSON.parse threw, used only if the scanner finds no error.
 */
export function describeJsonSyntaxError(text: string, parseError: unknown, endOfText?: string): string {
  const at = findJsonSyntaxError(text, endOfText);
  return at ? `not valid JSON at line ${at.line}, column ${at.column}: ${at.problem}` : `not valid JSON: ${parseError instanceof Error ? parseError.message : String(parseError)}`;
}

/**
 * The same for one line of an NDJSON file, whose line number the caller gives: "invalid JSON at
 * column 15: expected …" (a line cut short: "… found the line ends").
 */
export function describeJsonLineError(line: string, parseError: unknown): string {
  const at = findJsonSyntaxError(line, 'the line ends');
  return at ? `invalid JSON at column ${at.column}: ${at.problem}` : `invalid JSON: ${parseError instanceof Error ? parseError.message : String(parseError)}`;
}

class Stop {
  constructor(readonly offset: number, readonly problem: string) {}
}

/**
 * Deeper than this the scanner stops looking (it recurses once per level; JSON.parse does not): a
 * line of 100 000 "[" from an ingest client must be rejected, not overflow the stack.
 */
export const MAX_SCANNED_DEPTH = 512;

class TooDeep {}

/**
 * The first syntax error of `text`, or undefined when it is valid JSON or nested deeper than
 * MAX_SCANNED_DEPTH before its first error (not located: the describe… helpers then use JSON.parse's words).
 */
export function findJsonSyntaxError(text: string, endOfText = 'the file ends'): JsonSyntaxError | undefined {
  let i = 0;
  let depth = 0;
  /** Where the last "," was: a trailing comma is reported there. */
  let lastComma = 0;
  const fail = (problem: string, at = i): never => {
    throw new Stop(at, problem);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describeHere = () => {
    if (i >= text.length) return endOfText;
    if (text.startsWith('//', i) || text.startsWith('/*', i)) return 'a comment (JSON has none)';
    return `${JSON.stringify(text[i])}`;
  };

  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (++depth > MAX_SCANNED_DEPTH) throw new TooDeep();
      if (c === '{') object();
      else array();
      depth--;
      return;
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "'") fail('strings and property names need double quotes (")');
    fail(`expected a value (a string, number, object, array, true, false or null), found ${describeHere()}`);
  };

  const object = () => {
    i++; // {
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail('a comma before } (JSON allows no trailing comma)', lastComma);
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describeHere()}`);
      string();
      skipSpace();
      if (text[i] !== ':') fail(`expected ":" after the property name, found ${describeHere()}`);
      i++;
      value();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      if (text[i] === '"') fail('a "," is missing before this property');
      if (text[i] !== ',') fail(`expected "," or "}" after a property value, found ${describeHere()}`);
      lastComma = i;
      i++;
    }
  };

  const array = () => {
    i++; // [
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('a comma before ] (JSON allows no trailing comma)', lastComma);
      value();
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      if (text[i] !== undefined && '{["-0123456789tfn'.includes(text[i]!)) fail('a "," is missing before this element');
      if (text[i] !== ',') fail(`expected "," or "]" after an array element, found ${describeHere()}`);
      lastComma = i;
      i++;
    }
  };

  const string = () => {
    const start = i;
    i++; // "
    for (;;) {
      if (i >= text.length) fail('this string is never closed with "', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail(c === 0x0a ? 'a line break inside a string (write \\n)' : 'a control character inside a string');
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hexadecimal digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`${JSON.stringify(`\\${next ?? ''}`)} is not a JSON escape; write \\\\ for a backslash`);
      } else i++;
    }
  };

  const number = () => {
    const start = i;
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail('this number is not written the JSON way (such as 12, -3.5 or 1e6)');
    i += match![0].length;
    if (/^[\w.]/.test(text[i] ?? '')) fail('this number is not written the JSON way (such as 12, -3.5 or 1e6; no leading zeros or hex)', start);
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${describeHere()} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (err instanceof TooDeep) return undefined;
    if (!(err instanceof Stop)) throw err;
    return { ...lineAndColumn(text, err.offset), problem: err.problem };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
