import { describe, expect, it } from 'vitest';
import { parseIngestLine } from './parse-ingest-line';

const reasonOf = (line: string) => {
  const parsed = parseIngestLine(line);
  if (parsed.ok) throw new Error(`expected a rejection for ${line}`);
  return parsed.reason;
};

describe('parseIngestLine', () => {
  it('accepts a minimal table and fills defaults (no columns, lists left out)', () => {
    const parsed = parseIngestLine('{"type":"table","database":"hive","cluster":"gold","schema":"s","name":"t"}');
    expect(parsed).toEqual({ ok: true, record: { type: 'table', database: 'hive', cluster: 'gold', schema: 's', name: 't', columns: [] } });
  });

  it('turns bare badge names into badges with the category of their place', () => {
    const parsed = parseIngestLine(JSON.stringify({
      type: 'table', database: 'hive', cluster: 'gold', schema: 's', name: 't', badges: ['beta'],
      columns: [{ name: 'id', col_type: 'int', badges: ['PK', { badge_name: 'PII', category: 'privacy' }] }],
    }));
    expect(parsed.ok && parsed.record.type === 'table' && parsed.record).toMatchObject({
      badges: [{ badge_name: 'beta', category: 'table_status' }],
      columns: [{ badges: [{ badge_name: 'PK', category: 'column' }, { badge_name: 'PII', category: 'privacy' }] }],
    });
  });

  it('names invalid JSON, non-objects, a missing or unknown type', () => {
    expect(reasonOf('{"type": "table",}')).toBe('invalid JSON at column 17: a comma before } (JSON allows no trailing comma)');
    expect(reasonOf("{'type': 'table'}")).toBe(`invalid JSON at column 2: expected a property name in double quotes, found "'"`);
    expect(reasonOf('{"type": "table",')).toBe('invalid JSON at column 18: expected a property name in double quotes, found the line ends');
    expect(reasonOf('[1,2]')).toBe('a record must be a JSON object, got an array');
    expect(reasonOf('{"name":"x"}')).toBe('missing field "type"');
    expect(reasonOf('{"type":"view"}')).toBe(
      'unknown type "view" (expected one of table, user, dashboard, lineage, usage, owner, tag)',
    );
  });

  it('rejects a line nested too deep to scan with JSON.parse\'s words instead of overflowing the stack', () => {
    expect(reasonOf('['.repeat(200_000))).toMatch(/^invalid JSON: (?!at column)./);
  });

  it('names each missing field with its path, and wrong types with what was expected', () => {
    expect(reasonOf('{"type":"table","database":"hive","cluster":"gold","schema":"s"}')).toBe('table record: missing field "name"');
    expect(reasonOf('{"type":"table","database":"hive","cluster":"gold","schema":"s","name":"t","columns":[{"name":"id"}]}'))
      .toBe('table record: missing field "columns[0].col_type"');
    expect(reasonOf('{"type":"table","database":"hive","cluster":"gold","schema":"s","name":"t","is_view":"no"}'))
      .toBe('table record: field "is_view": expected boolean, got string "no"');
    expect(reasonOf('{"type":"usage","table_key":"hive://gold.s/t","user_email":"a@b.c"}')).toBe('usage record: missing field "read_count"');
    expect(reasonOf('{"type":"user","first_name":"A"}')).toBe('user record: missing field "email" (or "user_id")');
  });

  it('rejects duplicate column names and malformed keys', () => {
    expect(reasonOf(JSON.stringify({
      type: 'table', database: 'hive', cluster: 'gold', schema: 's', name: 't',
      columns: [{ name: 'id', col_type: 'int' }, { name: 'id', col_type: 'int' }],
    }))).toBe('table record: field "columns[1].name": duplicate column "id"');
    expect(reasonOf('{"type":"usage","table_key":"customers","user_email":"a@b.c","read_count":1}'))
      .toBe('usage record: field "table_key": must be a table key like "hive://gold.schema/table"');
    expect(reasonOf('{"type":"lineage","upstream":"hive://gold.s/a"}')).toBe('lineage record: missing field "downstream"');
  });

  it('refuses the keys the shared grammar refuses (an empty part, a line break), as the BFF does', () => {
    for (const key of ['://gold.s/t', 'hive://.s/t', 'hive://gold./t', '\nhive://gold.s/t', 'hive://gold.s/t\n']) {
      expect(reasonOf(JSON.stringify({ type: 'usage', table_key: key, user_email: 'a@b.c', read_count: 1 })), JSON.stringify(key))
        .toBe('usage record: field "table_key": must be a table key like "hive://gold.schema/table"');
    }
    expect(parseIngestLine(JSON.stringify({ type: 'usage', table_key: 'hive://eu.gold.s/t', user_email: 'a@b.c', read_count: 1 })).ok).toBe(true);
  });
});

describe('times in epoch seconds', () => {
  const table = (extra: Record<string, unknown>) => JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 's', name: 't', ...extra });
  const dashboard = (extra: Record<string, unknown>) =>
    JSON.stringify({ type: 'dashboard', product: 'mode', cluster: 'gold', group_id: 'g', id: 'd', name: 'D', ...extra });

  it('rejects milliseconds (and micro-, nanoseconds) with the unit they look like and the value to give', () => {
    expect(reasonOf(table({ last_updated_timestamp: 1764000000000 }))).toBe(
      'table record: field "last_updated_timestamp": 1764000000000 is not a time in epoch seconds (it would be the year 57868): ' +
        'looks like milliseconds: divide by 1000 (1764000000 is 2025-11-24)',
    );
    expect(reasonOf(table({ last_updated_timestamp: 1764000000000000 }))).toMatch(/looks like microseconds: divide by 1 000 000 \(1764000000 is 2025-11-24\)$/);
    expect(reasonOf(table({ last_updated_timestamp: 1764000000000000000 }))).toMatch(/looks like nanoseconds: divide by 1 000 000 000 \(1764000000 is 2025-11-24\)$/);
    expect(reasonOf(table({ last_updated_timestamp: -1764000000000 }))).toMatch(/^table record: field "last_updated_timestamp": -1764000000000 is not a time in epoch seconds \(it would be the year -53929\): looks like milliseconds/);
  });

  it('checks every time of the format: column stats and a dashboard\'s four', () => {
    expect(reasonOf(table({ columns: [{ name: 'c', col_type: 'int', stats: [{ stat_type: 'max', stat_val: '1', start_epoch: 1, end_epoch: 1764000000123 }] }] })))
      .toMatch(/^table record: field "columns\[0\]\.stats\[0\]\.end_epoch": 1764000000123 is not a time in epoch seconds .*: looks like milliseconds: divide by 1000 \(1764000000 is 2025-11-24\)$/);
    for (const field of ['created_timestamp', 'updated_timestamp', 'last_successful_run_timestamp', 'last_run_timestamp']) {
      expect(reasonOf(dashboard({ [field]: 1592333799000 }))).toMatch(new RegExp(`^dashboard record: field "${field}": 1592333799000 is not .*looks like milliseconds`));
    }
  });

  it('takes every time up to the year 3000, before 1970 and null', () => {
    for (const t of [0, 1570230473, 32_503_680_000, -1_000_000_000, null]) {
      expect(parseIngestLine(table({ last_updated_timestamp: t })).ok, String(t)).toBe(true);
    }
    expect(reasonOf(table({ last_updated_timestamp: 32_503_680_001 }))).toMatch(/is not a time in epoch seconds \(it would be the year 3000\): looks like milliseconds/);
  });
});
