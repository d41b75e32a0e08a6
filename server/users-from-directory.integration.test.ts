// People the catalog does not know, from the directory (USER_DIRECTORY): the BFF, a preset provider and
// the embedded catalog over real HTTP, with local fakes answering as Okta's Users API, Google's People
// API and a SCIM service do. A profile or an owner the catalog knows only by id is looked up, recorded
// (PUT /user) and shown; answers are cached; a directory that is down or slow never fails the page.
import * as v from 'valibot';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthUserResponseSchema, TableDetailResponseSchema } from '../contract/bff-api';
import { OKTA_API_TOKEN, SCIM_TOKEN, startDirectoryFakes, type DirectoryFakes } from './testing/start-directory-fakes';
import { startPresetStack, type PresetStack } from './testing/start-preset-stack';
import { sessionStoreKey } from './auth/session-store-key';

const TABLE_KEY = 'hive://gold.core/customers';
const TABLE = `/api/metadata/v0/table?key=${encodeURIComponent(TABLE_KEY)}`;
const profile = (userId: string) => `/api/metadata/v0/user?user_id=${encodeURIComponent(userId)}`;

let fakes: DirectoryFakes;
let stack: PresetStack | undefined;
beforeAll(async () => {
  fakes = await startDirectoryFakes();
});
afterAll(() => fakes.close());
afterEach(async () => {
  fakes.setDown(false);
  fakes.setDelay(0);
  await stack?.close();
  stack = undefined;
});

async function signIn(s: PresetStack) {
  const browser = s.browser();
  expect((await browser.logIn(s.provider.people[0]!.login)).status).toBe(303);
  // The stores know a session by the hash of its cookie's id (decision 050).
  const sid = sessionStoreKey(decodeURIComponent(browser.sessionCookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!);
  const accessToken = (await s.sessions.tokens.read(sid))!.tokens.accessToken;
  return { browser, accessToken };
}

/** Name someone as an owner in the catalog directly (as an ingest job does): the catalog knows them by email only. */
async function addOwner(s: PresetStack, accessToken: string, email: string) {
  const res = await fetch(`${s.metadataUrl}/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/x-ndjson' },
    body: `${JSON.stringify({ type: 'owner', resource_key: TABLE_KEY, user_email: email })}\n`,
  });
  expect(res.status).toBe(200);
}

async function catalogUser(s: PresetStack, accessToken: string, email: string) {
  const res = await fetch(`${s.metadataUrl}/user/${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${accessToken}` } });
  return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : res.status;
}

const scimEnv = () => ({ USER_DIRECTORY: 'scim', USER_DIRECTORY_SCIM_URL: `${fakes.url}/scim/v2`, USER_DIRECTORY_SCIM_TOKEN: SCIM_TOKEN });

describe('USER_DIRECTORY=scim', () => {
  it('shows the profile of someone who never logged in, records them, and asks the directory once', async () => {
    stack = await startPresetStack('generic', { env: scimEnv() });
    const { browser, accessToken } = await signIn(stack);
    expect(await catalogUser(stack, accessToken, 'emmy.noether@example.org')).toBe(404);
    const before = fakes.hits('scim');

    const res = await browser.request(profile('emmy.noether@example.org'));
    expect(res.status).toBe(200);
    expect(v.parse(AuthUserResponseSchema, await res.json()).user).toMatchObject({
      user_id: 'emmy.noether@example.org', first_name: 'Emmy', last_name: 'Noether', display_name: 'Emmy Noether', team_name: 'Algebra', role_name: 'Mathematician', is_active: true,
    });
    // Recorded: the catalog knows her now, and the next look needs no directory.
    expect(await catalogUser(stack, accessToken, 'emmy.noether@example.org')).toMatchObject({ full_name: 'Emmy Noether', team_name: 'Algebra' });
    expect((await browser.request(profile('emmy.noether@example.org'))).status).toBe(200);
    expect(fakes.hits('scim')).toBe(before + 1);
  });

  it('fills an owner the catalog knows only by email, marks a person who left, and records them once', async () => {
    stack = await startPresetStack('generic', { env: scimEnv() });
    const { browser, accessToken } = await signIn(stack);
    await addOwner(stack, accessToken, 'sofia.kovalevskaya@example.org');
    const before = fakes.hits('scim');
    const table = v.parse(TableDetailResponseSchema, await (await browser.request(TABLE)).json()).tableData;
    expect(table.owners.find((o) => o.user_id === 'sofia.kovalevskaya@example.org')).toMatchObject({ display_name: 'Sofia Kovalevskaya', team_name: 'Analysis', is_active: false });
    expect(await catalogUser(stack, accessToken, 'sofia.kovalevskaya@example.org')).toMatchObject({ full_name: 'Sofia Kovalevskaya', is_active: false });
    await browser.request(TABLE);
    expect(fakes.hits('scim')).toBe(before + 1);
  });

  it('opens a person the catalog knows by email only from a link in other case, filled and recorded under their own id (decision 088)', async () => {
    stack = await startPresetStack('generic', { env: scimEnv() });
    const { browser, accessToken } = await signIn(stack);
    await addOwner(stack, accessToken, 'henri.poincare@example.org');
    const res = await browser.request(profile('Henri.Poincare@Example.ORG'));
    expect(res.status).toBe(200);
    expect(v.parse(AuthUserResponseSchema, await res.json()).user).toMatchObject({ user_id: 'henri.poincare@example.org', display_name: 'Henri Poincare', team_name: 'Topology' });
    // One person, under the catalog's id: the capitalised spelling was not recorded as a second one.
    expect(await catalogUser(stack, accessToken, 'henri.poincare@example.org')).toMatchObject({ full_name: 'Henri Poincare' });
    expect(await catalogUser(stack, accessToken, 'Henri.Poincare@Example.ORG')).toBe(404);
  });

  it('says "no such person" for someone neither knows, and remembers that', async () => {
    stack = await startPresetStack('generic', { env: scimEnv() });
    const { browser } = await signIn(stack);
    const before = fakes.hits('scim');
    expect((await browser.request(profile('nobody@example.org'))).status).toBe(404);
    expect((await browser.request(profile('nobody@example.org'))).status).toBe(404);
    expect(fakes.hits('scim')).toBe(before + 1);
  });

  it('never fails a page while the directory is down: owners as the catalog has them, profiles it knows, and one try per 30 s', async () => {
    stack = await startPresetStack('generic', { env: scimEnv() });
    const { browser, accessToken } = await signIn(stack);
    await addOwner(stack, accessToken, 'henri.poincare@example.org');
    fakes.setDown(true);
    const before = fakes.hits('scim');
    const res = await browser.request(TABLE);
    expect(res.status).toBe(200);
    const owner = v.parse(TableDetailResponseSchema, await res.json()).tableData.owners.find((o) => o.user_id === 'henri.poincare@example.org');
    expect(owner).toMatchObject({ display_name: 'henri.poincare@example.org', full_name: null });
    expect((await browser.request(profile('henri.poincare@example.org'))).status).toBe(200);
    expect((await browser.request(TABLE)).status).toBe(200);
    expect(fakes.hits('scim')).toBe(before + 1);
    expect(stack.logger.lines.join('\n')).toMatch(/the scim user directory could not be asked about henri\.poincare@example\.org \(The SCIM service at .* answered HTTP 503\); showing what the metadata service knows/);
    expect(stack.logger.lines.join('\n')).not.toContain(SCIM_TOKEN);
  });

  it('does not wait on a slow directory longer than USER_DIRECTORY_TIMEOUT_MS', async () => {
    stack = await startPresetStack('generic', { env: { ...scimEnv(), USER_DIRECTORY_TIMEOUT_MS: '300' } });
    const { browser, accessToken } = await signIn(stack);
    await addOwner(stack, accessToken, 'emmy.noether@example.org');
    fakes.setDelay(3000);
    const started = Date.now();
    expect((await browser.request(TABLE)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('the other directories, end to end', () => {
  it('okta: the Users API with an API token', async () => {
    stack = await startPresetStack('okta', { env: { USER_DIRECTORY: 'okta', USER_DIRECTORY_OKTA_ORG_URL: fakes.url, USER_DIRECTORY_OKTA_API_TOKEN: OKTA_API_TOKEN } });
    const { browser } = await signIn(stack);
    expect(v.parse(AuthUserResponseSchema, await (await browser.request(profile('emmy.noether@example.org'))).json()).user).toMatchObject({ full_name: 'Emmy Noether', manager_fullname: 'David Hilbert' });
    expect(fakes.authorizations('okta').at(-1)).toBe(`SSWS ${OKTA_API_TOKEN}`);
  });

  it('google: asks for directory.readonly at login, then the People API with the signed-in user\'s token', async () => {
    stack = await startPresetStack('google', { env: { USER_DIRECTORY: 'google', USER_DIRECTORY_GOOGLE_API_URL: fakes.url } });
    const { browser, accessToken } = await signIn(stack);
    expect(stack.provider.authorizationRequests.at(-1)!.get('scope')!.split(' ')).toContain('https://www.googleapis.com/auth/directory.readonly');
    fakes.acceptUserToken(accessToken);
    expect(v.parse(AuthUserResponseSchema, await (await browser.request(profile('henri.poincare@example.org'))).json()).user).toMatchObject({ full_name: 'Henri Poincare', team_name: 'Topology' });
    expect(fakes.authorizations('google').at(-1)).toBe(`Bearer ${accessToken}`);
  });

  it('module: a TypeScript module of our own', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-people-'));
    const file = path.join(dir, 'people.ts');
    fs.writeFileSync(file, `export async function getUserDetails(userId: string) {
      return userId === 'emmy.noether@example.org' ? { first_name: 'Emmy', last_name: 'Noether', slack_id: 'ada' } : null;
    }`);
    try {
      stack = await startPresetStack('generic', { env: { USER_DIRECTORY: 'module', USER_DIRECTORY_MODULE: file } });
      const { browser } = await signIn(stack);
      expect(v.parse(AuthUserResponseSchema, await (await browser.request(profile('emmy.noether@example.org'))).json()).user).toMatchObject({ display_name: 'Emmy Noether', slack_id: 'ada' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
