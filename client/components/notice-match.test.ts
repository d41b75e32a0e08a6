import { describe, expect, it } from 'vitest';
import type { Notice } from '../../contract/ui-config';
import { matchNotice } from './notice-match';

const info = (messageHtml: string): Notice => ({ severity: 'info', messageHtml });

describe('matchNotice', () => {
  it('finds nothing when no pattern matches', () => {
    expect(matchNotice('hive://gold.core/customers', { 'hive://gold.sales/*': info('sales') })).toBeNull();
    expect(matchNotice('hive://gold.core/customers', {})).toBeNull();
  });

  it('matches an exact key', () => {
    expect(matchNotice('hive://gold.core/customers', { 'hive://gold.core/customers': info('exact') })?.messageHtml).toBe('exact');
  });

  it('lets * stand for any run of characters, slashes and dots included', () => {
    const notices = { '*://*.finance/*': info('finance') };
    expect(matchNotice('snowflake://prod.finance/monthly_revenue', notices)?.messageHtml).toBe('finance');
    expect(matchNotice('snowflake://prod.financed/monthly_revenue', notices)).toBeNull();
    expect(matchNotice('hive://gold.core/customers', { '*': info('all') })?.messageHtml).toBe('all');
  });

  it('treats other pattern characters literally', () => {
    expect(matchNotice('hive://goldXcore/customers', { 'hive://gold.core/*': info('dot') })).toBeNull();
    expect(matchNotice('hive://gold.core/a+b', { 'hive://gold.core/a+b': info('plus') })?.messageHtml).toBe('plus');
    expect(matchNotice('hive://gold.core/aab', { 'hive://gold.core/a+b*': info('plus') })).toBeNull();
  });

  it('prefers an exact key, then the most specific pattern', () => {
    const notices = { '*': info('all'), 'hive://*': info('hive'), 'hive://gold.core/*': info('core'), 'hive://gold.core/customers': info('exact') };
    expect(matchNotice('hive://gold.core/customers', notices)?.messageHtml).toBe('exact');
    expect(matchNotice('hive://gold.core/orders', notices)?.messageHtml).toBe('core');
    expect(matchNotice('hive://silver.x/y', notices)?.messageHtml).toBe('hive');
    expect(matchNotice('delta://x.y/z', notices)?.messageHtml).toBe('all');
  });
});
