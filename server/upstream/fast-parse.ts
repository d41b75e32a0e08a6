// A fast path for parsing upstream answers with their zod schemas (amundsen-schemas.ts). zod checks
// every field through its general machinery (each lenient field is a pipe of nullish and a transform),
// which made parsing a table's answer one of the largest costs of a forwarded call. compileFastParse
// walks a schema's definition once and builds plain functions for the kinds the schemas use (string,
// number, boolean, optional, nullable, transform pipes, arrays, objects loose or stripping, records,
// unions, lazy, unknown): same checks, same transforms (the schema's own functions are called), same
// output. Anything else, and any input the fast path does not accept, gives FAIL, and the caller then
// parses with zod itself, which also words the error: zod stays the reference, the fast path only ever
// answers what zod would (fast-parse.test.ts compares the two).
import type { z } from 'zod';

export const FAIL: unique symbol = Symbol('fast-parse-fail');
type Fast = (input: unknown) => unknown;

const fail: Fast = () => FAIL;

interface Def {
  type: string;
  checks?: unknown[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  transform?: (value: unknown, ctx: unknown) => unknown;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compile(schema: z.ZodType, seen: Map<z.ZodType, Fast>): Fast {
  const known = seen.get(schema);
  if (known) return known;
  // Recursive schemas (z.lazy): the slot is filled once compiled.
  let compiled: Fast = fail;
  const slot: Fast = (input) => compiled(input);
  seen.set(schema, slot);
  compiled = build(defOf(schema), seen);
  return compiled;
}

function build(def: Def, seen: Map<z.ZodType, Fast>): Fast {
  const hasChecks = (def.checks?.length ?? 0) > 0;
  switch (def.type) {
    case 'string':
      return hasChecks ? fail : (v) => (typeof v === 'string' ? v : FAIL);
    case 'number':
      return hasChecks ? fail : (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL);
    case 'boolean':
      return hasChecks ? fail : (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'unknown':
      return (v) => v;
    case 'optional': {
      const inner = compile(def.innerType!, seen);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'nullable': {
      const inner = compile(def.innerType!, seen);
      return (v) => (v === null ? null : inner(v));
    }
    case 'pipe': {
      const first = compile(def.in!, seen);
      const outDef = defOf(def.out!);
      if (outDef.type !== 'transform' || typeof outDef.transform !== 'function') return fail;
      const transform = outDef.transform;
      return (v) => {
        const value = first(v);
        if (value === FAIL) return FAIL;
        // A transform that reports issues, throws or is async needs zod.
        const ctx = { value, issues: [] as unknown[] };
        try {
          const out = transform(value, ctx);
          return out instanceof Promise || ctx.issues.length > 0 ? FAIL : out;
        } catch {
          return FAIL;
        }
      };
    }
    case 'lazy':
      return compile(def.getter!(), seen);
    case 'array': {
      if (hasChecks) return fail;
      const element = compile(def.element!, seen);
      return (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const item = element(v[i]);
          if (item === FAIL) return FAIL;
          out[i] = item;
        }
        return out;
      };
    }
    case 'record': {
      if (defOf(def.keyType!).type !== 'string' || defOf(def.keyType!).checks?.length) return fail;
      const value = compile(def.valueType!, seen);
      return (v) => {
        if (!isPlainObject(v)) return FAIL;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(v)) {
          if (key === '__proto__') return FAIL;
          const item = value(v[key]);
          if (item === FAIL) return FAIL;
          out[key] = item;
        }
        return out;
      };
    }
    case 'union': {
      const options = def.options!.map((o) => compile(o, seen));
      return (v) => {
        for (const option of options) {
          const out = option(v);
          if (out !== FAIL) return out;
        }
        return FAIL;
      };
    }
    case 'object': {
      const loose = def.catchall !== undefined;
      if (loose && defOf(def.catchall!).type !== 'unknown') return fail;
      const keys = Object.keys(def.shape!);
      const fields = keys.map((k) => compile(def.shape![k]!, seen));
      const known = new Set(keys);
      return (v) => {
        if (!isPlainObject(v)) return FAIL;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const value = fields[i]!(v[key]);
          if (value === FAIL) return FAIL;
          // As zod: a field that parses to undefined is left out unless the input had the key.
          if (value !== undefined || key in v) out[key] = value;
        }
        if (loose) {
          for (const key of Object.keys(v)) {
            if (known.has(key)) continue;
            if (key === '__proto__') return FAIL;
            out[key] = v[key];
          }
        }
        return out;
      };
    }
    default:
      return fail;
  }
}

/** A function giving what `schema.parse(input)` gives, or FAIL when zod itself must parse (and perhaps refuse) it. */
export function compileFastParse(schema: z.ZodType): Fast {
  return compile(schema, new Map());
}
