// The catalog killed during a bulk ingest (issue 14 §4): a catalog process (its own, started here) loads
// a few thousand demo tables streamed to POST /ingest and is killed with SIGKILL part-way. The SQLite
// file is consistent afterwards (integrity and foreign keys check out, every stored table whole), the
// same ingest run again completes with every table once — no duplicates — and search finds them all.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoNdjson } from './demo/write-demo-ndjson';
import { openCatalogDatabase } from './store/open-catalog-database';
import { AUTH_HEADER, openTestCatalog } from './testing/open-test-catalog';

const SERVER = fileURLToPath(new URL('./testing/run-catalog-server.ts', import.meta.url));
const TABLES = 4000;

function startCatalogProcess(dbPath: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.once('exit', (code) => reject(new Error(`the catalog process exited with ${code}:\n${output}`)));
  });
}

/** Streams `body` to POST /ingest; answers the status and the streamed lines, or status 0 when the connection died. */
async function ingest(port: number, body: Readable): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson', authorization: AUTH_HEADER[1] },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    return { status: res.status, text: await res.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

const countTables = (dbPath: string) => {
  const db = openCatalogDatabase(dbPath);
  try {
    return db.prepare('SELECT count(*) FROM tables').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('the catalog killed during a bulk ingest', () => {
  let dir: string;
  let dbPath: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nansen-ingest-killed-'));
    dbPath = join(dir, 'catalog.sqlite');
    file = join(dir, 'demo.ndjson');
    await writeDemoNdjson(file, { count: TABLES });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves a consistent database, and the same ingest run again loads every table exactly once', async () => {
    const first = await startCatalogProcess(dbPath);
    // The first two thirds of the file, then the body stays open: the catalog is mid-ingest when it dies.
    const lines = readFileSync(file, 'utf8').split('\n');
    const body = new Readable({ read() {} });
    body.push(lines.slice(0, Math.floor(lines.length * 2 / 3)).join('\n') + '\n');
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    const killed = ingest(first.port, body);
    // Part-way: some batches committed (a reader sees them), more to come.
    const deadline = Date.now() + 120_000;
    while (countTables(dbPath) < 500 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(first.child.kill('SIGKILL')).toBe(true);
    await exited;
    body.destroy();
    expect(first.child.signalCode).toBe('SIGKILL');
    expect((await killed).text).not.toMatch(/"type":"summary"/);

    const db = openCatalogDatabase(dbPath);
    try {
      expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const partial = db.prepare('SELECT count(*) FROM tables').pluck().get() as number;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(TABLES);
      // Every stored table is whole: none without its columns.
      expect(db.prepare('SELECT count(*) FROM tables t WHERE NOT EXISTS (SELECT 1 FROM columns c WHERE c.table_id = t.id)').pluck().get()).toBe(0);
    } finally {
      db.close();
    }

    const second = await startCatalogProcess(dbPath);
    try {
      const again = await ingest(second.port, createReadStream(file));
      expect(again.status).toBe(200);
      const summary = JSON.parse(again.text.trim().split('\n').at(-1)!) as { type: string; loaded: { table: number }; rejectedCount: number };
      expect(summary).toMatchObject({ type: 'summary', loaded: { table: TABLES }, rejectedCount: 0 });
    } finally {
      second.child.kill('SIGKILL');
    }

    const after = openCatalogDatabase(dbPath);
    try {
      expect(after.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(after.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(TABLES);
    } finally {
      after.close();
    }
    // The search service finds every table, including those loaded after the kill.
    const catalog = openTestCatalog({ dbPath, demoTables: 0 });
    try {
      const res = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term: '', resource_types: ['table'], page_index: 0, results_per_page: 1 });
      expect(res.status).toBe(200);
      expect(res.body.results.table.total_results).toBe(TABLES);
    } finally {
      catalog.close();
    }
  }, 240_000);
});
