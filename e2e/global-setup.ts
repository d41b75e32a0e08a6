// Two instances of the real app for the browser tests: user profiles off (INDEX_USERS=false) on localhost,
// and on (INDEX_USERS=true, the embedded catalog's default) on 127.0.0.1, so the two keep their cookies apart. Each has its own dev IdP,
// catalog with demo data and BFF. Then each signs in once as roald; journeys reuse those sessions.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config';
import { AUTH_STATE, logInAtDevIdp } from './login';
import { startNansen } from './start-nansen';

export default async function globalSetup() {
  const [profilesOff, profilesOn] = await Promise.all([
    startNansen({ name: 'profiles-off', host: 'localhost', env: { INDEX_USERS: 'false' } }),
    startNansen({ name: 'profiles-on', host: '127.0.0.1', env: { INDEX_USERS: 'true' } }),
  ]);
  process.env.NANSEN_E2E_PROFILES_OFF = JSON.stringify({ baseUrl: profilesOff.baseUrl, idpOrigin: profilesOff.idpOrigin, dataDir: profilesOff.dataDir });
  process.env.NANSEN_E2E_PROFILES_ON = JSON.stringify({ baseUrl: profilesOn.baseUrl, idpOrigin: profilesOn.idpOrigin, dataDir: profilesOn.dataDir });

  fs.mkdirSync('test-results', { recursive: true });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    for (const [server, file] of [[profilesOff, AUTH_STATE.off], [profilesOn, AUTH_STATE.on]] as const) {
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const page = await context.newPage();
      await page.goto('/');
      await logInAtDevIdp(page, server.idpOrigin, 'roald');
      await page.getByTestId('current-user').waitFor();
      await context.storageState({ path: file });
      await context.close();
    }
  } finally {
    await browser.close();
  }

  return async () => {
    await Promise.all([profilesOff.stop(), profilesOn.stop()]);
  };
}
