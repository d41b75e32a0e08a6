// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Tabs } from './tabs';

function Example() {
  const [value, setValue] = useState<'a' | 'b' | 'c'>('a');
  return (
    <Tabs
      label="Kinds"
      value={value}
      onChange={setValue}
      items={[
        { value: 'a', label: 'Alpha', count: 3 },
        { value: 'b', label: 'Beta' },
        { value: 'c', label: 'Gamma', count: 1200 },
      ]}
    >
      <p>Panel {value}</p>
    </Tabs>
  );
}

afterEach(cleanup);

describe('Tabs', () => {
  it('names the tab list, marks the selected tab and labels the panel with it', () => {
    render(<Example />);
    expect(screen.getByRole('tablist', { name: 'Kinds' })).toBeTruthy();
    const alpha = screen.getByRole('tab', { name: /Alpha/ });
    expect(alpha.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: /Alpha/ }).textContent).toBe('Panel a');
    expect(screen.getByRole('tab', { name: /Gamma/ }).textContent).toContain('1,200');
  });

  it('keeps only the selected tab in the tab order and moves with arrows, Home and End', async () => {
    const user = userEvent.setup();
    render(<Example />);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Alpha/ }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Beta/ }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel b');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: /Gamma/ }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel a');
    await user.keyboard('{End}');
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel c');
  });

  it('goes on from the focused tab when an arrow comes before the last choice has rendered (a slow page)', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    // The page has not rendered the first choice yet: the selected tab is still Alpha.
    render(
      <Tabs label="Kinds" value="a" onChange={onChange} items={[{ value: 'a', label: 'Alpha' }, { value: 'b', label: 'Beta' }, { value: 'c', label: 'Gamma' }]}>
        <p>Panel</p>
      </Tabs>,
    );
    await user.tab();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Gamma/ }));
    expect(onChange.mock.calls).toEqual([['b'], ['c']]);
  });

  it('selects a tab on click', async () => {
    const user = userEvent.setup();
    render(<Example />);
    await user.click(screen.getByRole('tab', { name: /Beta/ }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel b');
  });

  // Tab from the tab list went past an empty panel ("No edits yet") to what followed it: never heard.
  it('makes a panel with nothing focusable in it a Tab stop, and one with a link not', async () => {
    function Panels() {
      const [value, setValue] = useState<'empty' | 'links'>('empty');
      return (
        <>
          <Tabs label="Views" value={value} onChange={setValue} items={[{ value: 'empty', label: 'Edits' }, { value: 'links', label: 'Links' }]}>
            {value === 'empty' ? <p>No edits yet</p> : <a href="#x">A link</a>}
          </Tabs>
          <button type="button">After</button>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Panels />);
    const panel = screen.getByRole('tabpanel');
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(panel);
    expect(panel.getAttribute('tabindex')).toBe('0');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After' }));
    await user.click(screen.getByRole('tab', { name: 'Links' }));
    await waitFor(() => expect(panel.hasAttribute('tabindex')).toBe(false));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'A link' }));
  });

  it('follows the panel’s content: a skeleton is a Tab stop, the content that replaces it with a button is not, and a focused panel keeps focus until Tab leaves it', async () => {
    function Loading({ loaded }: { loaded: boolean }) {
      return (
        <Tabs label="Views" value="a" onChange={() => {}} items={[{ value: 'a', label: 'History' }]}>
          {loaded ? <button type="button">Show more</button> : <div aria-busy="true">Loading…</div>}
        </Tabs>
      );
    }
    const user = userEvent.setup();
    const { rerender } = render(<Loading loaded={false} />);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('tabindex')).toBe('0');
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(panel);
    rerender(<Loading loaded />);
    // Still focused, and still a Tab stop while it is: Tab goes on into it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(panel);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(panel.hasAttribute('tabindex')).toBe(false));
    // And back to a bare panel: a Tab stop again.
    rerender(<Loading loaded={false} />);
    await waitFor(() => expect(panel.getAttribute('tabindex')).toBe('0'));
  });

  it('scrolls a list too narrow for its tabs sideways to the selected one, and marks the edges with more tabs past them', async () => {
    // A 200 px list of three 100 px tabs (300 px in all), as at 320 px wide: tab i from 100 i, less the list's scroll.
    const list = () => screen.getByRole('tablist');
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      if (this.getAttribute('role') === 'tablist') return new DOMRect(0, 0, 200, 40);
      const index = [...this.parentElement!.children].indexOf(this);
      return new DOMRect(100 * index - list().scrollLeft, 0, 100, 40);
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(200);
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(300);
    try {
      const user = userEvent.setup();
      render(<Example />);
      expect(list().scrollLeft).toBe(0);
      expect(list().dataset.more).toBe('end');
      await user.click(screen.getByRole('tab', { name: /Gamma/ }));
      // Gamma (200–300) whole in view: scrolled to the end.
      expect(list().scrollLeft).toBe(100);
      expect(list().dataset.more).toBe('start');
      await user.keyboard('{Home}');
      expect(list().scrollLeft).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
