// Screenshots of /search?term=… as the BFF sends it (JavaScript off: the HTML preview of the first
// results alone, decision 023) and as the app draws it (JavaScript on), at 1280 and 800 px, to compare
// by eye: the preview must look like the app's page, so nothing moves when the app takes over.
//   npx tsx scripts/first-results-screenshots.ts [--term orders] [--widths 1280,800] [--out test-results/first-results]
// Needs `npm run build` first.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { logInAtDevIdp } from '../e2e/login';
import { startNansen } from '../e2e/start-nansen';
import { CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const term = option('term', 'orders');
const out = option('out', 'test-results/first-results');
fs.mkdirSync(out, { recursive: true });
const server = await startNansen({ name: 'first-results-shots', env: { FIRST_SEARCH_BUDGET_MS: '5000' } });
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
try {
  const login = await browser.newContext({ baseURL: server.baseUrl });
  const page = await login.newPage();
  await page.goto('/');
  await logInAtDevIdp(page, server.idpOrigin, 'roald');
  await page.getByTestId('current-user').waitFor();
  const storageState = await login.storageState();
  await login.close();
  for (const width of option('widths', '1280,800').split(',').map(Number)) {
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ baseURL: server.baseUrl, storageState, javaScriptEnabled, viewport: { width, height: 1000 } });
      const tab = await context.newPage();
      // Whether the page was ever without results once it had them (the app showing a skeleton between the preview and its own results).
      await tab.addInitScript(`new MutationObserver(() => {
        const has = !!document.querySelector('[data-search-result]');
        if (has) window.__hadResults = true; else if (window.__hadResults) window.__gap = true;
      }).observe(document, { childList: true, subtree: true });`);
      await tab.goto(`/search?term=${encodeURIComponent(term)}`);
      if (javaScriptEnabled) {
        await tab.locator('main [data-search-result]').first().waitFor();
        await tab.waitForFunction(() => !document.querySelector('[data-first-results-preview]'));
        // Images (bookmark stars) and fonts settle.
        await tab.waitForTimeout(500);
        console.log(`  results gone for a moment between the preview and the app's: ${await tab.evaluate('window.__gap === true')}`);
      }
      const file = path.join(out, `search-${width}-${javaScriptEnabled ? 'app' : 'preview'}.png`);
      await tab.screenshot({ path: file, fullPage: true });
      // Where the headings and each result are: the two columns of figures must be alike.
      const tops = [];
      for (const locator of [tab.locator('h1'), tab.locator('h2.search-results__heading'), ...(await tab.locator('[data-search-result]').all())]) {
        const box = await locator.boundingBox();
        tops.push(box ? `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}` : '–');
      }
      console.log(file, '\n  ', tops.join(' | '));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
