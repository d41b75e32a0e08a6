// @vitest-environment jsdom
// Toasts are said from one status region that is there before the first toast (a region that appears
// together with its text is often missed by NVDA and JAWS); errors are alerts of their own.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spokenText, ToastProvider } from './toast';
import { ShowToastButton as Show } from './testing/show-toast-button';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderToasts() {
  render(
    <ToastProvider>
      <Show label="Copy" toast={{ title: 'Link copied', tone: 'success' }} />
      <Show label="Save" toast={{ title: 'Description saved', description: 'Others see it now.', tone: 'success' }} />
      <Show label="Fail" toast={{ title: 'Could not save', description: 'The server did not answer.', tone: 'error' }} />
    </ToastProvider>,
  );
  const region = screen.getByRole('region', { name: 'Notifications' });
  return { region, status: () => within(region).getByRole('status') };
}

describe('toasts', () => {
  it('says a confirmation by putting its text into the status region that was there before it', async () => {
    const user = userEvent.setup();
    const { region, status } = renderToasts();
    const before = status();
    expect(before.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(status()).toBe(before);
    expect(before.textContent).toBe('Link copied');
    // The visible toast is a list item, not a second live region.
    expect(await within(region).findAllByRole('listitem')).toHaveLength(1);
    expect(within(region).getAllByRole('status')).toHaveLength(1);

    // The same words again are a new element in the region, so they are said again.
    const first = before.firstElementChild;
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(before.textContent).toBe('Link copied');
    expect(before.firstElementChild).not.toBe(first);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(before.textContent).toBe('Description saved. Others see it now.');
    await user.click(await within(region).findByRole('button', { name: 'Dismiss: Description saved' }));
    expect(status()).toBe(before);
    expect(before.textContent).toBe('');
  });

  it('makes an error an alert of its own and says nothing politely for it', async () => {
    const user = userEvent.setup();
    const { status } = renderToasts();
    await user.click(screen.getByRole('button', { name: 'Fail' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not saveThe server did not answer.');
    expect(status().textContent).toBe('');
  });

  it('lets a confirmation leave by itself, but keeps an error until it is closed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { region } = renderToasts();
    await user.click(screen.getByRole('button', { name: 'Fail' }));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await within(region).findAllByRole('listitem')).toHaveLength(2);
    await act(async () => vi.advanceTimersByTime(60_000));
    const [left, ...more] = within(region).getAllByRole('listitem');
    expect(more).toHaveLength(0);
    expect(within(left!).getByRole('alert').textContent).toBe('Could not saveThe server did not answer.');
    await user.click(within(left!).getByRole('button', { name: 'Dismiss: Could not save' }));
    expect(within(region).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('reads a description as a sentence of its own', () => {
    expect(spokenText({ title: 'Link copied' })).toBe('Link copied');
    expect(spokenText({ title: 'Saved', description: 'Others see it now.' })).toBe('Saved. Others see it now.');
    expect(spokenText({ title: 'Saved!', description: 'Others see it now.' })).toBe('Saved! Others see it now.');
  });
});
