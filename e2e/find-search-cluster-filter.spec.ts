// The Cluster filter of the tables tab (the search service filters tables by cluster; the panel did
// not offer it): on the real stack, every result is then in that cluster, and the URL keeps it.
import { captureWidths, expect, expectAccessible, test } from './fixtures';

test('tables are filtered by cluster from the filter panel', async ({ page }, testInfo) => {
  await page.goto('/search?term=orders');
  const results = page.locator('[data-search-result]');
  await expect(results.first()).toBeVisible();
  const filters = page.getByRole('region', { name: /Filters/ });
  const cluster = filters.getByRole('textbox', { name: 'Cluster' });
  await cluster.fill('bronze');
  await cluster.press('Enter');
  await expect(page).toHaveURL(/filters=/);
  expect(decodeURIComponent(new URL(page.url()).search)).toContain('"cluster":{"value":"bronze"}');
  await expect(results.first()).toBeVisible();
  const links = await results.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')).filter((h) => h?.startsWith('/table_detail/')));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href).toMatch(/^\/table_detail\/bronze\//);
  await expectAccessible(page, testInfo, 'tables filtered by cluster');
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'search-cluster-filter');
});
