// @vitest-environment jsdom
// A table link opens that table, whatever its name holds: react-router decodes each part and turns a
// "%2F" left in it into "/", so the page reads the key from the encoded path (tableKeyFromPath), as the
// profile does for user ids (decision 032).
import { QueryClient } from '@tanstack/react-query';
import { cleanup, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../components/testing/render-with-app';
import { tablePath } from '../paths';
import { prefetch, TableRoute } from './table-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The table keys the page asked the BFF about, from a fetch that answers each with a 404. */
function stubBff(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://nansen.test');
    if (url.pathname === '/api/metadata/v0/table') asked.push(url.searchParams.get('key')!);
    return new Response(JSON.stringify({ error: { name: 'NotFoundError', message: 'not here', code: 'not_found' } }), { status: 404, headers: { 'content-type': 'application/json' } });
  }));
  return asked;
}

/** The text "%2F", "%25" and "%" alone, unicode, and a raw "/" with the text "%2F". */
const PARTS = ['50%2F50', '100%25', '100%', 'ünïcødé 日本', 'team%2Flead/x'];

describe('the table route', () => {
  it.each(PARTS)('asks the BFF for exactly the table named %s', async (name) => {
    const asked = stubBff();
    const coordinates = { database: 'hive', cluster: 'gold', schema: 'sales', name };
    renderWithApp(<Routes><Route path="/table_detail/:cluster/:database/:schema/:table" element={<TableRoute />} /></Routes>, { route: tablePath(coordinates) });
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    expect(new Set(asked)).toEqual(new Set([`hive://gold.sales/${name}`]));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetch(queryClient, { params: { table: 'what react-router made of it' }, searchParams: new URLSearchParams(), pathname: tablePath(coordinates) });
    await waitFor(() => expect(asked.length).toBeGreaterThan(1));
    expect(new Set(asked)).toEqual(new Set([`hive://gold.sales/${name}`]));
  });
});
