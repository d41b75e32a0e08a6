// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error';
import { renderWithApp, toastsSaid } from '../components/testing/render-with-app';
import { useOptimisticMutation, type FailureReport } from './use-optimistic-mutation';

afterEach(cleanup);

/** A button that runs one write of `name`; `write` answers it (a real promise, no network). */
function WriteButton({ write, report }: { write: (name: string) => Promise<unknown>; report: FailureReport<string> }) {
  const mutation = useOptimisticMutation<string, unknown>({
    mutationKey: ['edit', 'test'],
    mutationFn: write,
    patches: () => [],
    invalidates: () => [],
    successMessage: (name) => `Tag ${name} added`,
    ...report,
  });
  return (
    <>
      <button type="button" onClick={() => mutation.mutate('finance')}>Add finance</button>
      <button type="button" onClick={() => mutation.mutate('sales')}>Add sales</button>
    </>
  );
}

const toasts = () => screen.getByRole('region', { name: 'Notifications' });
const refused = () => Promise.reject(new ApiError(403, 'NotAllowedError', 'You may not edit this table.'));

describe('useOptimisticMutation', () => {
  it('confirms a write that succeeded in one polite status, the newest replacing the one before', async () => {
    const user = userEvent.setup();
    renderWithApp(<WriteButton write={async () => ({})} report={{ errorTitle: (name) => `Could not add the tag ${name}` }} />);
    await user.click(screen.getByRole('button', { name: 'Add finance' }));
    expect((await screen.findByRole('status')).textContent).toContain('Tag finance added');
    await user.click(screen.getByRole('button', { name: 'Add sales' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Tag sales added'));
    expect(screen.getAllByRole('status')).toHaveLength(1);
    // A list item holding the message (a list may hold only list items: axe checks it in e2e).
    // The toast's list item comes with its lazily loaded code: wait for it, then check there is one.
    await waitFor(() => expect(within(toasts()).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports a refused write in a toast with its title and the server\'s reason, and confirms nothing', async () => {
    const user = userEvent.setup();
    renderWithApp(<WriteButton write={refused} report={{ errorTitle: (name) => `Could not add the tag ${name}` }} />);
    await user.click(screen.getByRole('button', { name: 'Add finance' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not add the tag finance');
    expect(alert.textContent).toContain('You may not edit this table.');
    expect(toastsSaid()).toBe('');
  });

  it('shows no toast for a write refused because another tab signed in as someone else (the shell\'s notice says it)', async () => {
    const user = userEvent.setup();
    // finance: refused for the change of user; sales: another 409, which is still told.
    const write = (name: string) =>
      Promise.reject(
        name === 'finance'
          ? new ApiError(409, 'ConflictError', 'You are now signed in as Liv Arnesen in another tab or window; reload this page.', 'session_user_changed')
          : new ApiError(409, 'ConflictError', 'Changed meanwhile.', 'edit_conflict'),
      );
    renderWithApp(<WriteButton write={write} report={{ errorTitle: (name) => `Could not add the tag ${name}` }} />);
    await user.click(screen.getByRole('button', { name: 'Add finance' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(toasts().textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Add sales' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not add the tag sales');
    expect(toasts().textContent).not.toContain('finance');
  });

  it('shows no toast for a failure the caller shows itself: all of them, or those it claims', async () => {
    const user = userEvent.setup();
    const first = renderWithApp(<WriteButton write={refused} report={{ failuresShownByCaller: true }} />);
    await user.click(screen.getByRole('button', { name: 'Add finance' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(toasts().textContent).toBe('');
    first.unmount();

    renderWithApp(<WriteButton write={refused} report={{ errorTitle: () => 'Could not add', isHandledByCaller: (error) => error instanceof ApiError && error.status === 403 }} />);
    await user.click(screen.getByRole('button', { name: 'Add finance' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(toasts().textContent).toBe('');
  });
});
