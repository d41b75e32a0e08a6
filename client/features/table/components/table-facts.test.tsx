// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TableDetail } from '../../../../contract/api-table';
import { renderWithApp, testConfig, testUser } from '../../../components/testing/render-with-app';
import { TableFacts } from './table-facts';

afterEach(cleanup);
const zone = process.env.TZ;
beforeAll(() => {
  // Dates are shown in the browser's time zone: New York here, four hours behind UTC in May.
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zone;
});

const table = (fields: Partial<TableDetail>): TableDetail => ({
  key: 'hive://gold.sales/orders',
  cluster: 'gold',
  database: 'hive',
  schema: 'sales',
  schema_description: null,
  name: 'orders',
  description: null,
  is_view: false,
  edit_rights: { descriptions: true, tags: true, owners: true, reason: null },
  is_editable: true,
  last_updated_timestamp: Date.UTC(2025, 4, 31, 23) / 1000,
  tags: [],
  badges: [],
  columns: [],
  owners: [],
  table_readers: [],
  watermarks: [],
  table_writer: null,
  table_apps: null,
  resource_reports: null,
  source: null,
  programmatic_descriptions: [],
  ...fields,
});

// Decision 045: an instant in the browser's zone, named; a time written without a zone as written.
describe.each([
  { tz: 'UTC', updated: '31 May 2025, 23:00 UTC', low: '17 Feb 2024, 06:05 UTC' },
  { tz: 'Europe/Oslo', updated: '1 Jun 2025, 01:00 GMT+2', low: '17 Feb 2024, 07:05 GMT+1' },
  { tz: 'America/Los_Angeles', updated: '31 May 2025, 16:00 PDT', low: '16 Feb 2024, 22:05 PST' },
])('TableFacts with the browser in $tz', ({ tz, updated, low }) => {
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = 'America/New_York';
  });

  it('shows the last update in the browser\'s zone, named, and a watermark time without a zone as written, saying so', () => {
    renderWithApp(
      <TableFacts
        table={table({
          watermarks: [
            { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2025-05-31', create_time: '2025-05-31T23:00:00' },
            { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2024-02-17', create_time: '2024-02-17T06:05:00Z' },
          ],
        })}
      />,
      { config: testConfig({ date: { default: 'YYYY-MM-DD', dateTimeShort: 'D MMM YYYY, HH:mm', dateTimeLong: 'dddd D MMMM YYYY HH:mm' } }) },
    );
    expect(screen.getByTestId('last-updated').textContent).toBe(`Last updated${updated}`);
    const watermarks = screen.getByTestId('watermarks').textContent;
    expect(watermarks).toContain(`From 2024-02-17 · created ${low}`);
    expect(watermarks).toContain('To 2025-05-31 · created 31 May 2025, 23:00 (no time zone given)');
    expect(screen.getByText('Partitioned by').textContent).toBe('Partitioned by ds');
  });
});

describe('TableFacts', () => {
  it('leaves badges to the page header: the side panel does not list them again', () => {
    renderWithApp(<TableFacts table={table({ badges: [{ badge_name: 'certified', category: 'table_status' }] })} />);
    expect(screen.queryByText('Badges')).toBeNull();
    expect(screen.queryByText('certified', { exact: false })).toBeNull();
  });

  it('says which owners and frequent users are no longer active', () => {
    const gone = testUser({ user_id: 'gone@example.org', email: 'gone@example.org', first_name: 'Hjalmar', last_name: 'Johansen', is_active: false });
    const here = testUser({ user_id: 'liv@example.org', email: 'liv@example.org', first_name: 'Liv', last_name: 'Arnesen' });
    for (const rights of [true, false]) {
      renderWithApp(
        <TableFacts
          table={table({
            edit_rights: { descriptions: rights, tags: rights, owners: rights, reason: null },
            owners: [gone, here],
            table_readers: [{ user: gone, read_count: 3 }, { user: here, read_count: 2 }],
          })}
        />,
      );
      const owners = screen.getByRole('list', { name: 'Owners' });
      expect([...owners.querySelectorAll(':scope > li')].map((li) => li.textContent)).toEqual([
        expect.stringMatching(/^Hjalmar Johansen \(email gone@example\.org\) · , No longer active/),
        expect.not.stringMatching(/No longer active/),
      ]);
      const readers = screen.getByRole('list', { name: 'Frequent users' });
      expect([...readers.querySelectorAll(':scope > li')].map((li) => li.textContent)).toEqual(['Hjalmar Johansen (email gone@example.org) · , No longer active · 3 reads', 'Liv Arnesen (email liv@example.org) · 2 reads']);
      cleanup();
    }
  });

  it('keeps a watermark time it cannot read as it is, and says when nothing is known', () => {
    renderWithApp(<TableFacts table={table({ last_updated_timestamp: null, watermarks: [{ watermark_type: 'high_watermark', partition_key: null, partition_value: 'latest', create_time: 'yesterday' }] })} />);
    expect(screen.getByTestId('last-updated').textContent).toBe('Last updatedUnknown');
    expect(screen.getByTestId('watermarks').textContent).toBe('To latest · created yesterday');
    expect(screen.getByTestId('owners').textContent).toBe('OwnersNo ownersAdd owner');
  });

  it('links only safe source, writer and report addresses', () => {
    renderWithApp(
      <TableFacts
        table={table({
          source: { source_type: 'github', source: 'javascript:alert(1)' },
          table_writer: { id: 'dag/orders', name: 'Airflow', kind: 'Producing', description: null, application_url: 'https://airflow.example.org/dags/orders' },
          resource_reports: [{ name: 'Data Profile', url: 'https://reports.example.org/orders' }],
          owners: [testUser({ user_id: 'fridtjof.nansen@example.org', first_name: 'Fridtjof', last_name: 'Nansen', email: 'fridtjof.nansen@example.org' })],
        })}
      />,
    );
    expect(screen.getByText('github').closest('a')).toBeNull();
    expect(screen.getByRole('link', { name: /Airflow/ }).getAttribute('href')).toBe('https://airflow.example.org/dags/orders');
    expect(screen.getByRole('link', { name: /Data Profile/ }).getAttribute('target')).toBe('_blank');
    // Profiles off and no profile_url: the owner's name leads to an email to their email-like id, not a page.
    expect(screen.getByText('Fridtjof Nansen').closest('a')?.getAttribute('href')).toBe('mailto:fridtjof.nansen@example.org');
  });
});
