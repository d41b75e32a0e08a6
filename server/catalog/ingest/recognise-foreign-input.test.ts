import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAD_BYTES, recogniseForeignInput } from './recognise-foreign-input';

const dir = mkdtempSync(join(tmpdir(), 'nansen-foreign-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const head = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text) : text).subarray(0, HEAD_BYTES);
const kindOf = (text: string | Buffer) => recogniseForeignInput(head(text));
const record = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 's', name, ...extra });
const manifest = (nodes: number) => ({
  metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json', dbt_version: '1.8.7', adapter_type: 'snowflake' },
  nodes: Object.fromEntries(Array.from({ length: nodes }, (_, i) => [`model.p.m${i}`, { name: `m${i}`, description: 'x'.repeat(200) }])),
});

describe('recogniseForeignInput', () => {
  it('takes NDJSON records, a file with bad lines among them, and an empty input as NDJSON', () => {
    expect(kindOf(`${record('a')}\n${record('b')}\n`)).toBeUndefined();
    expect(kindOf(`\n\n  ${record('a')}\nnope\n`)).toBeUndefined();
    expect(kindOf(`\uFEFF${record('a')}\r\n`)).toBeUndefined();
    expect(kindOf('nope\n{"type": "table",}\n')).toBeUndefined();
    expect(kindOf('{"name": "no type"}\n')).toBeUndefined();
    expect(kindOf('')).toBeUndefined();
    // A first record longer than what is looked at, cut where it opens a list: still NDJSON.
    const columns = Array.from({ length: 3000 }, (_, i) => ({ name: `c${i}`, col_type: 'string' }));
    const long = record('wide', { columns });
    expect(long.length).toBeGreaterThan(HEAD_BYTES);
    expect(kindOf(`${long}\n`)).toBeUndefined();
    expect(kindOf(`${long.slice(0, long.indexOf('[') + 1)}`.padEnd(HEAD_BYTES + 10, ' '))).toBeUndefined();
  });

  it('recognises a SQLite database, and a Nansen catalog among them', () => {
    const file = join(dir, 'shop.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY)');
    db.close();
    const bytes = readFileSync(file);
    expect(recogniseForeignInput(head(bytes))).toEqual({ kind: 'sqlite' });
    expect(recogniseForeignInput(head(bytes), () => true)).toEqual({ kind: 'nansen-catalog' });
  });

  it('recognises dbt artifacts pretty-printed, on one line, and longer than what is looked at', () => {
    expect(kindOf(JSON.stringify(manifest(2), null, 2))).toEqual({ kind: 'dbt', artifact: 'manifest' });
    expect(kindOf(JSON.stringify(manifest(2)))).toEqual({ kind: 'dbt', artifact: 'manifest' });
    const big = JSON.stringify(manifest(1000));
    expect(big.length).toBeGreaterThan(HEAD_BYTES);
    expect(kindOf(big)).toEqual({ kind: 'dbt', artifact: 'manifest' });
    expect(kindOf('{\n "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json"},\n "nodes": {}\n}')).toEqual({ kind: 'dbt', artifact: 'catalog' });
    expect(kindOf('{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json"}, "results": []}')).toEqual({ kind: 'dbt', artifact: 'run-results' });
  });

  it('recognises OpenLineage events, as NDJSON or as one document', () => {
    const event = { eventType: 'COMPLETE', eventTime: '2026-12-07T04:00:00Z', producer: 'p', schemaURL: 's', run: { runId: 'r' }, job: { namespace: 'n', name: 'j' } };
    expect(kindOf(`${JSON.stringify(event)}\n${JSON.stringify(event)}\n`)).toEqual({ kind: 'openlineage' });
    expect(kindOf(JSON.stringify({ ...event, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent' }, null, 2))).toEqual({ kind: 'openlineage' });
  });

  it('recognises a JSON array or another document written over many lines, compressed and binary files', () => {
    expect(kindOf(`[${record('a')}, ${record('b')}]\n`)).toEqual({ kind: 'json-array', spansLines: false });
    expect(kindOf(`[\n  ${record('a')},\n  ${record('b')}\n]\n`)).toEqual({ kind: 'json-array', spansLines: true });
    expect(kindOf(JSON.stringify({ source: 'dbt', tables: { added: 4 } }, null, 2))).toEqual({ kind: 'json-document' });
    expect(kindOf('{"a": {\n  "b": 1}}\n')).toEqual({ kind: 'json-document' });
    expect(kindOf(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]))).toEqual({ kind: 'gzip' });
    expect(kindOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record('a'), 'utf16le')]))).toEqual({ kind: 'utf16' });
    expect(kindOf(Buffer.from([0x7b, 0x00, 0x01, 0x02]))).toEqual({ kind: 'binary' });
  });
});
