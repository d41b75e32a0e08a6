// /api/auth_user on the real stack — development provider, embedded catalog with the demo people, BFF
// over HTTP: the session's user is the login's claims filled in from metadata's profile at login
// (decision 043), so auth_user answers team, role and GitHub name without asking metadata again, and
// a login with metadata down still works, with the claims alone.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthUserResponseSchema } from '../contract/bff-api';
import type { BffBrowser } from './testing/bff-browser';
import { startPresetStack } from './testing/start-preset-stack';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

const authUser = async (browser: BffBrowser) => {
  const res = await browser.request('/api/auth_user');
  expect(res.status).toBe(200);
  return v.parse(AuthUserResponseSchema, await res.json()).user;
};

describe('/api/auth_user', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack();
    bff = await stack.startBff(0);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("answers the login's claims filled in from metadata's profile, from the session alone", async () => {
    const roald = bff.browser();
    expect((await roald.logIn('roald')).status).toBe(303);
    const expected = {
      user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen', display_name: 'Roald Amundsen',
      team_name: 'Polar Data Platform', role_name: 'Data Engineer', github_username: 'roald', slack_id: 'roald', employee_type: 'fulltime',
    };
    expect(await authUser(roald)).toMatchObject(expected);
    const profile = await roald.request(`/api/metadata/v0/user?user_id=${encodeURIComponent('roald.amundsen@example.org')}`);
    expect(((await profile.json()) as { user: unknown }).user).toMatchObject({ team_name: 'Polar Data Platform', role_name: 'Data Engineer', github_username: 'roald' });

    // With the catalog stopped, auth_user still answers all of it: it does not ask metadata.
    await stack.stopCatalog();
    try {
      expect(await authUser(roald)).toMatchObject(expected);
    } finally {
      await stack.startCatalog();
    }
  });

  it('logs in with the claims alone while metadata is down, and says so in the log', async () => {
    await stack.stopCatalog();
    const liv = bff.browser();
    try {
      expect((await liv.logIn('liv')).status).toBe(303);
      expect(await authUser(liv)).toMatchObject({ user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen', team_name: null, role_name: null });
    } finally {
      await stack.startCatalog();
    }
    await expect.poll(() => stack.logger.lines.join('\n')).toMatch(/recording liv\.arnesen@example\.org after login failed/);
  });
});

describe('/api/auth_user with team and role claims', () => {
  it("takes the provider's claims over metadata's profile where both say something", async () => {
    const stack = await startPresetStack('okta', { env: { OIDC_CLAIM_MAP: JSON.stringify({ team_name: 'department', role_name: 'title' }) } });
    try {
      const roald = stack.browser();
      expect((await roald.logIn(stack.provider.people[0]!.login)).status).toBe(303);
      // Metadata (the demo people) says Polar Data Platform and Data Engineer; the claims win, metadata fills the rest.
      expect(await authUser(roald)).toMatchObject({ team_name: 'Expeditions', role_name: 'Polar explorer', github_username: 'roald', employee_type: 'fulltime' });
    } finally {
      await stack.close();
    }
  });
});
