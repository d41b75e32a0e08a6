// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundRoute } from './not-found-route';

afterEach(cleanup);

function renderAt(path: string, reason?: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <NotFoundRoute reason={reason} />
    </MemoryRouter>,
  );
  return screen.getByRole('heading', { level: 1 }).parentElement!.textContent;
}

describe('NotFoundRoute', () => {
  it('names the path that has no page, and where to go instead', () => {
    const text = renderAt('/nowhere/at-all');
    expect(text).toContain('There is no page at /nowhere/at-all. Search from the box above, or start again from the home page.');
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
  });

  it('says why, when the page exists but is turned off', () => {
    const text = renderAt('/user/liv', "People's profile pages are turned off in this catalog.");
    expect(text).toContain("People's profile pages are turned off in this catalog. Search from the box above, or start again from the home page.");
    expect(text).not.toContain('There is no page at');
  });
});
