// Against the real embedded catalog over HTTP (its test auth accepts `Bearer ok`).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../contract/bff-api';
import { normalizeUser } from '../../contract/user';
import type { AmundsenUser } from '../upstream/amundsen-schemas';
import { openTestCatalog, type TestCatalog } from '../catalog/testing/open-test-catalog';
import { createMemoryLogger } from '../http/logger';
import { createMetadataClient } from '../upstream/metadata-client';
import { createUpstreamHttp, type UpstreamHttp } from '../upstream/upstream-http';
import { fillFromMetadata, MAX_SESSION_USER_CHARS, recordLoginUser } from './record-login-user';

const liv: User = normalizeUser({ user_id: 'liv@example.org', email: 'liv@example.org', first_name: 'Liv', last_name: 'Arnesen' })!;

describe('recordLoginUser', () => {
  let catalog: TestCatalog;
  let server: Server;
  let http: UpstreamHttp;

  async function start(content: Parameters<typeof openTestCatalog>[0]) {
    catalog = openTestCatalog(content);
    server = catalog.metadataApp.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    http = createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 5000, logger: createMemoryLogger() });
    return createMetadataClient(http);
  }

  afterEach(async () => {
    await http.close();
    await new Promise((r) => server.close(r));
    catalog.cleanup();
  });

  it('creates a person metadata has never seen', async () => {
    const metadata = await start({});
    expect(await recordLoginUser(metadata, 'ok', liv)).toBe('created');
    expect(await metadata.getUser('ok', 'liv@example.org')).toMatchObject({ full_name: 'Liv Arnesen', display_name: 'Liv Arnesen' });
  });

  it('fills in what is missing without erasing what ingest loaded, and leaves a complete profile alone', async () => {
    const metadata = await start({ users: [{ user_id: 'liv@example.org', email: 'liv@example.org', team_name: 'Growth', role_name: 'Data Scientist' }] });
    expect(await recordLoginUser(metadata, 'ok', liv)).toBe('updated');
    expect(await metadata.getUser('ok', 'liv@example.org')).toMatchObject({ team_name: 'Growth', role_name: 'Data Scientist', first_name: 'Liv', full_name: 'Liv Arnesen' });
    expect(await recordLoginUser(metadata, 'ok', liv)).toBe('unchanged');
  });
});

describe('fillFromMetadata', () => {
  const known: AmundsenUser = {
    ...normalizeUser({ user_id: 'liv@example.org', email: 'liv.old@example.org', full_name: 'Liv A.', team_name: 'Growth' })!,
    other_key_values: { office: 'Oslo' },
  };

  it("keeps every value the claims give and fills in the rest from metadata's profile", () => {
    expect(fillFromMetadata(liv, known)).toStrictEqual({
      ...liv, team_name: 'Growth', other_key_values: { office: 'Oslo' },
    });
    expect(fillFromMetadata(liv, null)).toBe(liv);
  });

  it("takes metadata's name when the claims gave none and the email stood in for it", () => {
    const emailOnly = normalizeUser({ user_id: 'liv@example.org', email: 'liv@example.org' })!;
    expect(fillFromMetadata(emailOnly, known)).toMatchObject({ email: 'liv@example.org', full_name: 'Liv A.', display_name: 'Liv A.' });
  });

  it("keeps the claims' user alone when metadata's profile would make the session record too big", () => {
    const big = { ...known, other_key_values: { notes: 'x'.repeat(MAX_SESSION_USER_CHARS) } };
    expect(fillFromMetadata(liv, big)).toBe(liv);
  });
});
