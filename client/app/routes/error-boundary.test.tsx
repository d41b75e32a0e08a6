// @vitest-environment jsdom
// A page whose code does not arrive (a newer version deployed, the connection dropped) says so in words
// and offers the reload that fixes it, whichever browser or bundler message the failure came with.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from './error-boundary';

afterEach(cleanup);

function Failing({ error }: { error: Error }): never {
  throw error;
}

describe('PageErrorBoundary', () => {
  it.each([
    ['Vite, a chunk’s stylesheet gone', 'Unable to preload CSS for /assets/dashboard-route-0ld.css'],
    ['Chromium', 'Failed to fetch dynamically imported module: http://nansen/assets/table-route-0ld.js'],
    ['Firefox', 'error loading dynamically imported module: http://nansen/assets/table-route-0ld.js'],
    ['Safari', 'Importing a module script failed.'],
  ])('says a page whose code did not arrive (%s) needs a reload, not the technical message', (_, message) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <MemoryRouter>
        <PageErrorBoundary>
          <Failing error={new TypeError(message)} />
        </PageErrorBoundary>
      </MemoryRouter>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('A newer version of Nansen is available, or the connection dropped. Reload the page.');
    expect(alert.textContent).not.toContain(message);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
