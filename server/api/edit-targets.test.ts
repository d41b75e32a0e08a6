import { describe, expect, it } from 'vitest';
import { NotAllowedError } from '../http/errors';
import { AmundsenDashboardDetailSchema, AmundsenTableSchema } from '../upstream/amundsen-schemas';
import { dashboardEditTarget, requireRight, tableEditTarget } from './edit-targets';

describe('edit targets from what metadata returned', () => {
  it('describe a table by its coordinates and its owners by user id, else email', () => {
    const table = AmundsenTableSchema.parse({
      database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders',
      owners: [{ user_id: 'ann@example.org', email: 'ann@example.org' }, { email: 'ben@example.org' }, { display_name: 'Nobody' }],
    });
    expect(tableEditTarget('hive://gold.sales/orders', table)).toEqual({
      type: 'table', key: 'hive://gold.sales/orders', database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders',
      owners: ['ann@example.org', 'ben@example.org'],
    });
  });

  it("describe a dashboard by product, cluster and group, the product from the uri when metadata leaves it out", () => {
    const dashboard = (product: string | null) => AmundsenDashboardDetailSchema.parse({
      uri: 'mode_dashboard://gold.sales_group/revenue', cluster: 'gold', group_name: 'Sales', name: 'Revenue', product,
      owners: [{ user_id: 'ann@example.org' }],
    });
    expect(dashboardEditTarget(dashboard('mode'))).toEqual({
      type: 'dashboard', key: 'mode_dashboard://gold.sales_group/revenue', product: 'mode', cluster: 'gold', group: 'Sales', name: 'Revenue', owners: ['ann@example.org'],
    });
    expect(dashboardEditTarget(dashboard(null))).toMatchObject({ product: 'mode' });
  });

  it('describe a dashboard with no product, group or product prefix in its uri by empty strings', () => {
    const dashboard = AmundsenDashboardDetailSchema.parse({ uri: 'revenue://gold.sales/revenue', cluster: 'gold', name: 'Revenue' });
    expect(dashboardEditTarget(dashboard)).toMatchObject({ product: '', group: '' });
    expect(dashboardEditTarget({ ...dashboard, uri: '_dashboard://gold.sales/revenue' })).toMatchObject({ product: '' });
  });
});

describe('a write the rights do not allow', () => {
  const rights = { descriptions: false, tags: true, owners: false, reason: 'Editing finance tables needs the editor role' };

  it("is refused with 403 edit_forbidden and the policy's reason", () => {
    expect(() => requireRight(rights, 'tags', 'the table x')).not.toThrow();
    const err = (() => {
      try {
        requireRight(rights, 'descriptions', 'the table x');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NotAllowedError);
    expect(err).toMatchObject({ status: 403, code: 'edit_forbidden', message: 'Editing finance tables needs the editor role' });
  });

  it('is refused with a message naming what may not be changed when the policy gives no reason', () => {
    expect(() => requireRight({ ...rights, reason: null }, 'owners', 'the table hive://gold.sales/orders'))
      .toThrow('You may not change the owners of the table hive://gold.sales/orders.');
    const none = { descriptions: false, tags: false, owners: false, reason: null };
    expect(() => requireRight(none, 'tags', 'the dashboard d')).toThrow('You may not change the tags of the dashboard d.');
    expect(() => requireRight(none, 'descriptions', 'the dashboard d')).toThrow('You may not change the descriptions of the dashboard d.');
  });
});
