// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResourceNotice } from './notice';
import { renderWithApp } from './testing/render-with-app';

afterEach(cleanup);

describe('ResourceNotice', () => {
  it('shows the matching notice as sanitized HTML in its severity', async () => {
    renderWithApp(
      <ResourceNotice
        resourceKey="snowflake://prod.finance/monthly_revenue"
        notices={{ '*://*.finance/*': { severity: 'alert', messageHtml: 'Numbers are <strong>restated</strong> <img src=x onerror="alert(1)"><script>alert(2)</script>' } }}
      />,
    );
    const notice = screen.getByRole('alert');
    expect(notice.className).toContain('notice--alert');
    expect(notice.textContent).toContain('Alert');
    await screen.findByText('restated', { selector: 'strong' });
    expect(notice.innerHTML).not.toContain('onerror');
    expect(notice.querySelector('script')).toBeNull();
  });

  it('shows nothing when no notice matches, and an info notice as a note', () => {
    const { container } = renderWithApp(<ResourceNotice resourceKey="hive://gold.core/customers" notices={{ 'hive://gold.sales/*': { severity: 'info', messageHtml: 'x' } }} />);
    expect(container.querySelector('.notice')).toBeNull();
    cleanup();
    renderWithApp(<ResourceNotice resourceKey="hive://gold.sales/orders" notices={{ 'hive://gold.sales/*': { severity: 'info', messageHtml: 'Being migrated' } }} />);
    expect(screen.getByRole('note').className).toContain('notice--info');
  });
});
