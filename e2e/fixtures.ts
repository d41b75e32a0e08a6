// Fixtures for the journeys: which app instance (user profiles off or on), a signed-in browser by
// default, an accessibility check, and screenshots at 1280 and 800 px attached to the report.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request, type TestInfo } from '@playwright/test';
import path from 'node:path';
import { AUTH_STATE, logInAtDevIdp, signedInContext } from './login';

interface ServerInfo {
  baseUrl: string;
  idpOrigin: string;
  /** The instance's DATA_DIR (its embedded catalog is `catalog.sqlite` there). */
  dataDir: string;
}

function serverInfo(profiles: 'on' | 'off'): ServerInfo {
  const raw = process.env[profiles === 'on' ? 'NANSEN_E2E_PROFILES_ON' : 'NANSEN_E2E_PROFILES_OFF'];
  if (!raw) throw new Error('The e2e servers are not running: run the e2e tests with `npm run test:e2e`');
  return JSON.parse(raw) as ServerInfo;
}

export const test = base.extend<{ profiles: 'on' | 'off'; signedIn: boolean; idpOrigin: string; catalogDbPath: string }>({
  /** `test.use({ profiles: 'on' })` runs a file against the instance with INDEX_USERS=true. */
  profiles: ['off', { option: true }],
  /** `test.use({ signedIn: false })` starts without a session (login journeys). */
  signedIn: [true, { option: true }],
  baseURL: async ({ profiles }, use) => use(serverInfo(profiles).baseUrl),
  idpOrigin: async ({ profiles }, use) => use(serverInfo(profiles).idpOrigin),
  /** The instance's embedded catalog file, for the few journeys that need data the demo has not (nested types). */
  catalogDbPath: async ({ profiles }, use) => use(path.join(serverInfo(profiles).dataDir, 'catalog.sqlite')),
  storageState: async ({ profiles, signedIn }, use) => use(signedIn ? AUTH_STATE[profiles] : { cookies: [], origins: [] }),
});
export { expect, logInAtDevIdp, signedInContext };

/** Rules that fail the check whatever axe's impact: heading-order (moderate, best practice) — a skipped level misleads a screen reader's list of headings. */
const ALWAYS_FAILING = new Set(['heading-order']);

/** No serious or critical accessibility violations on the page as it is now (axe-core), and no skipped heading level. */
export async function expectAccessible(page: Page, testInfo: TestInfo, what: string) {
  // The WCAG 2.1 A and AA rules, and heading-order besides (axe runs a rule named in `rules` on top of the tags).
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { 'heading-order': { enabled: true } } })
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS_FAILING.has(v.id));
  if (serious.length > 0) {
    await testInfo.attach(`axe-${what}.json`, { body: JSON.stringify(serious, null, 2), contentType: 'application/json' });
  }
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`),
    `accessibility violations on ${what}`,
  ).toEqual([]);
}

/** Screenshots of the whole page at 1280 and 800 px wide, attached to the report; checks no sideways scroll. */
export async function captureWidths(page: Page, testInfo: TestInfo, name: string) {
  const original = page.viewportSize();
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    // Also kept as files, to look at outside the report.
    const path = `test-results/screenshots/${testInfo.project.name}-${name}-${width}.png`;
    await testInfo.attach(`${name}-${width}.png`, { body: await page.screenshot({ fullPage: true, path }), contentType: 'image/png' });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Follows the page's /api requests from now on. `settled()` waits until none has been in flight for
 * `quietMs`: a journey that ends the session on the server first lets the page's own requests finish,
 * or one of their 401s (not the step under test) sends the browser to log in.
 */
export function trackApiRequests(page: Page, quietMs = 300) {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request)) return;
    inFlight.add(request);
    lastChange = Date.now();
  });
  const done = (request: Request) => {
    if (inFlight.delete(request)) lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    settled: () =>
      expect
        .poll(() => (inFlight.size === 0 && Date.now() - lastChange >= quietMs ? 'settled' : `${inFlight.size} /api request(s) in flight`), {
          message: "the page's /api requests are answered",
          intervals: [50],
        })
        .toBe('settled'),
  };
}
