import { describe, expect, it } from 'vitest';
import type { CatalogEdit } from '../upstream/amundsen-schemas';
import { toEditEntry } from './map-edit-history';

const ORDERS = 'hive://gold.sales/orders';
const edit = (over: Partial<CatalogEdit>): CatalogEdit => ({
  id: 12, resource_key: ORDERS, parent_key: ORDERS, resource_type: 'table', action: 'update', field: 'description',
  before: 'Old', after: 'New', user_id: 'ann@example.org', user_display_name: 'Ann Berg', edited_at: '2025-06-01T10:00:00.000Z', ...over,
});

describe('an edit-log row as a History entry', () => {
  it('keeps a description edit with its texts, the editor by name and the time in epoch milliseconds', () => {
    expect(toEditEntry(edit({}))).toEqual({
      id: '12', resource_type: 'table', resource_key: ORDERS, parent_key: ORDERS, subject: null, field: 'description', action: 'update',
      before: 'Old', after: 'New', editor: { user_id: 'ann@example.org', display_name: 'Ann Berg' }, edited_at: Date.UTC(2025, 5, 1, 10),
    });
  });

  it("names the column, and a nested type by its path from the column", () => {
    expect(toEditEntry(edit({ resource_type: 'column', resource_key: `${ORDERS}/customer_id` }))?.subject).toBe('customer_id');
    expect(toEditEntry(edit({ resource_type: 'type_metadata', resource_key: `${ORDERS}/payload/type/payload/items/sku` }))?.subject).toBe('payload.items.sku');
  });

  it('quotes a column or field name that holds a dot in a nested type\'s path, as search hits do (decision 067)', () => {
    expect(toEditEntry(edit({ resource_type: 'type_metadata', resource_key: `${ORDERS}/a.b/type/a.b/c` }))?.subject).toBe('`a.b`.c');
    expect(toEditEntry(edit({ resource_type: 'type_metadata', resource_key: `${ORDERS}/a/type/a/b.c` }))?.subject).toBe('a.`b.c`');
    expect(toEditEntry(edit({ resource_type: 'type_metadata', resource_key: `${ORDERS}/items/type/items/_inner_/sku` }))?.subject).toBe('items.sku');
  });

  it('renames the log fields to the lists the page shows: tag → tags, owner → owners, badge → badges (by name)', () => {
    expect(toEditEntry(edit({ field: 'tag', action: 'add', before: ['a'], after: ['a', 'b'] }))).toMatchObject({ field: 'tags', before: ['a'], after: ['a', 'b'] });
    expect(toEditEntry(edit({ field: 'owner', action: 'remove', before: ['x@example.org'], after: [] }))).toMatchObject({ field: 'owners', after: [] });
    expect(toEditEntry(edit({ field: 'badge', action: 'add', before: [], after: [{ badge_name: 'gold', category: 'table_status' }] })))
      .toMatchObject({ field: 'badges', after: ['gold'] });
  });

  it("keeps a dashboard edit's dashboard name and an owner edit's people the catalog names; nothing of the kind elsewhere", () => {
    const DASH = 'mode_dashboard://prod.sales/churn_overview_0';
    expect(toEditEntry(edit({ resource_type: 'dashboard', resource_key: DASH, parent_key: DASH, field: 'tag', before: [], after: ['x'], parent_name: 'Churn Overview' })))
      .toMatchObject({ parent_key: DASH, parent_name: 'Churn Overview' });
    const owners = toEditEntry(edit({ field: 'owner', before: [], after: ['liv@example.org', 'x'],
      people: [{ user_id: 'liv@example.org', display_name: 'Liv Arnesen', is_active: false }, { user_id: 'x', display_name: null }] }));
    expect(owners?.people).toEqual([
      { user_id: 'liv@example.org', display_name: 'Liv Arnesen', is_active: false },
      { user_id: 'x', display_name: null, is_active: true },
    ]);
    const plain = toEditEntry(edit({ parent_name: 'Orders' }));
    expect(plain).not.toHaveProperty('parent_name');
    expect(plain).not.toHaveProperty('people');
    // People are an owner edit's: a tag edit's row that carries some shows none.
    expect(toEditEntry(edit({ field: 'tag', before: [], after: ['x'], people: [{ user_id: 'x', display_name: 'X' }] }))).not.toHaveProperty('people');
  });

  it('shows the user id when the catalog does not know the editor by name, and a missing parent as the resource itself', () => {
    expect(toEditEntry(edit({ user_display_name: null, parent_key: null }))).toMatchObject({ editor: { user_id: 'ann@example.org', display_name: 'ann@example.org' }, parent_key: ORDERS });
  });

  it('shows a missing value as null, an object as its JSON, and a list item that is no badge as its JSON', () => {
    expect(toEditEntry(edit({ before: null, after: undefined }))).toMatchObject({ before: null, after: null });
    expect(toEditEntry(edit({ before: { text: 'x' }, after: ['a', null, 3] }))).toMatchObject({ before: '{"text":"x"}', after: ['a', 'null', '3'] });
  });

  it('names a column or nested type outside its parent by its whole key, a column even when its name holds /type/', () => {
    expect(toEditEntry(edit({ resource_type: 'column', resource_key: 'hive://gold.core/customers/id' }))?.subject).toBe('hive://gold.core/customers/id');
    expect(toEditEntry(edit({ resource_type: 'column', resource_key: `${ORDERS}/a/type/b` }))?.subject).toBe('a/type/b');
    expect(toEditEntry(edit({ resource_type: 'type_metadata', resource_key: `${ORDERS}/payload` }))?.subject).toBe('payload');
    expect(toEditEntry(edit({ resource_type: 'type_metadata', resource_key: `${ORDERS}//type/items/sku` }))?.subject).toBe('items.sku');
  });

  it("keeps a dashboard's edits, naming nothing besides the dashboard", () => {
    const dashboard = 'mode_dashboard://gold.sales/orders_board';
    expect(toEditEntry(edit({ resource_type: 'dashboard', resource_key: dashboard, parent_key: dashboard, field: 'tag', action: 'add', before: [], after: ['kpi'] })))
      .toMatchObject({ field: 'tags', subject: null, after: ['kpi'] });
  });

  it('leaves out an edit of a field, action or resource type it does not know, each alone', () => {
    expect(toEditEntry(edit({ field: 'records' }))).toBeNull();
    expect(toEditEntry(edit({ action: 'create' }))).toBeNull();
    expect(toEditEntry(edit({ resource_type: 'feature' }))).toBeNull();
  });

  it('leaves out what a History does not show: bookmarks, profiles and ingests', () => {
    expect(toEditEntry(edit({ resource_type: 'user', field: 'follow', action: 'add' }))).toBeNull();
    expect(toEditEntry(edit({ resource_type: 'ingest', field: 'records', action: 'create' }))).toBeNull();
  });
});
