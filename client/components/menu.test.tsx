// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu';

function renderMenu(onSelect = vi.fn(), onSubmit = vi.fn()) {
  render(
    <MemoryRouter>
      <button type="button">Before</button>
      <MenuButton
        trigger="Account"
        header={<span>Ada Lovelace</span>}
        items={[
          { kind: 'link', label: 'My profile', to: '/user/ada' },
          { kind: 'action', label: 'Shortcuts', onSelect },
          { kind: 'post', label: 'Log out', action: '/logout', onSubmit },
        ]}
      />
    </MemoryRouter>,
  );
  return { onSelect, onSubmit, button: screen.getByRole('button', { name: 'Account' }) };
}

afterEach(cleanup);

describe('MenuButton', () => {
  it('is a closed menu button until opened', () => {
    const { button } = renderMenu();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens on click with focus on the first item; arrows wrap; Escape closes and returns focus', async () => {
    const user = userEvent.setup();
    const { button } = renderMenu();
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // The open menu's code loads the first time (menu-popup.tsx).
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy();
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['My profile', 'Shortcuts', 'Log out']);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[2]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[2]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens on ArrowUp with focus on the last item', async () => {
    const user = userEvent.setup();
    const { button } = renderMenu();
    button.focus();
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Log out'));
  });

  it('runs an action, closes and gives focus back to the button', async () => {
    const user = userEvent.setup();
    const { button, onSelect } = renderMenu();
    await user.click(button);
    await user.click(await screen.findByRole('menuitem', { name: 'Shortcuts' }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click outside', async () => {
    const user = userEvent.setup();
    const { button } = renderMenu();
    await user.click(button);
    await screen.findByRole('menu');
    await user.click(screen.getByRole('button', { name: 'Before' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('logs out through a real POST form', async () => {
    const user = userEvent.setup();
    const { button } = renderMenu();
    await user.click(button);
    const form = (await screen.findByRole('menuitem', { name: 'Log out' })).closest('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/logout');
  });

  it('runs the item’s onSubmit as its form is sent, without holding the form back', async () => {
    const { button, onSubmit } = renderMenu();
    fireEvent.click(button);
    const form = (await screen.findByRole('menuitem', { name: 'Log out' })).closest('form')!;
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(submit.defaultPrevented).toBe(false);
  });

  it('moves an open menu that would reach past the window’s left or right edge back inside it', async () => {
    const user = userEvent.setup();
    const { button } = renderMenu();
    // Where a narrow window drew the account menu: aligned to the right of a button at the left, from x = −171.
    const rects: Record<string, DOMRect> = { left: new DOMRect(-171, 40, 224, 200), right: new DOMRect(300, 40, 224, 200) };
    let side = 'left';
    const spy = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('menu__popup') ? rects[side]! : new DOMRect(0, 0, 0, 0);
    });
    try {
      vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(320);
      await user.click(button);
      const popup = (await screen.findByRole('menu')).parentElement!;
      expect(popup.style.transform).toBe('translateX(179px)');
      await user.click(button);
      side = 'right';
      await user.click(button);
      expect((await screen.findByRole('menu')).parentElement!.style.transform).toBe('translateX(-212px)');
    } finally {
      vi.restoreAllMocks();
      spy.mockRestore();
    }
  });
});
