// METADATA_URL and SEARCH_URL at the right host under a wrong path (decision 078): every call answers
// the catalog's unknown-URL 404, which is a setting to fix, not a missing table or an empty search. On
// an instance of its own (its catalog served by this test), a signed-in person reads "Nansen is set up
// wrong" on a table page and on a search, with nothing to retry, no stack trace and no token; the log
// names the setting once.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { getFreePort } from '../server/testing/free-port';
import { captureWidths, expect, expectAccessible, signedInContext, test } from './fixtures';
import { serveCatalogFor, type ServedTestCatalog } from './serve-catalog-for';
import { startNansen, type NansenServer } from './start-nansen';

/** Nothing a person should not see: no stack trace, no error class, no access token (a JWT), no password. */
async function expectNothingLeaked(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\bat \S+ \(|UpstreamError|Error:/);
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  expect(text).not.toContain('s3cret');
}

// Both journeys share this instance, in this file's one worker; other files run beside it.
test.describe.configure({ mode: 'default' });

test.describe('with METADATA_URL and SEARCH_URL under a wrong path', () => {
  let catalog: ServedTestCatalog;
  let server: NansenServer;
  let context: BrowserContext;

  test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
    testInfo.setTimeout(120_000);
    const idpPort = await getFreePort();
    catalog = await serveCatalogFor({ idpOrigin: `http://localhost:${idpPort}`, demoTables: 20, name: 'wrong-service-url' });
    // The right hosts and ports, a wrong base path (a user name and password too, which must never show).
    const wrong = (url: string) => `http://reader:s3cret@${new URL(url).host}/wrong`;
    server = await startNansen({
      name: 'wrong-service-url',
      idpPort,
      env: { METADATA_URL: wrong(catalog.metadataUrl), SEARCH_URL: wrong(catalog.searchUrl) },
    });
    context = await signedInContext(browser, server);
  });

  test.afterAll(async () => {
    await context?.close();
    await server?.stop();
    await catalog?.close();
  });

  test('a table page says Nansen is set up wrong, not that the table is missing', async ({}, testInfo) => {
    const page = await context.newPage();
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metadata/v0/table');
    await page.goto('/table_detail/gold/hive/core/customers');
    const api = await answer;
    expect(api.status()).toBe(502);
    expect(await api.json()).toMatchObject({ error: { code: 'upstream_misconfigured' } });

    const alert = page.getByRole('alert').filter({ hasText: 'This table could not be loaded' });
    await expect(alert).toContainText('The metadata service was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.customers');
    await expect(page.getByText('Table not found')).toHaveCount(0);
    await expect(page.getByText(/does not exist|no table/i)).toHaveCount(0);
    // It stays wrong until someone changes the setting: nothing to retry.
    await expect(page.getByRole('button', { name: /try again|retry/i })).toHaveCount(0);
    await expectNothingLeaked(page);
    await expectAccessible(page, testInfo, 'table page, metadata service set up wrong');
    await captureWidths(page, testInfo, 'table-set-up-wrong');
    await page.close();
  });

  test('a search says Nansen is set up wrong, not that nothing was found', async ({}, testInfo) => {
    const page = await context.newPage();
    await page.goto('/search?term=customers');
    await expect(page.getByText('The search service was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.').first()).toBeVisible();
    await expect(page.getByText(/no results|nothing found|found nothing/i)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /try again|retry/i })).toHaveCount(0);
    await expectNothingLeaked(page);
    await expectAccessible(page, testInfo, 'search, search service set up wrong');
    await captureWidths(page, testInfo, 'search-set-up-wrong');
    await page.close();

    // The log names each setting and its URL with the password hidden, once each, and never a token.
    const log = server.output();
    expect(log).toMatch(/METADATA_URL \(http:\/\/reader:\*\*\*@127\.0\.0\.1:\d+\/wrong\) does not lead to the metadata service/);
    expect(log).toMatch(/SEARCH_URL \(http:\/\/reader:\*\*\*@127\.0\.0\.1:\d+\/wrong\) does not lead to the search service/);
    expect(log).not.toContain('s3cret');
    expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });
});
