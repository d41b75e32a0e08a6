// POST /import/sqlite on a running catalog (real HTTP through supertest, real SQLite files): an
// uploaded file's tables are found by the search API, a re-upload changes nothing, the caller is in
// the edit log, and what is not a SQLite file, a missing cluster or a missing token is refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../create-catalog';
import { openCatalogDatabase } from '../../store/open-catalog-database';
import { createCatalogStore } from '../../store/create-catalog-store';
import { authAs, requireTestToken } from '../../testing/open-test-catalog';

let dir: string;
let catalog: Catalog;
let upload: Buffer;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-sqlite-route-'));
  catalog = openCatalog({ dbPath: join(dir, 'catalog.sqlite'), demoTables: 0, authenticate: requireTestToken, log: { error() {} } });
  const file = join(dir, 'source.sqlite');
  const source = new Database(file);
  source.exec(`CREATE TABLE voyages (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE entries (voyage_id INTEGER REFERENCES voyages, text TEXT);
    CREATE VIEW named_voyages AS SELECT name FROM voyages;`);
  source.close();
  upload = readFileSync(file);
});
afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

const LIV = 'liv.arnesen@example.org';
const post = (query: string, body: Buffer, type = 'application/vnd.sqlite3') =>
  request(catalog.metadataApp).post(`/import/sqlite${query}`).set(...authAs(LIV)).set('Content-Type', type).send(body);

describe('POST /import/sqlite', () => {
  it('imports an uploaded file under the cluster given, findable by search; a re-upload changes nothing', async () => {
    const first = await post('?cluster=fram', upload);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ source: 'sqlite', database: 'fram', location: 'upload', keyPrefix: 'sqlite://fram.', tables: { added: 3 }, views: 1, bad: [] });
    const found = await request(catalog.searchApp).post('/v2/search').set(...authAs(LIV)).send({ query_term: 'voyages', resource_types: ['table'] });
    expect(found.body.results.table.results.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['sqlite://fram.main/voyages', 'sqlite://fram.main/named_voyages']));

    const again = await request(catalog.metadataApp).post('/import/sqlite?cluster=fram').set(...authAs(LIV))
      .set('Content-Type', 'application/octet-stream').set('Content-Encoding', 'gzip').send(gzipSync(upload));
    expect(again.status).toBe(200);
    expect(again.body.tables).toEqual({ added: 0, changed: 0, unchanged: 3, removed: 0, disappeared: 0 });

    const db = openCatalogDatabase(join(dir, 'catalog.sqlite'));
    try {
      expect(db.prepare("SELECT user_id FROM edit_log WHERE resource_key = 'sqlite://fram'").pluck().all()).toEqual([LIV]);
    } finally {
      db.close();
    }
  });

  it('refuses with 422 a prune that would remove every table of the cluster (an empty upload), until allow_large_prune confirms it', async () => {
    expect((await post('?cluster=fram', upload)).status).toBe(200);
    const file = join(dir, 'empty.sqlite');
    const empty = new Database(file);
    empty.exec('CREATE TABLE gone (id INTEGER); DROP TABLE gone');
    empty.close();
    const refused = await post('?cluster=fram&prune=true', readFileSync(file));
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ message: expect.stringMatching(/^refused to prune: it would remove all 3 tables an earlier import of sqlite:\/\/fram made .* run again with allow_large_prune=true/) });
    const confirmed = await post('?cluster=fram&prune=true&allow_large_prune=true', readFileSync(file));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.tables.removed).toBe(3);
  });

  it('refuses a body that is not a SQLite file, a missing cluster, a wrong flag and a missing token', async () => {
    const notSqlite = await post('?cluster=fram', Buffer.from('CREATE TABLE x (id int);'));
    expect(notSqlite.status).toBe(400);
    expect(notSqlite.body.message).toBe('The body is not a SQLite database file (it does not start with "SQLite format 3").');

    const noCluster = await post('', upload);
    expect(noCluster.status).toBe(400);
    expect(noCluster.body.message).toBe('cluster is required (an upload has no file name to take it from): a name without "/", e.g. ?cluster=shop');

    expect((await post('?cluster=fram&prune=maybe', upload)).body.message).toBe('prune must be true or false, got "maybe"');
    const misspelt = await post('?cluster=fram&prunee=true', upload);
    expect({ status: misspelt.status, body: misspelt.body }).toEqual({ status: 400, body: { message: 'unknown parameter "prunee" (did you mean prune?)' } });
    expect((await post('?cluster=fram', upload, 'text/plain')).status).toBe(400);

    const anonymous = await request(catalog.metadataApp).post('/import/sqlite?cluster=fram').set('Content-Type', 'application/vnd.sqlite3').send(upload);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a Nansen catalog file and a schema that matches none of the file\'s, importing nothing', async () => {
    // A catalog file as a backup or a copy has it (closed: nothing left in its write-ahead log).
    createCatalogStore(join(dir, 'copy.sqlite')).close();
    const ownCatalog = await post('?cluster=fram', readFileSync(join(dir, 'copy.sqlite')));
    expect(ownCatalog.status).toBe(400);
    expect(ownCatalog.body.message).toBe('The body is a Nansen catalog file, not a database to import: send the SQLite file of the application whose tables you want in the catalog.');
    const nosuch = await post('?cluster=fram&schema=nosuch', upload);
    expect(nosuch.status).toBe(400);
    expect(nosuch.body.message).toBe('schema nosuch matched no schema (there is: main)');
    const db = openCatalogDatabase(join(dir, 'catalog.sqlite'));
    try {
      expect(db.prepare("SELECT count(*) FROM tables WHERE key LIKE 'sqlite://%'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
