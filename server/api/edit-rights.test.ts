import { describe, expect, it } from 'vitest';
import { DASHBOARD_RIGHTS_WITHOUT_RULES, EDIT_POLICY_WITHOUT_RULES, TABLE_RIGHTS_WITHOUT_RULES } from './edit-rights';

describe('the edit policy without an EDIT_RULES_FILE (Amundsen\'s behaviour)', () => {
  const subject = { user_id: 'liv@example.org', groups: [] };

  it('lets anyone signed in change a table\'s descriptions, tags and owners, and only a dashboard\'s tags', () => {
    const table = { type: 'table', key: 'hive://gold.sales/orders', database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', owners: [] } as const;
    const dashboard = { type: 'dashboard', key: 'mode_dashboard://gold.sales/revenue', product: 'mode', cluster: 'gold', group: 'sales', name: 'revenue', owners: [] } as const;
    expect(EDIT_POLICY_WITHOUT_RULES.rightsFor(subject, table)).toEqual({ descriptions: true, tags: true, owners: true, reason: null });
    expect(EDIT_POLICY_WITHOUT_RULES.rightsFor(subject, dashboard)).toEqual({ descriptions: false, tags: true, owners: false, reason: null });
    expect(EDIT_POLICY_WITHOUT_RULES.rightsFor(subject, table)).toBe(TABLE_RIGHTS_WITHOUT_RULES);
    expect(EDIT_POLICY_WITHOUT_RULES.rightsFor(subject, dashboard)).toBe(DASHBOARD_RIGHTS_WITHOUT_RULES);
  });
});
