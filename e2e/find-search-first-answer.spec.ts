// The first search answer comes in the page the BFF serves (decision 020): opening /search?term=… shows
// results without a search request of its own; changing the term or the page asks the BFF as usual.
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

const results = (page: Page) => page.locator('[data-search-result]');

/** The search page's own requests (the nav bar's suggestions ask for 3 per resource; the page for 10). */
function pageSearches(page: Page): { searchTerm: string; pageIndex: number }[] {
  const seen: { searchTerm: string; pageIndex: number }[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/search/v1/search')) return;
    const body = request.postDataJSON() as { searchTerm: string; pageIndex: number; resultsPerPage: number };
    if (body.resultsPerPage !== 3) seen.push({ searchTerm: body.searchTerm, pageIndex: body.pageIndex });
  });
  return seen;
}

test('the first results come with the page; a new term or page is searched as before', async ({ page }) => {
  const searches = pageSearches(page);
  await page.goto('/search?term=orders');
  await expect(results(page)).toHaveCount(10);
  await expect(page.getByRole('tab', { name: /Datasets/ })).toContainText('98');
  expect(searches).toEqual([]);
  // The answer is used once: it is no longer in the page.
  await expect(page.locator('#nansen-first-search')).toHaveCount(0);

  // The dashboards tab's first page is part of the overview the page came with: nothing to ask.
  await page.getByRole('tab', { name: /Dashboards/ }).click();
  await expect(results(page).first()).toContainText('Orders Overview');
  expect(searches).toEqual([]);
  await page.getByRole('tab', { name: /Datasets/ }).click();

  // Another page: asked for.
  await page.getByRole('link', { name: 'Next' }).scrollIntoViewIfNeeded();
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByText('Showing 11–20 of 98')).toBeVisible();
  expect(searches).toEqual([{ searchTerm: 'orders', pageIndex: 1 }]);

  // Another term, from the nav bar: asked for.
  const box = page.getByLabel('Search the catalog', { exact: true });
  await box.fill('customers');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “customers”');
  await expect(results(page).first()).toBeVisible();
  expect(searches).toContainEqual({ searchTerm: 'customers', pageIndex: 0 });
});

test('a page opened past the first comes with its answer too, and a reload is answered again in the page', async ({ page }) => {
  const searches = pageSearches(page);
  await page.goto('/search?term=orders&page=2');
  await expect(page.getByText('Showing 11–20 of 98')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Showing 11–20 of 98')).toBeVisible();
  expect(searches).toEqual([]);
  // Back to the first page: the overview, which came with the page.
  await page.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByText('Showing 1–10 of 98')).toBeVisible();
  expect(searches).toEqual([]);
});

/** Every search request of the page but the suggestions', with the resources it asks for. */
function searchRequests(page: Page): { searchTerm: string; resources: string[]; pageIndex: number }[] {
  const seen: { searchTerm: string; resources: string[]; pageIndex: number }[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/search/v1/search')) return;
    const body = request.postDataJSON() as { searchTerm: string; resources: string[]; pageIndex: number; resultsPerPage: number };
    if (body.resultsPerPage !== 3) seen.push({ searchTerm: body.searchTerm, resources: body.resources, pageIndex: body.pageIndex });
  });
  return seen;
}

test('a page load with filters typed in its term (`tag:pii`) comes with the filtered answer: no search of the words, none of its own for the page', async ({ page }) => {
  const searches = searchRequests(page);
  await page.goto('/search?term=tag:pii');
  // The app moved the typed filter into the URL, and used the answer the page came with.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datasets matching the filters');
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('pii');
  await expect(results(page).first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get('term') ?? '').toBe('');
  await expect(page.locator('#nansen-first-search')).toHaveCount(0);
  // Only the other tabs' counts for the filter (decision 020 answers the shown tab's requests, as for
  // any search with filters); never the words, never the tables tab.
  await expect.poll(() => searches.length).toBeGreaterThan(0);
  expect(searches).toEqual([{ searchTerm: '', resources: ['dashboard'], pageIndex: 0 }]);
});
