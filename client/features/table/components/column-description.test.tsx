// @vitest-environment jsdom
// A column's description is Markdown (decision 105): rendered with the page's sanitizer, headings as
// bold lines, line breaks kept, hostile HTML as text, its join hints still links within the app.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { ColumnDescription } from './column-description';

afterEach(() => {
  cleanup();
  delete (window as { __xss?: number }).__xss;
});

const joinLinkFor = () => ({ to: '/table_detail/gold/hive/core/customers', direct: true });

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderDescription(text: string) {
  return renderWithApp(
    <div data-testid="cell">
      <ColumnDescription text={text} columnName="customer_id" joinLinkFor={joinLinkFor} />
      <Where />
    </div>,
  );
}

const rendered = () => waitFor(() => expect(screen.getByTestId('cell').querySelector('.markdown--plain')).toBeNull());

describe('ColumnDescription', () => {
  it('renders Markdown: bold, code, a list, a link in a new tab, each line break typed', async () => {
    renderDescription('The **buyer** of the order, `bigint`.\nSee [the wiki](https://wiki.example.org/c).\n\n- one\n- two');
    await rendered();
    const cell = screen.getByTestId('cell');
    expect(cell.querySelector('strong')?.textContent).toBe('buyer');
    expect(cell.querySelector('code')?.textContent).toBe('bigint');
    expect(cell.querySelector('p br')).not.toBeNull();
    expect(within(cell).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['one', 'two']);
    const wiki = within(cell).getByRole('link', { name: 'the wiki' });
    expect([wiki.getAttribute('href'), wiki.getAttribute('target'), wiki.getAttribute('rel')]).toEqual(['https://wiki.example.org/c', '_blank', 'noopener noreferrer']);
    expect(cell.textContent).not.toContain('**');
  });

  it('has no heading of the page: a "# Title" is a line of bold text', async () => {
    renderDescription('# Keys\n\nThe buyer.');
    await rendered();
    expect(screen.queryAllByRole('heading')).toEqual([]);
    expect(screen.getByTestId('cell').querySelector('p > strong')?.textContent).toBe('Keys');
  });

  it('shows hostile HTML as the text it is: no element of it is made, nothing runs', async () => {
    const payload = 'Id <img src=x onerror="window.__xss=1"> "><svg onload="window.__xss=1"> [x](javascript:window.__xss=1)';
    renderDescription(payload);
    await rendered();
    const cell = screen.getByTestId('cell');
    expect(cell.querySelector('img, svg, script, [onerror], [onload], a[href^="javascript:"]')).toBeNull();
    expect(cell.textContent).toContain('Id <img src=x onerror="window.__xss=1"> "><svg onload="window.__xss=1"> x');
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('links a "joins schema.table" hint before and after rendering, and its click moves within the app', async () => {
    const user = userEvent.setup();
    renderDescription('The **buyer**; joins core.customers');
    // Before the renderer has loaded: the text as written, the hint linked already.
    expect(within(screen.getByTestId('cell')).getByRole('link', { name: 'core.customers' }).getAttribute('href')).toBe('/table_detail/gold/hive/core/customers');
    await rendered();
    const cell = screen.getByTestId('cell');
    expect(cell.querySelector('strong')?.textContent).toBe('buyer');
    const join = within(cell).getByRole('link', { name: 'core.customers' });
    expect([join.getAttribute('href'), join.getAttribute('title'), join.getAttribute('target')]).toEqual(['/table_detail/gold/hive/core/customers', 'Open the table core.customers', null]);
    await user.click(join);
    expect(screen.getByTestId('where').textContent).toBe('/table_detail/gold/hive/core/customers');
  });

  it('deferred (a row far from the screen, decision 110): the text as written, its hints linked, rendered once no longer deferred', async () => {
    const text = 'The **buyer**; joins core.customers';
    // The renderer loaded first, so a deferred text shows as written by choice, not for want of code.
    renderDescription('**loaded**');
    await rendered();
    cleanup();
    function Deferred() {
      const [deferred, setDeferred] = useState(true);
      return (
        <div data-testid="cell">
          <ColumnDescription text={text} columnName="customer_id" joinLinkFor={joinLinkFor} deferred={deferred} />
          <button type="button" onClick={() => setDeferred(false)}>
            near
          </button>
        </div>
      );
    }
    renderWithApp(<Deferred />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const cell = screen.getByTestId('cell');
    expect(cell.querySelector('.markdown--plain')?.textContent).toBe(text);
    expect(cell.querySelector('strong')).toBeNull();
    expect(within(cell).getByRole('link', { name: 'core.customers' }).getAttribute('href')).toBe('/table_detail/gold/hive/core/customers');
    await userEvent.setup().click(screen.getByRole('button', { name: 'near' }));
    await rendered();
    expect(screen.getByTestId('cell').querySelector('strong')?.textContent).toBe('buyer');
  });
});
