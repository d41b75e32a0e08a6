// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboboxGroup, type ComboboxProps } from './combobox';

function Example({ onPick, onSubmit, escape }: { onPick: (id: string) => void; onSubmit: (value: string) => void; escape?: ComboboxProps['escape'] }) {
  const [value, setValue] = useState('');
  const groups: ComboboxGroup[] = value
    ? [
        { id: 'tables', label: 'Tables', options: [{ id: 't1', label: 'orders', onSelect: () => onPick('t1') }, { id: 't2', label: 'customers', onSelect: () => onPick('t2') }] },
        { id: 'people', label: 'People', options: [{ id: 'p1', label: 'Liv', onSelect: () => onPick('p1') }] },
      ]
    : [];
  return <Combobox label="Search" value={value} onValueChange={setValue} groups={groups} footer={[{ id: 'all', label: `All results for ${value}`, onSelect: () => onSubmit(value) }]} onSubmitValue={onSubmit} escape={escape} />;
}

afterEach(cleanup);

function setup({ escape }: { escape?: ComboboxProps['escape'] } = {}) {
  const onPick = vi.fn();
  const onSubmit = vi.fn();
  render(<Example onPick={onPick} onSubmit={onSubmit} escape={escape} />);
  return { onPick, onSubmit, input: screen.getByRole('combobox', { name: 'Search' }), user: userEvent.setup() };
}

describe('Combobox', () => {
  it('stays collapsed until something is typed, then lists the groups', async () => {
    const { input, user } = setup();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.type(input, 'or');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('group', { name: 'Tables' })).toBeTruthy();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['orders', 'customers', 'Liv', 'All results for or']);
  });

  it('moves the active option with the arrows, keeping focus in the input, and picks it with Enter', async () => {
    const { input, user, onPick } = setup();
    await user.type(input, 'or');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = screen.getByRole('option', { name: 'customers' });
    expect(input.getAttribute('aria-activedescendant')).toBe(active.id);
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(input);
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('t2');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('brings the option the arrows make active into view (focus stays in the input, so nothing else scrolls to it)', async () => {
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const { input, user } = setup();
      await user.type(input, 'or');
      await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(scrolled.at(-1)).toBe(document.getElementById(input.getAttribute('aria-activedescendant')!));
      expect(scrolled.at(-1)?.textContent).toBe('Liv');
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('wraps from the first option up to the last', async () => {
    const { input, user } = setup();
    await user.type(input, 'or');
    await user.keyboard('{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'All results for or' }).id);
  });

  it('submits what was typed on Enter with no active option', async () => {
    const { input, user, onSubmit, onPick } = setup();
    await user.type(input, 'orders{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('orders');
    expect(onPick).not.toHaveBeenCalled();
  });

  it('closes on the first Escape and clears the text on the second', async () => {
    const { input, user } = setup();
    await user.type(input, 'or');
    await user.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect((input as HTMLInputElement).value).toBe('or');
    await user.keyboard('{Escape}');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it("with escape 'passes', leaves the second Escape (the list closed) to the element around it, the text kept", async () => {
    const { input, user } = setup({ escape: 'passes' });
    const around = vi.fn((event: KeyboardEvent) => event.defaultPrevented);
    document.addEventListener('keydown', around);
    try {
      await user.type(input, 'or');
      await user.keyboard('{Escape}');
      expect(input.getAttribute('aria-expanded')).toBe('false');
      await user.keyboard('{Escape}');
      expect((input as HTMLInputElement).value).toBe('or');
      // Was each Escape default-prevented (used by the box) when it reached the page?
      expect(around.mock.results.slice(-2).map((r) => r.value)).toEqual([true, false]);
    } finally {
      document.removeEventListener('keydown', around);
    }
  });

  it("with escape 'keeps', closes the list on the first Escape and keeps the text on the next, default-prevented so the browser does not clear it", async () => {
    const { input, user } = setup({ escape: 'keeps' });
    const around = vi.fn((event: KeyboardEvent) => event.defaultPrevented);
    document.addEventListener('keydown', around);
    try {
      await user.type(input, 'or');
      await user.keyboard('{Escape}');
      expect(input.getAttribute('aria-expanded')).toBe('false');
      await user.keyboard('{Escape}{Escape}');
      expect((input as HTMLInputElement).value).toBe('or');
      expect(input.getAttribute('aria-expanded')).toBe('false');
      // Every Escape used by the box: a native <input type="search"> clears itself on one that is not.
      expect(around.mock.results.slice(-3).map((r) => r.value)).toEqual([true, true, true]);
    } finally {
      document.removeEventListener('keydown', around);
    }
  });

  it('picks an option by click', async () => {
    const { input, user, onPick } = setup();
    await user.type(input, 'or');
    await user.click(screen.getByRole('option', { name: 'Liv' }));
    expect(onPick).toHaveBeenCalledWith('p1');
  });

  it('announces how many suggestions there are, leaving out the footer, and "No matches" when there are none', async () => {
    const onSubmit = vi.fn();
    const footer = (value: string) => [{ id: 'all', label: `All results for ${value}`, onSelect: () => onSubmit(value) }];
    const option = (id: string) => ({ id, label: id, onSelect: () => {} });
    function Counted({ count }: { count: number }) {
      const [value, setValue] = useState('');
      const groups: ComboboxGroup[] = [{ id: 'tables', label: 'Tables', options: Array.from({ length: count }, (_, i) => option(`t${i}`)) }];
      return <Combobox label="Search" value={value} onValueChange={setValue} groups={groups} footer={footer(value)} status={count === 0 ? 'No matches. Press Enter to search every field.' : undefined} onSubmitValue={onSubmit} />;
    }
    const user = userEvent.setup();
    for (const [count, said] of [
      [0, 'No matches. Press Enter to search every field.'],
      [1, '1 suggestion; use the arrow keys to choose one.'],
      [3, '3 suggestions; use the arrow keys to choose one.'],
    ] as const) {
      render(<Counted count={count} />);
      await user.type(screen.getByRole('combobox', { name: 'Search' }), 'zzqx');
      expect(screen.getByRole('status').textContent).toBe(said);
      cleanup();
    }
  });
  it('shows a stale group dimmed in an aria-busy list, but neither counts it nor lets the arrows, Enter or a click choose it', async () => {
    const onPick = vi.fn();
    const onSubmit = vi.fn();
    function Stale() {
      const [value, setValue] = useState('');
      const groups: ComboboxGroup[] = [{ id: 'tables', label: 'Tables', stale: true, options: [{ id: 't1', label: 'orders', onSelect: () => onPick('t1') }] }];
      return <Combobox label="Search" value={value} onValueChange={setValue} groups={groups} footer={[{ id: 'all', label: `All results for ${value}`, onSelect: () => onSubmit(value) }]} status="Searching…" onSubmitValue={onSubmit} />;
    }
    render(<Stale />);
    const input = screen.getByRole('combobox', { name: 'Search' });
    const user = userEvent.setup();
    await user.type(input, 'rev');
    expect(screen.getByRole('listbox').getAttribute('aria-busy')).toBe('true');
    const kept = screen.getByRole('option', { name: 'orders' });
    expect(kept.getAttribute('aria-disabled')).toBe('true');
    expect(kept.closest('.combobox__stale')).not.toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Searching…');
    await user.click(kept);
    expect(onPick).not.toHaveBeenCalled();
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'All results for rev' }).id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onPick).not.toHaveBeenCalled();
    expect(onSubmit).toHaveBeenCalledWith('rev');
  });

  // Tab through the search page's filters opened each field's list in turn: five flashes, five announcements.
  it('does not open on focus by Tab, with text typed or (listEmpty) without; typing, ↓, Alt+↓ and a click open it', async () => {
    function Listed({ initial }: { initial: string }) {
      const [value, setValue] = useState(initial);
      const groups: ComboboxGroup[] = [{ id: 'tags', label: 'Tags', options: [{ id: 'pii', label: 'pii', onSelect: () => {} }] }];
      return <Combobox label="Tag" value={value} onValueChange={setValue} groups={groups} onSubmitValue={() => {}} escape="keeps" listEmpty />;
    }
    const user = userEvent.setup();
    for (const initial of ['', 'pi']) {
      render(
        <>
          <button type="button">Before</button>
          <Listed initial={initial} />
        </>,
      );
      const input = screen.getByRole('combobox', { name: 'Tag' });
      await user.click(screen.getByRole('button', { name: 'Before' }));
      await user.tab();
      expect(document.activeElement).toBe(input);
      expect(input.getAttribute('aria-expanded')).toBe('false');
      expect(screen.getByRole('status').textContent).toBe('');
      await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
      expect(input.getAttribute('aria-expanded')).toBe('true');
      await user.keyboard('{Escape}');
      await user.keyboard('{ArrowDown}');
      expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'pii' }).id);
      await user.keyboard('{Escape}');
      await user.click(input);
      expect(input.getAttribute('aria-expanded')).toBe('true');
      // Clicked into from elsewhere: open at once, as before.
      await user.click(screen.getByRole('button', { name: 'Before' }));
      expect(input.getAttribute('aria-expanded')).toBe('false');
      await user.click(input);
      expect(input.getAttribute('aria-expanded')).toBe('true');
      await user.click(screen.getByRole('button', { name: 'Before' }));
      await user.tab();
      await user.keyboard('p');
      expect(input.getAttribute('aria-expanded')).toBe('true');
      cleanup();
    }
  });
});
