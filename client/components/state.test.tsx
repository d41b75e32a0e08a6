// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error';
import { Panel } from './panel';
import { ErrorState, WITHHELD } from './state';

afterEach(cleanup);

const LIV_NOW = 'You are now signed in as Liv Arnesen in another tab or window; reload this page.';
const failure = (status: number, name = 'HttpError', code?: string) => new ApiError(status, name, `Failed with ${status}`, code);

describe('ErrorState', () => {
  it('describes each "Try again" by what failed, so two on one page can be told apart', () => {
    render(
      <>
        <ErrorState title="Tags could not be loaded" error={failure(502, 'UpstreamError')} onRetry={() => {}} />
        <ErrorState title="Badges could not be loaded" error={failure(502, 'UpstreamError')} onRetry={() => {}} />
      </>,
    );
    const buttons = screen.getAllByRole('button', { name: 'Try again' });
    expect(buttons.map((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent)).toEqual(['Tags could not be loaded', 'Badges could not be loaded']);
    expect(screen.getByRole('button', { description: 'Badges could not be loaded' })).toBe(buttons[1]);
  });

  it.each([
    ['no answer (network trouble)', new ApiError(0, 'NetworkError', 'Could not reach the server.')],
    ['a 500', failure(500)],
    ['a 502', failure(502, 'UpstreamError')],
    ['a 503', failure(503)],
    ['a 504 (a timeout)', failure(504, 'UpstreamTimeout')],
    ['a 408', failure(408)],
    ['a 429', failure(429, 'TooManyRequestsError')],
    ['an error of unknown cause', new Error('Boom')],
  ])('offers Try again for %s, which a retry may fix', async (_what, error) => {
    const retry = vi.fn();
    render(<ErrorState title="Popular tables could not be loaded" error={error} onRetry={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Popular tables could not be loaded');
    expect(alert.textContent).toContain(error.message);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a 400 (a bad address)', new ApiError(400, 'InputError', 'The path parameter "user_id" has a "." or ".." between slashes.', 'invalid_input')],
    ['a 403', failure(403, 'NotAllowedError')],
    ['a 404', failure(404, 'NotFoundError')],
    ['a 409', failure(409, 'ConflictError', 'edit_conflict')],
    ['a 422', failure(422)],
    ['an answer this page does not understand', new ApiError(0, 'InvalidResponse', 'The server sent a response this page does not understand.')],
    ['a service Nansen is set up wrong to reach (decision 078)', new ApiError(502, 'UpstreamError', 'The metadata service was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.', 'upstream_misconfigured')],
  ])('offers no Try again for %s, refused the same way again, but says why', (_what, error) => {
    render(<ErrorState title="This profile could not be loaded" error={error} onRetry={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toContain(error.message);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("stands quietly aside for a read refused because another tab signed in as someone else: no alert, no title, no sentence, no Try again", () => {
    const { container } = render(<ErrorState title="Popular tables could not be loaded" error={new ApiError(409, 'ConflictError', LIV_NOW, 'session_user_changed')} onRetry={vi.fn()} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.textContent).toBe(WITHHELD);
    expect(container.querySelector('.state--error')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('focus after "Try again"', () => {
  // A panel as on the home page: while `shown` is 'error', the error state; a retry makes it 'loading' (a skeleton), then what `next` says.
  function Retrying({ next }: { next: () => 'content' | 'error' }) {
    const [shown, setShown] = useState<'error' | 'loading' | 'content'>('error');
    const [round, setRound] = useState(0);
    return (
      <Panel title="Popular tables">
        {shown === 'error' ? (
          <ErrorState key={round} title="Popular tables could not be loaded" error={failure(502, 'UpstreamError')} onRetry={() => setShown('loading')} />
        ) : shown === 'loading' ? (
          <button type="button" onClick={() => { setRound(round + 1); setShown(next()); }}>
            Finish loading
          </button>
        ) : (
          <p>Table one</p>
        )}
      </Panel>
    );
  }

  it('goes to the heading of what now shows the content when the retry works, not to <body>', async () => {
    const user = userEvent.setup();
    render(<Retrying next={() => 'content'} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    // The skeleton stands in: focus is on the panel's heading already, not lost.
    const heading = screen.getByRole('heading', { name: 'Popular tables' });
    expect(document.activeElement).toBe(heading);
    act(() => screen.getByRole('button', { name: 'Finish loading' }).click());
    expect(screen.getByText('Table one')).toBeTruthy();
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('goes back to the new "Try again" when the retry fails again', async () => {
    const user = userEvent.setup();
    render(<Retrying next={() => 'error'} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    act(() => screen.getByRole('button', { name: 'Finish loading' }).click());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }));
  });

  it('goes to the heading when the error state is replaced at once by the content', async () => {
    function AtOnce() {
      const [ok, setOk] = useState(false);
      return <Panel title="Badges">{ok ? <p>A badge</p> : <ErrorState error={failure(503)} onRetry={() => setOk(true)} />}</Panel>;
    }
    render(<AtOnce />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Badges' }));
  });

  it('leaves focus alone when the person has moved on while the retry ran', async () => {
    function Elsewhere() {
      const [ok, setOk] = useState(false);
      const [armed, setArmed] = useState(false);
      return (
        <>
          <Panel title="Badges">{ok ? <p>A badge</p> : <ErrorState error={failure(503)} onRetry={() => setArmed(true)} />}</Panel>
          <button type="button" disabled={!armed} onClick={() => setOk(true)}>
            Elsewhere
          </button>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Elsewhere />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    await user.click(elsewhere);
    expect(document.activeElement).toBe(elsewhere);
  });
});
