// After a tag or table description change the BFF updates the search document (with real Amundsen
// services only); a failing update is logged and said in the answer's msg, never an error.
import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import type { SearchClient, SearchDocumentUpdate } from '../upstream/search-client';
import { createSearchDocumentSync, SEARCH_UPDATE_DELAYED } from './sync-search-documents';

const ORDERS = 'hive://gold.sales/orders';

function fakeSearch(answer: () => Promise<string | null>) {
  const updates: { change: string; update: SearchDocumentUpdate }[] = [];
  const search = {
    async updateDocument(token: string, change: string, update: SearchDocumentUpdate) {
      expect(token).toBe('tok');
      updates.push({ change, update });
      return answer();
    },
  } as unknown as SearchClient;
  return { search, updates };
}

describe('search document sync', () => {
  it('adds or removes a tag in the document of a table or dashboard, and overwrites a table description', async () => {
    const logger = createMemoryLogger();
    const { search, updates } = fakeSearch(async () => 'Tag added');
    const sync = createSearchDocumentSync(search, true, logger);
    expect(await sync.afterTagChange('tok', 'add', 'table', ORDERS, 'finance')).toBe('Success');
    expect(await sync.afterTagChange('tok', 'remove', 'dashboard', 'mode_dashboard://gold.sales/revenue', 'pii')).toBe('Success');
    expect(await sync.afterTableDescriptionChange('tok', ORDERS, 'All orders.')).toBe('Success');
    expect(updates).toEqual([
      { change: 'add', update: { resource_key: ORDERS, resource_type: 'table', field: 'tag', value: 'finance' } },
      { change: 'remove', update: { resource_key: 'mode_dashboard://gold.sales/revenue', resource_type: 'dashboard', field: 'tag', value: 'pii' } },
      { change: 'overwrite', update: { resource_key: ORDERS, resource_type: 'table', field: 'description', value: 'All orders.' } },
    ]);
    // Amundsen reports some failures inside a 200: its msg goes to the log, cut short.
    expect(logger.lines.join('\n')).toContain(`search service: add tag finance on table ${ORDERS}: Tag added`);
    expect(logger.lines.join('\n')).toContain(`search service: overwrite the description of table ${ORDERS}: Tag added`);
  });

  it('logs a long or missing msg cut to 300 characters or as nothing', async () => {
    const logger = createMemoryLogger();
    const long = 'x'.repeat(400);
    const answers = [long, null];
    const sync = createSearchDocumentSync(fakeSearch(async () => answers.shift()!).search, true, logger);
    await sync.afterTagChange('tok', 'add', 'table', ORDERS, 'a');
    await sync.afterTagChange('tok', 'add', 'table', ORDERS, 'b');
    const lines = logger.lines.join('\n');
    expect(lines).toContain(`add tag a on table ${ORDERS}: ${'x'.repeat(300)}`);
    expect(lines).not.toContain('x'.repeat(301));
    expect(lines).toMatch(new RegExp(`add tag b on table ${ORDERS.replace(/[./]/g, '\\$&')}: ?($|\\n)`));
  });

  it('answers that search will catch up when the update fails, and logs it', async () => {
    const logger = createMemoryLogger();
    const sync = createSearchDocumentSync(fakeSearch(async () => Promise.reject(new UpstreamError('down', 'upstream_failed'))).search, true, logger);
    expect(await sync.afterTagChange('tok', 'add', 'table', ORDERS, 'finance')).toBe('Saved. Search will show the change after the search index is next updated.');
    expect(await sync.afterTableDescriptionChange('tok', ORDERS, 'All orders.')).toBe(SEARCH_UPDATE_DELAYED);
    expect(logger.lines.join('\n')).toContain(`search service: could not add tag finance on table ${ORDERS} in its search document`);
  });

  it('does nothing with the embedded catalog (it indexes its own writes)', async () => {
    const { search, updates } = fakeSearch(async () => 'never');
    const sync = createSearchDocumentSync(search, false);
    expect(await sync.afterTagChange('tok', 'add', 'table', ORDERS, 'finance')).toBe('Success');
    expect(await sync.afterTableDescriptionChange('tok', ORDERS, 'x')).toBe('Success');
    expect(updates).toEqual([]);
  });

  it('works without a logger, whether the update succeeds or fails', async () => {
    const ok = fakeSearch(async () => 'done');
    expect(await createSearchDocumentSync(ok.search, true).afterTagChange('tok', 'add', 'table', ORDERS, 'finance')).toBe('Success');
    const failing = fakeSearch(async () => { throw new UpstreamError('down'); });
    expect(await createSearchDocumentSync(failing.search, true).afterTagChange('tok', 'add', 'table', ORDERS, 'finance')).toBe(SEARCH_UPDATE_DELAYED);
  });
});
