// @vitest-environment jsdom
import { useQuery } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
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

/** A view of the answer the write refetches (['slow']), and a write that says when mutateAsync has settled. */
function SlowRefreshWrite({ write, refetch }: { write: () => Promise<unknown>; refetch: () => Promise<string> }) {
  const shown = useQuery({ queryKey: ['slow'], queryFn: refetch });
  const [outcome, setOutcome] = useState('');
  const mutation = useOptimisticMutation<string, unknown>({
    mutationKey: ['edit', 'slow'],
    mutationFn: write,
    patches: () => [],
    invalidates: () => [['slow']],
    successMessage: () => 'Saved',
    failuresShownByCaller: true,
  });
  const save = () => mutation.mutateAsync('x').then(() => setOutcome('saved'), () => setOutcome('failed'));
  return (
    <>
      <p data-testid="shown">{shown.data ?? ''}</p>
      <button type="button" onClick={() => void save()}>Save</button>
      <p data-testid="outcome">{outcome}{mutation.isPending ? 'Saving…' : ''}</p>
    </>
  );
}

describe('useOptimisticMutation and the refresh after a write', () => {
  // Finding 4 of the table pass: onSettled returned the refresh's promise, so a failed save was told only
  // after the refresh too (11.8 s for a 5 s upstream timeout) and "Saving…" lasted through it.
  for (const [what, write, outcome] of [
    ['a save that succeeded', async () => ({}), 'saved'],
    ['a save that failed', refused, 'failed'],
  ] as const) {
    it(`reports ${what} at once and refreshes in the background`, async () => {
      const user = userEvent.setup();
      let answers = 0;
      let finishRefresh = () => {};
      const refetch = () => (answers++ === 0 ? Promise.resolve('before') : new Promise<string>((resolve) => (finishRefresh = () => resolve('after'))));
      renderWithApp(<SlowRefreshWrite write={write} refetch={refetch} />);
      await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('before'));
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(screen.getByTestId('outcome').textContent).toBe(outcome));
      await waitFor(() => expect(answers).toBe(2));
      expect(screen.getByTestId('shown').textContent).toBe('before');
      finishRefresh();
      await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('after'));
    });
  }

  it('leaves a refresh that fails unreported: no unhandled rejection, the write still told', async () => {
    const user = userEvent.setup();
    let answers = 0;
    const refetch = () => (answers++ === 0 ? Promise.resolve('before') : Promise.reject(new Error('refresh failed')));
    renderWithApp(<SlowRefreshWrite write={async () => ({})} refetch={refetch} />);
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('before'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toBe('saved'));
    await waitFor(() => expect(answers).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('shown').textContent).toBe('before');
  });
});
