// Hostile inputs for the bad-input fuzz tests, drawn with a fixed seed so a failure is reproducible
// (its case number and request are printed). Each case is one raw HTTP request (raw-http.ts).
import { createSeededRandom, type SeededRandom } from '../catalog/demo/seeded-random';
import type { RawRequest } from './raw-http';

/** Strings that have broken parsers: path tricks, NUL, broken percent-encoding, unicode, quotes, markup. */
export const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '..', '../../../etc/passwd', '%2F', 'a%2Fb', '%00', '\u0000', 'a\u0000b', '%', '%zz', '%E0%A4%A', '%C0%AE%C0%AE',
  'ключ', '表/名', '😀', '\uD800', '\u202Etxt.exe', '"', "'", '"quoted"', "it's", '\\', '\\u0000', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '__proto__', 'constructor', 'null', '{}', '[]', '*', '?', '#', '&', '=',
  'hive://gold.sales/orders', 'hive://gold.sales/orders/../../x', 'hive://gold.sales/orders%00', 'hive://gold.sales/orders\u0000',
  'hive://gold.sales/ord"ers', 'hive://x.y/😀', 'product_dashboard://gold.sales/../x', 'x'.repeat(3000),
];

/** Values of the wrong type for a JSON field. */
const WRONG_TYPES: readonly unknown[] = [null, 0, -1, 1e308, true, [], ['a'], {}, { $ne: 1 }, 'x'.repeat(200_000)];

/** Bodies that are not JSON, or JSON no parser should trust. */
export const MALFORMED_BODIES: readonly string[] = [
  '{', '}', '{"key": ', '{"key": "a",}', "{'key': 'a'}", '{"key": NaN}', '{"key": undefined}', '{"a":1}{"b":2}', 'null', '[]', '0', '"text"',
  '\uFEFF{"key":"a"}', '{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {"x": 1}}}', '['.repeat(50_000) + ']'.repeat(50_000),
  '{"key":"\\ud800"}', '{"key":"\\u0000"}', `{"key":"${'a'.repeat(90_000)}"}`,
];

/** A route of an API: its method, path, the query parameters it reads and a body it accepts. */
export interface FuzzRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  query?: readonly string[];
  body?: Record<string, unknown>;
}

export interface FuzzCase {
  index: number;
  what: string;
  request: RawRequest;
}

function pct(value: string, random: SeededRandom): string {
  // Encoded as a browser would, or as written (broken escapes and `..` reach the server unchanged);
  // characters no request line may hold are always encoded; a lone surrogate goes as the bytes
  // WTF-8 would give it, which are no UTF-8.
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const wellFormed = value.replace(loneSurrogate, '\uFFFD');
  const encoded = random.chance(0.5) || /[\s\u0000-\u001f\u007f#]/.test(value)
    ? encodeURIComponent(wellFormed)
    : encodeURI(wellFormed).replace(/%25/g, '%');
  return wellFormed === value ? encoded : encoded.replace(/%EF%BF%BD/g, '%ED%A0%80');
}

function mutateBody(route: FuzzRoute, random: SeededRandom): { what: string; text: string } {
  const fields = Object.keys(route.body ?? { key: '' });
  const body: Record<string, unknown> = { ...route.body };
  const field = random.pick(fields);
  switch (random.int(0, 4)) {
    case 0:
      delete body[field];
      return { what: `without "${field}"`, text: JSON.stringify(body) };
    case 1: {
      body[field] = random.pick(WRONG_TYPES);
      return { what: `"${field}" of the wrong type`, text: JSON.stringify(body) };
    }
    case 2:
      body[field] = random.pick(HOSTILE_STRINGS);
      return { what: `hostile "${field}"`, text: JSON.stringify(body) };
    case 3:
      return { what: 'malformed JSON', text: random.pick(MALFORMED_BODIES) };
    default:
      return { what: 'a JSON value that is no object', text: JSON.stringify(random.pick(WRONG_TYPES)) };
  }
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ''];

/** `count` cases against `routes`, the same ones every run for the same seed. */
export function fuzzCases(routes: readonly FuzzRoute[], options: { seed: number; count: number; prefix: string; headers: Record<string, string> }): FuzzCase[] {
  const random = createSeededRandom(options.seed);
  return Array.from({ length: options.count }, (_, index) => {
    const route = random.pick(routes);
    const params = (route.query ?? []).filter(() => random.chance(0.7));
    const query = params.map((p) => `${p}=${pct(random.pick(HOSTILE_STRINGS), random)}`);
    if (random.chance(0.1)) query.push(`${pct(random.pick(HOSTILE_STRINGS), random)}=${pct(random.pick(HOSTILE_STRINGS), random)}`);
    let path = `${options.prefix}${route.path}`;
    // Path-parameter routes (`:key`) get a hostile key in the path.
    path = path.replace(':key', () => pct(random.pick(HOSTILE_STRINGS), random));
    if (query.length) path += `?${query.join('&')}`;
    const headers = { ...options.headers };
    let what = `${route.method} ${route.path}`;
    let body: string | undefined;
    if (route.method !== 'GET') {
      const mutated = mutateBody(route, random);
      body = mutated.text;
      what += ` with ${mutated.what}`;
      const type = random.pick(CONTENT_TYPES);
      if (type) headers['content-type'] = type;
    }
    return { index, what, request: { method: route.method, path, headers, body } };
  });
}

/** What a failing case printed: enough to rerun it by hand. */
export function describeCase(c: FuzzCase, answer: { status: number; text: string }): string {
  const body = c.request.body === undefined ? '' : ` body ${JSON.stringify(c.request.body.slice(0, 200))}${c.request.body.length > 200 ? `… (${c.request.body.length} chars)` : ''}`;
  return `case ${c.index} (${c.what}): ${c.request.method} ${c.request.path.slice(0, 300)}${body} → ${answer.status} ${answer.text.slice(0, 300)}`;
}
