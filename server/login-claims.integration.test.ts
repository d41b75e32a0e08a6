// The User a login makes and the groups a session keeps, from real providers' claims: the claim mapping
// (nested and namespaced claims, UserInfo filling what the ID token lacks), Entra's missing email, and a
// groups claim that stays out of the cookie and bounded in the session record.
import * as v from 'valibot';
import type { SessionData } from 'express-session';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthUserResponseSchema } from '../contract/bff-api';
import { startPresetStack, type PresetStack } from './testing/start-preset-stack';
import { AUTH0_NAMESPACE } from './testing/start-preset-provider';
import { sessionStoreKey } from './auth/session-store-key';

let stack: PresetStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function signIn(s: PresetStack, login = s.provider.people[0]!.login) {
  const browser = s.browser();
  const back = await browser.logIn(login);
  expect(back.status).toBe(303);
  const sid = decodeURIComponent(browser.sessionCookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!;
  // The stores know a session by the hash of its cookie's id (decision 050).
  const record = () =>
    new Promise<SessionData>((resolve, reject) => s.sessions.store.get(sessionStoreKey(sid), (err, data) => (err || !data ? reject(err ?? new Error('no session')) : resolve(data))));
  const user = async () => v.parse(AuthUserResponseSchema, await (await browser.request('/api/auth_user')).json()).user;
  return { browser, sid, record, user };
}

describe('the User from claims', () => {
  it('fills the mapped fields from nested claims and keeps the provider\'s groups in the session', async () => {
    // The address claim comes with the address scope only.
    stack = await startPresetStack('okta', {
      env: { OIDC_SCOPES: 'openid email profile address', OIDC_CLAIM_MAP: JSON.stringify({ team_name: ['team', 'address.locality'], role_name: 'title' }) },
    });
    const { user, record } = await signIn(stack);
    expect(await user()).toMatchObject({ user_id: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen', team_name: 'Oslo', role_name: 'Polar explorer' });
    expect((await record()).groups).toEqual(['Everyone', 'Data Engineering']);
  });

  it('asks UserInfo for what a thin ID token leaves out, a mapped custom claim included', async () => {
    stack = await startPresetStack('generic', {
      env: { OIDC_RESOURCE: '', OIDC_CLAIM_MAP: '{"team_name": "department"}' },
      claims: { roald: { department: 'Expeditions' } },
      thinIdTokens: true,
    });
    const { user } = await signIn(stack);
    // Once by the BFF for the claims, once by the catalog checking the opaque access token of the
    // login's metadata lookup (decision 043; the catalog caches the answer).
    await expect.poll(() => stack!.provider.hits('/me')).toBe(2);
    expect(await user()).toMatchObject({ email: 'roald.amundsen@example.org', display_name: 'Roald Amundsen', team_name: 'Expeditions' });
  });

  it('entra: the email from preferred_username, since Entra sends no email claim and its UserInfo refuses the API token', async () => {
    stack = await startPresetStack('entra');
    const { user, record } = await signIn(stack);
    expect(await user()).toMatchObject({ user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org', display_name: 'Roald Amundsen' });
    expect((await record()).groups).toEqual(['6e2b0a4c-1111-4000-8000-000000000001', '6e2b0a4c-1111-4000-8000-000000000002']);
  });

  it('keycloak: groups from a nested claim (realm roles); auth0: from a namespaced one', async () => {
    stack = await startPresetStack('keycloak', { env: { OIDC_GROUPS_CLAIM: 'realm_access.roles' } });
    expect((await (await signIn(stack)).record()).groups).toEqual(['default-roles-nansen', 'catalog-editor']);
    await stack.close();
    stack = await startPresetStack('auth0', { env: { OIDC_GROUPS_CLAIM: `${AUTH0_NAMESPACE}groups` } });
    expect((await (await signIn(stack)).record()).groups).toEqual(['data-eng']);
  });

  it('keeps thousands of groups out of the cookie and bounded in the session record, and says so in the log', async () => {
    const groups = Array.from({ length: 3000 }, (_, i) => `cn=group-${i},ou=groups,dc=example,dc=org`);
    stack = await startPresetStack('keycloak', { claims: { roald: { groups } }, env: { OIDC_GROUPS_MAX: '50' } });
    const { browser, record, sid } = await signIn(stack);
    // The cookie is the signed session id, nothing more.
    expect(browser.sessionCookie.length).toBeLessThan(120);
    expect(decodeURIComponent(browser.sessionCookie)).toContain(sid);
    const kept = await record();
    expect(kept.groups).toEqual(groups.slice(0, 50));
    expect(JSON.stringify(kept).length).toBeLessThan(4096);
    expect(stack.logger.lines.join('\n')).toMatch(/kept 50 groups of roald\.amundsen@example\.org and left 2950 out \(OIDC_GROUPS_MAX is 50/);
  });
});
