// One NDJSON line → a validated ingest record, or the precise reason it was rejected.
import type { z } from 'zod';
import { describeJsonLineError } from '../../config/json-syntax';
import { INGEST_RECORD_SCHEMAS, INGEST_RECORD_TYPES, type IngestRecord } from './ingest-record-schemas';

export type ParsedLine = { ok: true; record: IngestRecord } | { ok: false; reason: string };

/** At most this many schema problems are named in one reason. */
const MAX_ISSUES = 3;

export function parseIngestLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    // Only a rejected line is scanned for where it breaks: JSON.parse alone reads the good ones.
    return { ok: false, reason: describeJsonLineError(line, err) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `a record must be a JSON object, got ${describeJsonType(value)}` };
  }
  const type = (value as { type?: unknown }).type;
  if (type === undefined) return { ok: false, reason: 'missing field "type"' };
  if (typeof type !== 'string' || !Object.hasOwn(INGEST_RECORD_SCHEMAS, type)) {
    return {
      ok: false,
      reason: `unknown type ${JSON.stringify(type)} (expected one of ${INGEST_RECORD_TYPES.join(', ')})`,
    };
  }
  const result = INGEST_RECORD_SCHEMAS[type as keyof typeof INGEST_RECORD_SCHEMAS].safeParse(value);
  if (result.success) return { ok: true, record: result.data as IngestRecord };
  return { ok: false, reason: `${type} record: ${describeIssues(result.error.issues, value)}` };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const parts = issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'custom' && issue.message.startsWith('missing field')) return issue.message;
    if (issue.code === 'invalid_type' && path && valueAt(input, issue.path) === undefined) {
      return `missing field "${path}"`;
    }
    if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
      return `field "${path}": expected ${expectedOf(issue)}, got ${describeJsonType(valueAt(input, issue.path))}`;
    }
    return path ? `field "${path}": ${issue.message}` : issue.message;
  });
  if (issues.length > MAX_ISSUES) parts.push(`and ${issues.length - MAX_ISSUES} more problem(s)`);
  return parts.join('; ');
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.expected;
  return 'another shape';
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}
