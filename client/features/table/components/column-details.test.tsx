// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Column } from '../../../../contract/api-table';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { ColumnDetails } from './column-details';

afterEach(cleanup);
const zone = process.env.TZ;
afterAll(() => {
  process.env.TZ = zone;
});

const MAY_31 = Date.UTC(2025, 4, 31) / 1000;
const JUNE_1 = Date.UTC(2025, 5, 1) / 1000;

const column = (stats: Column['stats']): Column => ({
  name: 'amount', key: 'hive://gold.sales/orders/amount', description: null, col_type: 'decimal', sort_order: 0, stats, badges: [], type_metadata: null,
});

// Decision 045: a statistic's period is a run of calendar days, the same days in every zone.
describe.each(['UTC', 'Europe/Oslo', 'America/Los_Angeles'])('column statistics with the browser in %s', (tz) => {
  beforeAll(() => {
    process.env.TZ = tz;
  });

  it('reads a period of one UTC day as that day, and a longer one as its first and last day', () => {
    renderWithApp(
      <ColumnDetails
        href="/table_detail/gold/hive/sales/orders?column=amount"
        column={column([
          { stat_type: 'min', stat_val: '-0.0000123', start_epoch: MAY_31, end_epoch: JUNE_1, is_metric: null },
          { stat_type: 'max', stat_val: '12', start_epoch: MAY_31 - 6 * 86400, end_epoch: JUNE_1, is_metric: null },
          { stat_type: 'avg', stat_val: '3', start_epoch: MAY_31 + 3600, end_epoch: MAY_31 + 7200, is_metric: null },
        ])}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Statistics' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Minimum', '-0.0000123', 'May 31, 2025'],
      ['Maximum', '12', 'May 25, 2025 – May 31, 2025'],
      ['Average', '3', 'May 31, 2025'],
    ]);
  });
});
