// @vitest-environment jsdom
// Finding 8 of the curate pass: a second tab never refreshed. Coming back to a tab refetches what is
// on screen and stale (older than the 30 s staleTime), and an editor open meanwhile keeps its text.
import { focusManager, QueryClientProvider, QueryObserver, useQuery } from '@tanstack/react-query';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditableDescription } from '../components/editable-description';
import { QueryState } from '../components/query-state';
import { renderWithApp } from '../components/testing/render-with-app';
import { ApiError } from './api-error';
import { createQueryClient } from './query-client';

const START = new Date('2026-12-06T12:00:00Z').getTime();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

/** The person leaves the tab and comes back `seconds` later. */
function returnToTabAfter(seconds: number) {
  act(() => {
    focusManager.setFocused(false);
    vi.setSystemTime(Date.now() + seconds * 1000);
    focusManager.setFocused(true);
  });
}

describe('the query client on window focus', () => {
  it('refetches an answer on screen when the window regains focus after staleTime, not before', async () => {
    const client = createQueryClient({ onUnauthorized: () => undefined });
    client.mount(); // what QueryClientProvider does: listen for focus
    const queryFn = vi.fn(async () => 'answer');
    const observer = new QueryObserver(client, { queryKey: ['table', 'orders'], queryFn });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe('answer'));
    expect(queryFn).toHaveBeenCalledTimes(1);

    returnToTabAfter(10);
    await Promise.resolve();
    expect(queryFn).toHaveBeenCalledTimes(1);

    returnToTabAfter(25);
    await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(2));
    unsubscribe();
    client.unmount();
  });

  it('keeps the text of an editor open while the description refetched on focus changed', async () => {
    const client = createQueryClient({ onUnauthorized: () => undefined });
    let saved = 'Orders placed in the shop';
    const queryFn = vi.fn(async () => saved);
    function Description() {
      const query = useQuery({ queryKey: ['table', 'orders'], queryFn });
      if (query.data === undefined) return null;
      return (
        <EditableDescription value={query.data} canEdit editText="Edit description" fieldLabel="Description of sales.orders" maxLength={750} save={async () => undefined}>
          <p>{query.data}</p>
        </EditableDescription>
      );
    }
    const user = userEvent.setup();
    renderWithApp(
      <QueryClientProvider client={client}>
        <Description />
      </QueryClientProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox', { name: 'Description of sales.orders' }), ', and more');

    saved = 'Changed in the other tab';
    returnToTabAfter(31);
    await waitFor(() => expect(queryFn).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(client.getQueryData(['table', 'orders'])).toBe('Changed in the other tab'));
    expect((screen.getByRole('textbox', { name: 'Description of sales.orders' }) as HTMLTextAreaElement).value).toBe('Orders placed in the shop, and more');

    // Leaving the editor with changed text asks first; discarding shows what the other tab saved.
    await user.keyboard('{Escape}');
    await user.click(await screen.findByRole('button', { name: 'Discard changes' }));
    expect(screen.getByText('Changed in the other tab')).toBeTruthy();
  });

  it('keeps the page and the open editor when the refetch on focus fails', async () => {
    const client = createQueryClient({ onUnauthorized: () => undefined });
    const queryFn = vi.fn(async () => 'Orders placed in the shop');
    function Page() {
      const query = useQuery({ queryKey: ['table', 'orders'], queryFn });
      return (
        <QueryState query={query} loadingLabel="Loading the table" errorTitle="The table could not be loaded">
          {(description) => (
            <EditableDescription value={description} canEdit editText="Edit description" fieldLabel="Description of sales.orders" maxLength={750} save={async () => undefined}>
              <p>{description}</p>
            </EditableDescription>
          )}
        </QueryState>
      );
    }
    const user = userEvent.setup();
    renderWithApp(
      <QueryClientProvider client={client}>
        <Page />
      </QueryClientProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox', { name: 'Description of sales.orders' }), ', and more');

    queryFn.mockRejectedValue(new ApiError(403, 'ForbiddenError', 'Not allowed'));
    returnToTabAfter(31);
    await waitFor(() => expect(client.getQueryState(['table', 'orders'])?.status).toBe('error'));
    expect(screen.queryByText('The table could not be loaded')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Description of sales.orders' }) as HTMLTextAreaElement).value).toBe('Orders placed in the shop, and more');
  });
});
