// @vitest-environment jsdom
// Keys pressed just after a menu first opens, while its code (menu-popup.tsx) is on the way, act on the
// menu as it arrives rather than on the button (which an Enter would close again).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The open menu's code arrives a moment after it is asked for, as over a network.
vi.mock('./menu-popup', async (importOriginal) => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return importOriginal();
});

async function renderMenu() {
  // A fresh module each time: the code of a menu already opened once is at hand.
  const { MenuButton } = await import('./menu');
  const onProfile = vi.fn();
  const onShortcuts = vi.fn();
  render(
    <MemoryRouter>
      <MenuButton
        trigger="Account"
        items={[
          { kind: 'action', label: 'Profile', onSelect: onProfile },
          { kind: 'action', label: 'Shortcuts', onSelect: onShortcuts },
          { kind: 'action', label: 'Log out', onSelect: vi.fn() },
        ]}
      />
      <button type="button">After</button>
    </MemoryRouter>,
  );
  return { button: screen.getByRole('button', { name: 'Account' }), onProfile, onShortcuts };
}

/** A key pressed on `element` as a browser does: keydown, then keyup; false when its keydown was cancelled. */
function press(element: Element, key: string) {
  const notCancelled = fireEvent.keyDown(element, { key });
  fireEvent.keyUp(element, { key });
  return notCancelled;
}

beforeEach(() => vi.resetModules());
afterEach(cleanup);

describe('keys pressed while a menu’s code loads', () => {
  it('move through the menu and choose an item as it arrives', async () => {
    const { button, onProfile, onShortcuts } = await renderMenu();
    fireEvent.click(button); // Enter on the button
    expect(screen.queryByRole('menu')).toBeNull();
    // Enter is kept too: it must not press the button again (which would close the menu).
    expect([press(button, 'ArrowDown'), press(button, 'ArrowDown'), press(button, 'ArrowUp'), press(button, 'Enter')]).toEqual([false, false, false, false]);
    await waitFor(() => expect(onShortcuts).toHaveBeenCalledTimes(1));
    expect(onProfile).not.toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('End and Home are kept; the menu opens with focus where they leave it', async () => {
    const { button } = await renderMenu();
    fireEvent.click(button);
    press(button, 'End');
    expect(screen.queryByRole('menu')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Log out'));
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('Escape closes at once, and the menu does not open when its code arrives', async () => {
    const { button, onShortcuts } = await renderMenu();
    fireEvent.click(button);
    press(button, 'ArrowDown');
    press(button, 'Escape');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onShortcuts).not.toHaveBeenCalled();
  });

  it('Tab closes it and is not kept', async () => {
    const { button } = await renderMenu();
    fireEvent.click(button);
    expect(press(button, 'Tab')).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
