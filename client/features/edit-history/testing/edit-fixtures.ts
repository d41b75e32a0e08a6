// For the edit history feature's tests: edit-log entries and a fetch that answers like the BFF's
// history routes, page by page, keeping every URL asked for.
import { vi } from 'vitest';
import type { EditEntry, EditHistoryResponse } from '../../../../contract/api-edits';

let nextId = 1;

export function edit(fields: Partial<EditEntry> = {}): EditEntry {
  const id = String(nextId++);
  return {
    id,
    resource_type: 'table',
    resource_key: 'hive://gold.sales/orders',
    parent_key: 'hive://gold.sales/orders',
    subject: null,
    field: 'description',
    action: 'update',
    before: 'One row per order',
    after: 'One row per payment',
    editor: { user_id: 'liv.arnesen@example.org', display_name: 'Liv Arnesen' },
    edited_at: Date.UTC(2026, 11, 5, 14, 30),
    ...fields,
  };
}

export type HistoryAnswer = Partial<EditHistoryResponse> | { status: number; message: string };

/** Stubs fetch: `answer` gets each request's URL; an answer with `status` is an error body. */
export function stubHistory(answer: (url: URL) => HistoryAnswer) {
  const urls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const url = new URL(path, 'http://nansen.test');
      urls.push(url);
      const result = answer(url);
      if ('status' in result && typeof result.status === 'number') {
        return new Response(JSON.stringify({ error: { name: 'UpstreamError', message: result.message } }), { status: result.status, headers: { 'Content-Type': 'application/json' } });
      }
      const body: EditHistoryResponse = { msg: 'Success', available: true, edits: [], next_before: null, ...(result as Partial<EditHistoryResponse>) };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return urls;
}
