// @vitest-environment jsdom
// Back returns to where the page was left, also after its URL was replaced (a profile's pager, a tab)
// with no scroll since: the replaced entry keeps the position.
import { act, cleanup, render } from '@testing-library/react';
import { MemoryRouter, useNavigate, type NavigateFunction } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScrollRestoration } from './use-scroll-restoration';

let navigate: NavigateFunction;
function Shell() {
  useScrollRestoration();
  navigate = useNavigate();
  return null;
}

const scrollTo = vi.fn();
function scrollWindowTo(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  window.dispatchEvent(new Event('scroll'));
}

beforeEach(() => {
  scrollTo.mockReset();
  vi.stubGlobal('scrollTo', scrollTo);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});

describe('scroll restoration', () => {
  it('goes back to where a page was left after its URL was replaced with no scroll since (the pager’s Next)', async () => {
    render(
      <MemoryRouter initialEntries={['/user/liv']}>
        <Shell />
      </MemoryRouter>,
    );
    scrollTo.mockClear();
    scrollWindowTo(900);
    // Next on the profile's list: the URL is replaced; the page stays where it is, no scroll event.
    await act(() => navigate('/user/liv?page=2', { replace: true }));
    expect(scrollTo).not.toHaveBeenCalled();
    await act(() => navigate('/table/x'));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    await act(() => navigate(-1));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 900);
  });

  it('still starts a new page at the top and returns to a position scrolled to after the replace', async () => {
    render(
      <MemoryRouter initialEntries={['/user/liv']}>
        <Shell />
      </MemoryRouter>,
    );
    scrollWindowTo(300);
    await act(() => navigate('/user/liv?tab=edits', { replace: true }));
    scrollWindowTo(450);
    await act(() => navigate('/table/x'));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);
    await act(() => navigate(-1));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 450);
  });
});
