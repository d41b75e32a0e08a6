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

/** The window's scroll position, as scrolling by hand or by `scrollTo` sets it. */
function setScrollY(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
}
const scrollTo = vi.fn();
function scrollWindowTo(y: number) {
  setScrollY(y);
  window.dispatchEvent(new Event('scroll'));
}

beforeEach(() => {
  scrollTo.mockReset();
  scrollTo.mockImplementation((_x: number, y: number) => setScrollY(y));
  vi.stubGlobal('scrollTo', scrollTo);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});

describe('scroll restoration', () => {
  it('goes back to where a page was left after its URL was replaced with no scroll since (the pager’s Next)', async () => {
    render(
      <MemoryRouter initialEntries={[{ pathname: '/user/liv', key: 'first-1' }]}>
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
    await act(() => navigate(-1));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 900);
  });

  it('keeps trying to go back to the position while the page is too short to be scrolled there', async () => {
    render(
      <MemoryRouter initialEntries={[{ pathname: '/user/liv', key: 'first-2' }]}>
        <Shell />
      </MemoryRouter>,
    );
    scrollWindowTo(1100);
    await act(() => navigate('/table/x'));
    // Back: the page is still 249 px short of it for a few frames (its lists rendering), then long enough.
    let shortFrames = 3;
    scrollTo.mockImplementation((_x: number, y: number) => setScrollY(shortFrames-- > 0 ? Math.min(y, 249) : y));
    await act(() => navigate(-1));
    await vi.waitFor(() => expect(window.scrollY).toBe(1100));
    expect(scrollTo.mock.calls.length).toBeGreaterThan(3);
  });

  it('files no position under a page whose address was already left (the next page not yet drawn)', async () => {
    render(
      <MemoryRouter initialEntries={[{ pathname: '/user/liv', key: 'first-9' }]}>
        <Shell />
      </MemoryRouter>,
    );
    scrollWindowTo(1100);
    // A link was followed: the address is the next entry's, the old page shrinks under the window.
    window.history.replaceState({ key: 'next-entry' }, '');
    try {
      scrollWindowTo(249);
    } finally {
      window.history.replaceState(null, '');
    }
    await act(() => navigate('/table/x'));
    await act(() => navigate(-1));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 1100);
  });

  it('still starts a new page at the top and returns to a position scrolled to after the replace', async () => {
    render(
      <MemoryRouter initialEntries={[{ pathname: '/user/liv', key: 'first-3' }]}>
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
