// @vitest-environment jsdom
// The toast's own code (toast-item.tsx) may not arrive: the server restarting, or a newer version
// deployed whose files replaced this page's (a 404). The app under the provider stays; the toast's words
// show plainly, an error's as an alert.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from './toast';
import { ShowToastButton as Show } from './testing/show-toast-button';

// As Chromium says it when a chunk answers 404.
vi.mock('./toast-item', () => {
  throw new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/toast-item-0ld.js');
});

afterEach(cleanup);

describe('toasts whose code does not arrive', () => {
  it('keep the app and show the toast’s words plainly, an error as an alert', async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <h1>Orders dashboard</h1>
        <Show label="Bookmark" toast={{ title: 'Bookmarked', description: 'It is in your list now.', tone: 'success' }} />
        <Show label="Fail" toast={{ title: 'Could not save', description: 'The server did not answer.', tone: 'error' }} />
      </ToastProvider>,
    );
    const region = screen.getByRole('region', { name: 'Notifications' });

    await user.click(screen.getByRole('button', { name: 'Bookmark' }));
    const shown = await within(region).findByRole('listitem');
    expect(shown.textContent).toBe('Bookmarked. It is in your list now.');
    expect(within(region).getByRole('status').textContent).toBe('Bookmarked. It is in your list now.');

    await user.click(screen.getByRole('button', { name: 'Fail' }));
    expect((await within(region).findByRole('alert')).textContent).toBe('Could not save. The server did not answer.');

    expect(screen.getByRole('heading', { name: 'Orders dashboard' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bookmark' })).toBeTruthy();
  });
});
