// @vitest-environment jsdom
// The open menu's code (menu-popup.tsx) may not arrive (the server restarting, a newer version deployed):
// the menu button then closes again instead of staying "expanded" over nothing, and the page stays.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu';

vi.mock('./menu-popup', () => {
  throw new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/menu-popup-0ld.js');
});

afterEach(cleanup);

describe('a menu whose open menu’s code does not arrive', () => {
  it('closes again and keeps the page', async () => {
    render(
      <MemoryRouter>
        <h1>Home</h1>
        <MenuButton trigger="Account" items={[{ kind: 'action', label: 'Shortcuts', onSelect: () => {} }]} />
      </MemoryRouter>,
    );
    const button = screen.getByRole('button', { name: 'Account' });
    // A click alone: the pointer's and focus's early fetch of the code (its failure is only logged) is not under test.
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Home' })).toBeTruthy();
  });
});
