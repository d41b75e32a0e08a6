// The real `npm run catalog:import -- openlineage` entry (import-cli.ts) in a child process, on
// event files as OpenLineage's file transport writes them: NDJSON in one file, or a folder of JSON files.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../../testing/run-cli';
import { openCatalogDatabase } from '../../store/open-catalog-database';
import { generateEventStream, MINIMAL_START, PG, runEvent } from './openlineage-test-events';

const CLI = join(import.meta.dirname, '..', 'import-cli.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-ol-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const runCli = (args: string[]) => runCliEntry(CLI, args);

const count = (dbPath: string, sql: string) => {
  const db = openCatalogDatabase(dbPath);
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe('npm run catalog:import -- openlineage', () => {
  it('loads an NDJSON file of 100 events, and a second run changes nothing', async () => {
    const events = join(dir, 'events.ndjson');
    writeFileSync(events, `${generateEventStream(50).map((e) => JSON.stringify(e)).join('\n')}\n`);
    const db = join(dir, 'catalog.sqlite');
    const first = await runCli(['openlineage', '--events', events, '--db', db]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ events: 100, tables: { added: 85, changed: 0 }, lineage: { added: 100 }, badCount: 0 });
    expect(first.stderr).toContain('openlineage: loaded 100 event(s) into');
    expect(count(db, 'SELECT count(*) FROM table_lineage')).toBe(100);

    const again = await runCli(['openlineage', '--events', events, '--db', db]);
    expect(JSON.parse(again.stdout)).toMatchObject({ tables: { added: 0, changed: 0, unchanged: 85 }, lineage: { added: 0, unchanged: 100 } });
  });

  it('reads a folder of JSON files in name order, names each bad event by file and line, loads the rest and exits 2', async () => {
    const folder = join(dir, 'events');
    mkdirSync(folder);
    const [start, complete] = generateEventStream(1);
    writeFileSync(join(folder, '001.json'), JSON.stringify(start));
    writeFileSync(join(folder, '002.json'), `${JSON.stringify(complete)}\n${JSON.stringify({ ...MINIMAL_START, eventTime: 'soon' })}\n`);
    writeFileSync(join(folder, 'notes.txt'), 'not an event');
    const db = join(dir, 'catalog.sqlite');
    const res = await runCli(['openlineage', '--events', folder, '--db', db]);
    expect(res.code).toBe(2);
    const report = JSON.parse(res.stdout);
    expect(report).toMatchObject({ events: 2, tables: { added: 3 }, lineage: { added: 2 }, badCount: 1 });
    expect(report.bad).toEqual([{ file: join(folder, '002.json'), line: 2, reason: 'field "eventTime": must be an ISO 8601 date-time' }]);
    expect(res.stderr).toContain(`${join(folder, '002.json')}:2: field "eventTime"`);
  });

  it('says "nothing loaded" when every event was refused, and names a file of one event without an index', async () => {
    const single = join(dir, 'event.json');
    writeFileSync(single, JSON.stringify({ ...MINIMAL_START, eventTime: 'soon' }));
    const db = join(dir, 'catalog.sqlite');
    const res = await runCli(['openlineage', '--events', single, '--db', db]);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).bad).toEqual([{ file: single, reason: 'field "eventTime": must be an ISO 8601 date-time' }]);
    expect(res.stderr).toMatch(/openlineage: nothing loaded into .*: all 1 event\(s\) were refused\n/);
    expect(res.stderr).not.toContain('loaded 0 event(s)');
    expect(res.stderr).toContain(`    ${single}: field "eventTime"`);
    // An array keeps its indexes.
    const array = join(dir, 'events.json');
    writeFileSync(array, JSON.stringify([{ ...MINIMAL_START, eventTime: 'soon' }, { ...MINIMAL_START, eventTime: 'later' }]));
    const both = await runCli(['openlineage', '--events', array, '--db', db]);
    expect(both.stderr).toMatch(/all 2 event\(s\) were refused/);
    expect(both.stderr).toContain(`    ${array}[1]: field "eventTime"`);
  });

  it('with --dry-run reports and creates no catalog file', async () => {
    const events = join(dir, 'events.json');
    writeFileSync(events, JSON.stringify(generateEventStream(2)));
    const db = join(dir, 'none.sqlite');
    const res = await runCli(['openlineage', '--events', events, '--db', db, '--dry-run']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ dryRun: true, tables: { added: 6 }, lineage: { added: 4 } });
    expect(existsSync(db)).toBe(false);
  });

  it('pairs the inputs and outputs of a run split over events, in one file and over two files loaded one after the other', async () => {
    const ds = (table: string) => ({ namespace: PG, name: `fram.split.${table}` });
    const event = (eventType: string, runId: string, inputs: string[], outputs: string[]) =>
      JSON.stringify({ ...runEvent({ eventType, runId, job: 'split_job' }), inputs: inputs.map(ds), outputs: outputs.map(ds) });
    const db = join(dir, 'catalog.sqlite');
    const oneFile = join(dir, 'split.ndjson');
    writeFileSync(oneFile, `${event('START', 'run-1', ['src_a'], [])}\n${event('COMPLETE', 'run-1', [], ['dst_b'])}\n`);
    const first = await runCli(['openlineage', '--events', oneFile, '--db', db]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ events: 2, tables: { added: 2 }, lineage: { added: 1 }, warnings: [] });

    const starts = join(dir, 'starts.ndjson');
    const completes = join(dir, 'completes.ndjson');
    writeFileSync(starts, `${event('START', 'run-2', ['src_c'], [])}\n`);
    writeFileSync(completes, `${event('COMPLETE', 'run-2', [], ['dst_d'])}\n${event('COMPLETE', 'run-3', [], ['dst_e'])}\n`);
    expect(JSON.parse((await runCli(['openlineage', '--events', starts, '--db', db])).stdout)).toMatchObject({ lineage: { added: 0 } });
    const second = await runCli(['openlineage', '--events', completes, '--db', db]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ lineage: { added: 1 }, warnings: [{ run_id: 'run-3' }] });
    expect(second.stderr).toContain('  1 warning(s):\n    run run-3 (airflow-prod/split_job): the run ended (COMPLETE) with outputs (postgres://fram.split/dst_e) but no inputs');
    const edges = (() => {
      const catalog = openCatalogDatabase(db);
      try {
        return catalog.prepare('SELECT upstream_key, downstream_key FROM table_lineage ORDER BY 1').raw().all();
      } finally {
        catalog.close();
      }
    })();
    expect(edges).toEqual([['postgres://fram.split/src_a', 'postgres://fram.split/dst_b'], ['postgres://fram.split/src_c', 'postgres://fram.split/dst_d']]);
  });

  it('refuses a SQLite database or a dbt manifest given as --events in one line, writing nothing', async () => {
    const sqlite = join(dir, 'shop.sqlite');
    const other = openCatalogDatabase(join(dir, 'other.sqlite'));
    other.close();
    writeFileSync(sqlite, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 1)]));
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' }, nodes: {} }, null, 2));
    const db = join(dir, 'catalog.sqlite');
    for (const [file, words] of [[sqlite, 'is a SQLite database'], [manifest, 'is a dbt artifact']] as const) {
      const res = await runCli(['openlineage', '--events', file, '--db', db]);
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toEqual([expect.stringContaining(`--events: ${file} ${words}`)]);
      expect(res.stderr).toContain('not OpenLineage events: nothing was loaded');
    }
    expect(existsSync(db)).toBe(false);
  });

  it('says "no events in FILE: nothing loaded" and exits 1 for an empty file, blank lines, [] or a folder without events, creating no catalog', async () => {
    const why = 'an empty export usually means the job that writes it failed';
    const empty = join(dir, 'events.ndjson');
    writeFileSync(empty, '');
    const blank = join(dir, 'blank.json');
    writeFileSync(blank, '\uFEFF\n  \n\r\n');
    const array = join(dir, 'array.json');
    writeFileSync(array, '[]\n');
    const none = join(dir, 'none');
    mkdirSync(none);
    const emptyFiles = join(dir, 'empty-files');
    mkdirSync(emptyFiles);
    writeFileSync(join(emptyFiles, 'a.json'), '');
    writeFileSync(join(emptyFiles, 'b.ndjson'), '\n');
    const db = join(dir, 'catalog.sqlite');
    for (const [target, words, extra] of [
      [empty, 'the file is empty', []],
      [blank, 'the file has only blank lines', []],
      [array, 'the file is an empty JSON array', ['--dry-run']],
      [none, 'the folder has no .json, .ndjson or .jsonl file', []],
      [emptyFiles, 'its 2 event files are empty', []],
    ] as const) {
      const res = await runCli(['openlineage', '--events', target, '--db', db, ...extra]);
      expect(res).toEqual({ code: 1, stdout: '', stderr: `import: --events: no events in ${target}: nothing loaded (${words}; ${why})\n` });
    }
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a missing --events with the usage', async () => {
    const res = await runCli(['openlineage', '--db', join(dir, 'x.sqlite')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('--events is required');
  });
});
