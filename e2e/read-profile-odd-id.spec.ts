// Regression (exploratory test): a person whose user id holds "/" had no working profile. A dashboard
// owner ingested with the id `o'brien/ä#1?x=y z`: the owner link on the dashboard page opens their
// profile (/user/o'brien%2F%C3%A4%231%3Fx%3Dy%20z), which shows them and the dashboard they own.
// The dashboard is the demo's least viewed one, which no other journey reads.
import { dashboardPath, userPath } from '../contract/page-paths';
import { ingestNdjson } from '../server/catalog/ingest/ingest-ndjson';
import { openCatalogDatabase } from '../server/catalog/store/open-catalog-database';
import { expect, test } from './fixtures';

test.use({ profiles: 'on' });

const ODD = "o'brien/ä#1?x=y z";
const NAME = 'Órla O’Brien';

test('the owner link of a person whose id holds "/" opens their profile, listing what they own', async ({ page, catalogDbPath }) => {
  const db = openCatalogDatabase(catalogDbPath);
  let dashboard: { key: string; name: string };
  try {
    dashboard = db.prepare('SELECT key, name FROM dashboards ORDER BY total_views, id LIMIT 1').get() as { key: string; name: string };
    const records = [
      { type: 'user', email: ODD, full_name: NAME },
      { type: 'owner', resource_type: 'dashboard', resource_key: dashboard.key, user_email: ODD },
    ];
    const summary = await ingestNdjson(db, records.map((r) => `${JSON.stringify(r)}\n`));
    expect(summary.rejected).toEqual([]);
  } finally {
    db.close();
  }

  await page.goto(dashboardPath(dashboard.key));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(dashboard.name);
  await page.getByTestId('owners').getByRole('link', { name: NAME }).click();
  await expect(page).toHaveURL(userPath(ODD));
  expect(new URL(page.url()).pathname).toBe("/user/o'brien%2F%C3%A4%231%3Fx%3Dy%20z");
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
  await expect(page.getByTestId('owned-dashboards').getByRole('link', { name: dashboard.name })).toBeVisible();
  // A reload reads the same id from the address bar.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
});
