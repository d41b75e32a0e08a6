// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error';
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
