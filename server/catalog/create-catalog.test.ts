import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalog } from './create-catalog';
import { AUTH_HEADER, requireTestToken } from './testing/open-test-catalog';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openCatalog', () => {
  it('generates demo tables into an empty database, reporting progress, and only once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-open-'));
    dirs.push(dir);
    const dbPath = join(dir, 'sub', 'catalog.db');
    const progress: string[] = [];
    const first = openCatalog({ dbPath, demoTables: 50, authenticate: requireTestToken, onProgress: (m) => progress.push(m) });
    expect(progress.at(-1)).toMatch(/50\/50 tables/);
    const browse = () => request(first.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term: '', resource_types: ['table'] });
    expect((await browse()).body.results.table.total_results).toBe(50);
    first.close();

    const progressAgain: string[] = [];
    const second = openCatalog({ dbPath, demoTables: 80, authenticate: requireTestToken, onProgress: (m) => progressAgain.push(m) });
    const res = await request(second.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term: '', resource_types: ['table'] });
    expect(res.body.results.table.total_results).toBe(50);
    expect(progressAgain).toEqual([]);
    second.close();
  });

  it('generates 300 demo tables well under 2 seconds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-open-'));
    dirs.push(dir);
    const started = performance.now();
    const catalog = openCatalog({ dbPath: join(dir, 'catalog.db'), demoTables: 300, authenticate: requireTestToken });
    const seconds = (performance.now() - started) / 1000;
    catalog.close();
    expect(seconds).toBeLessThan(2);
  });
});
