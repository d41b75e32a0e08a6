// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResourceTabs } from './resource-tabs';

afterEach(cleanup);

function ShowUrl() {
  const location = useLocation();
  return <output aria-label="URL">{location.pathname + location.search}</output>;
}

/** Under a router at `url` (Back and Forward work as in a browser: `router.navigate(-1)`). */
function renderAt(url: string, ui: ReactNode) {
  const router = createMemoryRouter(
    [
      { path: '/table', element: <>{ui}<ShowUrl /></> },
      { path: '/search', element: <ShowUrl /> },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return router;
}
const url = () => screen.getByRole('status', { name: 'URL' }).textContent;

function Loads({ onMount }: { onMount: () => void }) {
  useEffect(onMount, [onMount]);
  return <p>The history</p>;
}

function Draft() {
  const [text, setText] = useState('');
  return <input aria-label="Draft" value={text} onChange={(e) => setText(e.target.value)} />;
}

describe('ResourceTabs', () => {
  it('shows a tab’s count after its label as the profile’s tabs do, and none while it is unknown', () => {
    renderAt(
      '/table',
      <ResourceTabs label="Table views" tabs={[{ value: 'history', label: 'History', count: 1234, panel: null }, { value: 'notes', label: 'Notes', panel: null }]}>
        <p>Overview</p>
      </ResourceTabs>,
    );
    expect(screen.getByRole('tab', { name: /^History/ }).querySelector('.count')?.textContent).toBe('1,234');
    expect(screen.getByRole('tab', { name: 'Notes' }).querySelector('.count')).toBeNull();
    expect(screen.getByRole('tab', { name: 'Overview' }).querySelector('.count')).toBeNull();
  });

  it('mounts another tab’s panel only when its tab is chosen, and keeps the overview’s state meanwhile', async () => {
    const user = userEvent.setup();
    const mounted = vi.fn();
    renderAt(
      '/table',
      <ResourceTabs label="Table views" tabs={[{ value: 'history', label: 'History', panel: <Loads onMount={mounted} /> }]}>
        <Draft />
      </ResourceTabs>,
    );

    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    expect(mounted).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: 'Draft' }), 'half written');

    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect(mounted).toHaveBeenCalledTimes(1);
    expect(screen.getByText('The history')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Draft' })).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    expect((screen.getByRole('textbox', { name: 'Draft' }) as HTMLInputElement).value).toBe('half written');
    expect(screen.queryByText('The history')).toBeNull();
  });

  it('keeps the open tab in the URL, beside the other parameters, so a reload, a shared link and Back open it again', async () => {
    const user = userEvent.setup();
    const tabs = [{ value: 'history', label: 'History', panel: <p>The history</p> }];
    const router = renderAt('/table?column=id', <ResourceTabs label="Table views" tabs={tabs}><p>Columns</p></ResourceTabs>);
    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect(url()).toBe('/table?column=id&tab=history');
    expect(screen.getByText('The history')).toBeTruthy();

    // Away and Back: the history tab again (choosing it replaced the URL, it added no entry).
    await act(() => router.navigate('/search?term=orders'));
    await act(() => router.navigate(-1));
    expect(url()).toBe('/table?column=id&tab=history');
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('The history')).toBeTruthy();

    // The overview has no parameter of its own; the keyboard chooses tabs the same way.
    screen.getByRole('tab', { name: 'History' }).focus();
    await user.keyboard('{Home}');
    expect(url()).toBe('/table?column=id');
    expect(screen.queryByText('The history')).toBeNull();
    expect(router.state.historyAction).toBe('REPLACE');
    cleanup();

    // A shared link (or a reload) opens the tab it names; an unknown one opens the overview.
    renderAt('/table?tab=history', <ResourceTabs label="Table views" tabs={tabs}><p>Columns</p></ResourceTabs>);
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    cleanup();
    renderAt('/table?tab=nonsense', <ResourceTabs label="Table views" tabs={tabs}><p>Columns</p></ResourceTabs>);
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('Columns')).toBeTruthy();
  });

  it('takes a tab that names nothing out of the URL, replacing it, and keeps the other parameters', async () => {
    const tabs = [{ value: 'history', label: 'History', panel: <p>The history</p> }];
    for (const [from, to] of [
      ['/table?column=id&tab=nonsense', '/table?column=id'],
      ['/table?tab=overview', '/table'],
      ['/table?tab=', '/table'],
      ['/table?tab=+history', '/table?tab=history'],
    ]) {
      const router = createMemoryRouter([{ path: '/table', element: <><ResourceTabs label="Table views" tabs={tabs}><p>Columns</p></ResourceTabs><ShowUrl /></> }, { path: '/', element: <p>start</p> }], {
        initialEntries: ['/', from!],
        initialIndex: 1,
      });
      render(<RouterProvider router={router} />);
      await vi.waitFor(() => expect(url(), from).toBe(to));
      expect(router.state.historyAction, from).toBe('REPLACE');
      // Replaced, not pushed: Back leaves the page.
      await act(() => router.navigate(-1));
      expect(router.state.location.pathname, from).toBe('/');
      cleanup();
    }
    // With no tabs at all, any tab in the URL goes too.
    renderAt('/table?tab=history', <ResourceTabs label="Table views" tabs={[]}><p>Columns</p></ResourceTabs>);
    await vi.waitFor(() => expect(url()).toBe('/table'));
  });

  it('shows the overview alone, with no tab list, when nothing adds a tab', () => {
    renderAt(
      '/table',
      <ResourceTabs label="Table views" tabs={[]}>
        <p>Columns</p>
      </ResourceTabs>,
    );
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.getByText('Columns')).toBeTruthy();
  });

  // The overview stays mounted, hidden, beside another tab's panel: its buttons are not the panel's.
  it('makes an empty tab’s panel ("No edits yet") the Tab stop after the tab list, though the hidden overview beside it has fields', async () => {
    const user = userEvent.setup();
    renderAt(
      '/table?tab=edits',
      <>
        <ResourceTabs label="Table views" tabs={[{ value: 'edits', label: 'Edits', count: 0, panel: <p>No edits yet</p> }]}>
          <Draft />
        </ResourceTabs>
        <button type="button">Side panel</button>
      </>,
    );
    const panel = screen.getByRole('tabpanel', { name: /Edits/ });
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Edits/ }));
    await user.tab();
    expect(document.activeElement).toBe(panel);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Side panel' }));
    // The overview, with its field, is no extra stop.
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    await waitFor(() => expect(panel.hasAttribute('tabindex')).toBe(false));
  });
});
