// A column's complex type string → the tree of nested fields the metadata API serves as
// `type_metadata` (Amundsen's TypeMetadata). Hive, Spark, BigQuery and Trino (Presto, Athena) spellings:
//   struct<a:int,b:array<string>>   STRUCT<a INT64, b ARRAY<STRING>>   map<string,struct<x:double>>
//   row(a bigint, b array(varchar))   map(varchar, row(x double))   row(bigint, varchar)
// Field names may be quoted with backticks (`odd name`, `` for a backtick) or double quotes ("", for
// a quote). As in Amundsen's databuilder: a struct's fields are its children, in order; an array of
// a struct, array or map has one child `_inner_`, an array of a scalar none; a map has `_map_key`
// and `_map_value`. A type that is not a struct, array or map has no tree (null). Scalars are taken
// as written (`decimal(10,2)`, `INT64 NOT NULL`, `uniontype<int,string>`). Trino's `row(…)` is a
// struct (kind `struct`, its data_type kept as written); its fields without a name (`row(bigint,
// varchar)`, read by position in Trino) are named `_1`, `_2`, … by their position.
import type { TypeMetadataRecord } from '../store/catalog-records';

/** Bounds: a longer or deeper type, or one with more nested fields, is refused with a ColumnTypeError. */
export const COLUMN_TYPE_LIMITS = { maxLength: 100_000, maxDepth: 64, maxFields: 10_000 } as const;

export const ARRAY_INNER = '_inner_';
export const MAP_KEY = '_map_key';
export const MAP_VALUE = '_map_value';

/** A type string that cannot be read; `position` is 1-based (characters of the type string). */
export class ColumnTypeError extends Error {
  override name = 'ColumnTypeError';
  constructor(
    readonly reason: string,
    readonly position: number,
    typeString: string,
  ) {
    super(`${reason} at character ${position} of the type${excerpt(typeString, position - 1)}`);
  }
}

function excerpt(s: string, at: number): string {
  if (at >= s.length) return ` (after "${tail(s)}")`;
  const from = Math.max(0, at - 20);
  const before = s.slice(from, at);
  const after = s.slice(at, at + 20);
  return `: "${from > 0 ? '…' : ''}${before}" ⟶ "${after}${at + 20 < s.length ? '…' : ''}"`;
}
const tail = (s: string) => (s.length > 30 ? `…${s.slice(-30)}` : s);

const COMPLEX_START = /^\s*(?:(?:struct|array|map)\s*<|(?:row|array|map)\s*\()/i;

/** Whether a type string is a struct (or Trino row), array or map (and so has a tree of nested fields). */
export function isComplexType(type: string): boolean {
  return COMPLEX_START.test(type);
}

/**
 * The tree of `type` for a column named `name`, or null when it is not a struct, array or map.
 * Throws ColumnTypeError for a malformed (or too long, deep or big) type.
 */
export function parseColumnType(type: string, name: string): TypeMetadataRecord | null {
  if (!isComplexType(type)) return null;
  if (type.length > COLUMN_TYPE_LIMITS.maxLength) {
    throw new ColumnTypeError(`the type is longer than ${COLUMN_TYPE_LIMITS.maxLength} characters`, COLUMN_TYPE_LIMITS.maxLength + 1, type);
  }
  return new TypeReader(type).readColumn(name);
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isWordChar = (c: string) => /[A-Za-z0-9_]/.test(c);
/** Characters that end an unquoted field name. */
const NAME_STOP = new Set([':', ',', '<', '>', '(', ')', '`', '"', ' ', '\t', '\n', '\r']);

/** How a container's parts end: Hive, Spark and BigQuery write `struct<…>`, Trino `row(…)`. */
type Close = '>' | ')';

class TypeReader {
  private i = 0;
  private fields = 0;
  constructor(private readonly s: string) {}

  readColumn(name: string): TypeMetadataRecord {
    const root = this.readType(name, 0, '>');
    this.skipSpace();
    if (this.i < this.s.length) this.fail(`unexpected "${this.s[this.i]}" after the end of the type`);
    return root;
  }

  private fail(reason: string, at = this.i): never {
    throw new ColumnTypeError(reason, at + 1, this.s);
  }

  private skipSpace(): void {
    while (this.i < this.s.length && isSpace(this.s[this.i])) this.i++;
  }

  private found(): string {
    return this.i < this.s.length ? `"${this.s[this.i]}"` : 'the end of the type';
  }

  private expect(c: string, what: string): void {
    this.skipSpace();
    if (this.s[this.i] !== c) this.fail(`expected "${c}" ${what}, found ${this.found()}`);
    this.i++;
  }

  /** `close`: what ends the container this type is in (a scalar runs up to it). */
  private readType(name: string, depth: number, close: Close): TypeMetadataRecord {
    if (depth > COLUMN_TYPE_LIMITS.maxDepth) this.fail(`the type is nested deeper than ${COLUMN_TYPE_LIMITS.maxDepth} levels`);
    this.skipSpace();
    const start = this.i;
    let end = start;
    while (end < this.s.length && isWordChar(this.s[end])) end++;
    const word = this.s.slice(start, end).toLowerCase();
    let after = end;
    while (after < this.s.length && isSpace(this.s[after])) after++;
    const opener = this.s[after];
    const hive = (word === 'struct' || word === 'array' || word === 'map') && opener === '<';
    const trino = (word === 'row' || word === 'array' || word === 'map') && opener === '(';
    if (hive || trino) {
      const inner: Close = hive ? '>' : ')';
      this.i = after + 1;
      const children =
        word === 'struct' ? this.readStructFields(depth)
        : word === 'row' ? this.readRowFields(depth)
        : word === 'array' ? this.readArray(depth, inner)
        : this.readMap(depth, inner);
      this.expect(inner, `to close the ${word} opened at character ${after + 1}`);
      return { kind: word === 'row' ? 'struct' : word, name, data_type: this.s.slice(start, this.i), children };
    }
    return { kind: 'scalar', name, data_type: this.readScalar(close), children: [] };
  }

  /**
   * A scalar runs to the next "," or `close` outside its own brackets: `decimal(10,2)`,
   * `INT64 NOT NULL`, `timestamp(3) with time zone`.
   */
  private readScalar(close: Close): string {
    const start = this.i;
    const open: string[] = [];
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '(' || c === '<') open.push(c);
      else if (c === ')' || c === '>') {
        if (open.length === 0) {
          if (c !== close) this.fail(`unexpected "${c}"`);
          break;
        }
        const opened = open.pop();
        if ((opened === '(') !== (c === ')')) this.fail(`"${c}" does not match the "${opened}" before it`);
      } else if (c === ',' && open.length === 0) break;
    }
    if (open.length > 0) this.fail(`"${open[open.length - 1]}" is never closed`);
    const text = this.s.slice(start, this.i).trim();
    if (!text) {
      this.i = start;
      this.skipSpace();
      this.fail(`expected a type, found ${this.found()}`);
    }
    return text;
  }

  private count(): void {
    if (++this.fields > COLUMN_TYPE_LIMITS.maxFields) this.fail(`the type has more than ${COLUMN_TYPE_LIMITS.maxFields} nested fields`);
  }

  private readStructFields(depth: number): TypeMetadataRecord[] {
    const fields: TypeMetadataRecord[] = [];
    const seen = new Set<string>();
    this.skipSpace();
    if (this.s[this.i] === '>') return fields; // struct<> (Spark allows it)
    for (;;) {
      this.skipSpace();
      const nameAt = this.i;
      const name = this.readName();
      if (seen.has(name)) this.fail(`duplicate field "${name}" in the struct`, nameAt);
      seen.add(name);
      // Hive and Spark write `name:type`, BigQuery `name type`.
      const beforeSeparator = this.i;
      this.skipSpace();
      if (this.s[this.i] === ':') this.i++;
      else if (this.i === beforeSeparator || this.s[this.i] === ',' || this.s[this.i] === '>' || this.i >= this.s.length) {
        this.fail(`expected ":" and a type after field "${name}", found ${this.found()}`);
      }
      this.count();
      fields.push(this.readType(name, depth + 1, '>'));
      if (!this.moreFields(name, '>')) return fields;
    }
  }

  /** After a field: true at "," (another follows), false at `close` (it was the last); anything else is refused. */
  private moreFields(name: string, close: Close): boolean {
    this.skipSpace();
    if (this.s[this.i] === ',') {
      this.i++;
      return true;
    }
    if (this.s[this.i] === close) return false;
    this.fail(`expected "," or "${close}" after field "${name}", found ${this.found()}`);
  }

  private readName(): string {
    const quote = this.s[this.i];
    if (quote === '`' || quote === '"') {
      const openAt = this.i;
      let name = '';
      for (this.i++; ; this.i++) {
        if (this.i >= this.s.length) this.fail(`the field name quoted at character ${openAt + 1} is never closed`, openAt);
        const c = this.s[this.i];
        if (c === quote) {
          if (this.s[this.i + 1] === quote) {
            name += quote;
            this.i++;
            continue;
          }
          this.i++;
          break;
        }
        name += c;
      }
      if (!name) this.fail('empty field name', openAt);
      return name;
    }
    const start = this.i;
    while (this.i < this.s.length && !NAME_STOP.has(this.s[this.i])) this.i++;
    if (this.i === start) this.fail(`expected a field name, found ${this.found()}`);
    return this.s.slice(start, this.i);
  }

  /**
   * Trino's `row(name type, …)`. A field may have no name (`row(bigint, varchar)`): it is then named
   * by its position, `_1`, `_2`, … A name is told from a type by what follows its first word: a type
   * after a space is a named field (`a bigint`); "," or ")" (`bigint`), or "(" (`varchar(10)`,
   * `row(…)`), is a field without a name.
   */
  private readRowFields(depth: number): TypeMetadataRecord[] {
    const fields: TypeMetadataRecord[] = [];
    const seen = new Set<string>();
    for (let position = 1; ; position++) {
      this.skipSpace();
      const nameAt = this.i;
      let name: string;
      if (this.s[this.i] === '"') {
        name = this.readName();
      } else {
        let end = this.i;
        while (end < this.s.length && !NAME_STOP.has(this.s[end])) end++;
        let next = end;
        while (next < this.s.length && isSpace(this.s[next])) next++;
        const anonymous = end === this.i || end === next || this.s[next] === ',' || this.s[next] === ')' || next >= this.s.length;
        if (anonymous) name = `_${position}`;
        else name = this.readName();
      }
      if (seen.has(name)) this.fail(`duplicate field "${name}" in the row`, nameAt);
      seen.add(name);
      this.count();
      fields.push(this.readType(name, depth + 1, ')'));
      if (!this.moreFields(name, ')')) return fields;
    }
  }

  private readArray(depth: number, close: Close): TypeMetadataRecord[] {
    this.count();
    const inner = this.readType(ARRAY_INNER, depth + 1, close);
    return inner.kind === 'scalar' ? [] : [inner];
  }

  private readMap(depth: number, close: Close): TypeMetadataRecord[] {
    this.count();
    const key = this.readType(MAP_KEY, depth + 1, close);
    this.expect(',', 'between the key and value types of the map');
    this.count();
    const value = this.readType(MAP_VALUE, depth + 1, close);
    return [key, value];
  }
}
