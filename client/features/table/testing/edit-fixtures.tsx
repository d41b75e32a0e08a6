// For the table feature's editing tests: a table, a fetch that answers like the BFF (reads from and
// writes to one in-memory table, or refuses as a test says), and the page under the app's context
// with a query client the test can look into.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { TableDetail } from '../../../../contract/api-table';
import type { ClientConfig } from '../../../../contract/ui-config';
import { AppDataProvider } from '../../../app/app-data';
import { testConfig, testUser } from '../../../components/testing/render-with-app';
import { ToastProvider } from '../../../components/toast';

export function editableTable(fields: Partial<TableDetail> = {}): TableDetail {
  return {
    key: 'hive://gold.sales/orders',
    cluster: 'gold',
    database: 'hive',
    schema: 'sales',
    schema_description: null,
    name: 'orders',
    description: 'Orders placed in the shop',
    is_view: false,
    is_editable: true,
    edit_rights: { descriptions: true, tags: true, owners: true, reason: null },
    last_updated_timestamp: null,
    tags: [{ tag_type: 'default', tag_name: 'sales' }],
    badges: [],
    columns: [
      { name: 'order_id', key: 'hive://gold.sales/orders/order_id', description: 'The order', col_type: 'bigint', sort_order: 0, stats: [], badges: [], type_metadata: null },
      {
        name: 'address',
        key: 'hive://gold.sales/orders/address',
        description: null,
        col_type: 'struct<city:string>',
        sort_order: 1,
        stats: [],
        badges: [],
        type_metadata: {
          kind: 'struct', name: 'address', key: 'hive://gold.sales/orders/address/type/address', description: null, data_type: 'struct<city:string>', sort_order: 0, badges: [],
          children: [{ kind: 'scalar', name: 'city', key: 'hive://gold.sales/orders/address/type/address/city', description: 'Where it goes', data_type: 'string', sort_order: 0, badges: [], children: [] }],
        },
      },
    ],
    owners: [],
    table_readers: [],
    watermarks: [],
    table_writer: null,
    table_apps: null,
    resource_reports: null,
    source: null,
    programmatic_descriptions: [],
    ...fields,
  };
}

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export type Answer = { status: number; body: unknown } | undefined;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Stubs fetch like the BFF: GET table answers `server.table`; the write routes change it and answer
 * as the contract says, unless `refuse` answers first. Metadata writes can be held until `release()`.
 */
export function stubBff(server: { table: TableDetail; tags?: string[] }, refuse: (call: Call) => Answer = () => undefined) {
  const calls: Call[] = [];
  let held: (() => void)[] | null = null;
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = url.split('?')[0]!;
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, string>) : undefined;
    const call = { method, path, body };
    calls.push(call);
    if (method !== 'GET' && path.startsWith('/api/metadata/') && held) await new Promise<void>((resolve) => held!.push(resolve));
    const refused = refuse(call);
    if (refused) return json(refused.status, refused.body);
    const t = server.table;
    switch (`${method} ${path}`) {
      case 'GET /api/metadata/v0/table':
        return json(200, { msg: 'ok', tableData: t });
      case 'GET /api/metadata/v0/tags':
        return json(200, { msg: 'ok', tags: (server.tags ?? []).map((tag_name) => ({ tag_name, tag_count: 1 })) });
      case 'PUT /api/metadata/v0/put_table_description':
        server.table = { ...t, description: body!.description! };
        return json(200, { msg: 'ok', description: body!.description });
      case 'PUT /api/metadata/v0/put_column_description':
        server.table = { ...t, columns: t.columns.map((c) => (c.name === body!.column_name ? { ...c, description: body!.description! } : c)) };
        return json(200, { msg: 'ok', description: body!.description });
      case 'PUT /api/metadata/v0/update_table_tags':
        server.table = { ...t, tags: [...t.tags, { tag_type: 'default', tag_name: body!.tag! }] };
        return json(200, { msg: 'ok' });
      case 'DELETE /api/metadata/v0/update_table_tags':
        server.table = { ...t, tags: t.tags.filter((x) => x.tag_name !== body!.tag) };
        return json(200, { msg: 'ok' });
      case 'PUT /api/metadata/v0/update_table_owner':
        server.table = { ...t, owners: [...t.owners, testUser({ user_id: body!.owner!, email: null, first_name: null, last_name: null })] };
        return json(200, { msg: 'ok' });
      case 'DELETE /api/metadata/v0/update_table_owner':
        server.table = { ...t, owners: t.owners.filter((o) => o.user_id !== body!.owner) };
        return json(200, { msg: 'ok' });
      default:
        return json(404, { error: { name: 'NotFoundError', message: `No route ${method} ${path} in this test` } });
    }
  });
  vi.stubGlobal('fetch', fetch);
  return {
    calls,
    writes: () => calls.filter((c) => c.method !== 'GET'),
    hold: () => {
      held = [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      waiting.forEach((resolve) => resolve());
    },
  };
}

/** The page under the app's context; lineage and dashboards off, so only the table is asked for. */
export function renderEditing(ui: ReactNode, options: { config?: ClientConfig } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const config = options.config ?? testConfig({ tableLineage: { inAppListEnabled: false, defaultLineageDepth: 5 } }, { indexDashboards: false });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter>
          <AppDataProvider value={{ config, user: testUser() }}>{ui}</AppDataProvider>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { queryClient, ...view };
}
