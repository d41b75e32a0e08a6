// A dashboard and a table whose keys hold the text of a %-escape ("%2F"): react-router's params turn
// that text into "/", which opened another dashboard (here a decoy whose uri has the "/") or "not
// found". The pages read their keys from the encoded path (decision 032): each page path, and a reload,
// opens exactly the resource it was built for.
import { dashboardPath, tablePath } from '../contract/page-paths';
import { expect, test } from './fixtures';
import { ingestRecords } from './ingest-records';

const GROUP = 'e2e_odd_keys';
const dashboard = (id: string, name: string) => ({ type: 'dashboard', product: 'mode', cluster: 'gold', group_id: GROUP, group_name: 'Odd keys', id, name });
const ODD = { uri: `mode_dashboard://gold.${GROUP}/50%2F50 split`, name: 'Fifty-fifty, with %2F as text' };
const DECOY = { uri: `mode_dashboard://gold.${GROUP}/50/50 split`, name: 'Decoy: fifty/fifty' };
const TABLE = { database: 'hive', cluster: 'gold', schema: GROUP, name: 'share_100%25_of_50%2F50' };

test('a dashboard and a table whose keys hold "%2F" and "%25" as text open from their page paths and after a reload', async ({ page, catalogDbPath }) => {
  const records = [
    dashboard('50%2F50 split', ODD.name),
    dashboard('50/50 split', DECOY.name),
    { type: 'table', ...TABLE, description: 'The table with escapes in its name', columns: [{ name: 'id', col_type: 'bigint', sort_order: 0 }] },
  ];
  await ingestRecords(catalogDbPath, records);

  for (const { uri, name } of [ODD, DECOY]) {
    await page.goto(dashboardPath(uri));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  }

  await page.goto(tablePath(TABLE));
  await expect(page.getByText('The table with escapes in its name')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TABLE.name);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TABLE.name);
});
