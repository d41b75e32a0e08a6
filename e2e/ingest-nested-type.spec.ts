// A nested column type loaded by NDJSON ingest shows on the table page: the record's struct type is
// parsed into fields, its nested_fields descriptions show, a field without one says so, and the
// count says how many fields there are in all and at the top. The table is new (its own schema and
// words no other journey searches for), loaded into the instance's catalog file through ingest itself.
import { expect, expectAccessible, test } from './fixtures';
import { ingestRecords } from './ingest-records';

const TABLE = { path: '/table_detail/gold/hive/probe_nested/ingest_nested_probe', name: 'probe_nested.ingest_nested_probe' };
const RECORD = {
  type: 'table', database: 'hive', cluster: 'gold', schema: 'probe_nested', name: 'ingest_nested_probe',
  columns: [
    { name: 'probe_id', col_type: 'bigint' },
    {
      name: 'client', col_type: 'struct<os:string,geo:struct<country:string,city:string>,`app version`:string>',
      description: 'The client that sent the event',
      nested_fields: [{ path: 'os', description: 'Operating system, as the client reports it' }, { path: 'geo.city', description: 'City from the IP address' }],
    },
  ],
};

test('a struct column loaded by NDJSON ingest shows its nested fields on the table page', async ({ page, catalogDbPath }, testInfo) => {
  await ingestRecords(catalogDbPath, [RECORD]);
  await page.goto(TABLE.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);
  await page.getByRole('button', { name: 'client', exact: true }).click();
  const details = page.getByTestId('column-details');
  await expect(details.locator('.column-details__heading')).toHaveText('5 nested fields (3 at the top)');
  const tree = page.getByRole('list', { name: 'Nested fields of client' });
  const nodes = tree.getByTestId('type-node');
  await expect(nodes).toHaveCount(3);
  await expect(nodes.nth(0)).toContainText('Operating system, as the client reports it');
  await expect(nodes.nth(2)).toContainText('app version');
  await expect(nodes.nth(2)).toContainText('No description');
  const geo = tree.getByRole('button', { name: /^geo/ });
  await geo.click();
  const geoFields = page.getByRole('list', { name: 'Fields of geo' }).getByTestId('type-node');
  await expect(geoFields).toHaveCount(2);
  await expect(geoFields.nth(1)).toContainText('City from the IP address');
  await expectAccessible(page, testInfo, 'ingested nested type');
});
