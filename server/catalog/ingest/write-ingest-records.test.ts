// The ingest `user` record keeps the manager's name and email it was given (applyUser), like PUT /user.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { ingestNdjson } from './ingest-ndjson';

let catalog: TestCatalog;
let db: CatalogDatabase; // the ingest's own connection, like the CLI's
beforeEach(() => {
  catalog = openTestCatalog();
  db = openCatalogDatabase(catalog.dbPath);
});
afterEach(() => {
  db.close();
  catalog.cleanup();
});

const ingest = (...records: unknown[]) => ingestNdjson(db, [records.map((r) => JSON.stringify(r)).join('\n') + '\n']);
const getUser = async (id: string) => (await request(catalog.metadataApp).get(`/user/${id}`).set(...AUTH_HEADER)).body;

describe('ingest user records: the manager', () => {
  it('keeps manager_fullname and manager_email when the manager is not in the catalog', async () => {
    const summary = await ingest({ type: 'user', email: 'roald@example.org', full_name: 'Roald Amundsen',
      manager_email: 'phboss@example.org', manager_fullname: 'ph Boss' });
    expect(summary.loaded.user).toBe(1);
    expect(await getUser('roald@example.org')).toMatchObject({
      manager_id: 'phboss@example.org', manager_email: 'phboss@example.org', manager_fullname: 'ph Boss' });
  });

  it("reads the manager's own row once the manager is loaded, and a later record replaces the given values", async () => {
    await ingest(
      { type: 'user', email: 'roald@example.org', full_name: 'Roald Amundsen', manager_email: 'phboss@example.org', manager_fullname: 'ph Boss' },
      { type: 'user', email: 'phboss@example.org', full_name: 'Philippa Boss' },
    );
    expect(await getUser('roald@example.org')).toMatchObject({ manager_fullname: 'Philippa Boss', manager_email: 'phboss@example.org' });
    // A record replaces every field: without the manager fields, nothing of them is left.
    await ingest({ type: 'user', email: 'roald@example.org', full_name: 'Roald Amundsen', manager_fullname: 'Somebody' });
    expect(await getUser('roald@example.org')).toMatchObject({ manager_id: null, manager_email: null, manager_fullname: 'Somebody' });
  });
});
