// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useSearchParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pagination } from './pagination';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Pages({ replace }: { replace?: boolean }) {
  const [params] = useSearchParams();
  const pageIndex = Number(params.get('page') ?? '1') - 1;
  return <Pagination pageIndex={pageIndex} perPage={10} totalItems={54} hrefForPage={(i) => `/list?page=${i + 1}`} label="Pages of things" replace={replace} />;
}

function renderAt(url: string, replace?: boolean) {
  const router = createMemoryRouter([{ path: '/list', element: <Pages replace={replace} /> }, { path: '/', element: <p>start</p> }], { initialEntries: ['/', url], initialIndex: 1 });
  render(<RouterProvider router={router} />);
  return router;
}

const pages = () => screen.getByRole('navigation', { name: 'Pages of things' });
/** What the pager says to screen readers as it changes (it shows the numbers instead). */
const said = () => pages().querySelector('[aria-live]')?.textContent;
/** The numbers a wide or a narrow pager shows (jsdom applies no CSS: by their classes), the current one in brackets. */
const shownWhen = (width: 'wide' | 'narrow') =>
  [...pages().querySelectorAll('.pagination__page, .pagination__gap')]
    .filter((item) => !item.classList.contains(`pagination__${width === 'wide' ? 'narrow' : 'wide'}`))
    .map((item) => (item.hasAttribute('aria-current') ? `[${item.textContent}]` : item.textContent))
    .join(' ');

describe('Pagination', () => {
  it('says "Page n of m" to screen readers, Previous and Next leading nowhere at either end disabled, with no address', () => {
    renderAt('/list');
    expect(said()).toBe('Page 1 of 6');
    const previous = within(pages()).getByRole('link', { name: 'Previous' });
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    expect(previous.hasAttribute('href')).toBe(false);
    expect(within(pages()).getByRole('link', { name: 'Next' }).getAttribute('href')).toBe('/list?page=2');
    expect(within(pages()).getByRole('link', { name: 'Next' }).hasAttribute('aria-disabled')).toBe(false);
    cleanup();
    renderAt('/list?page=6');
    expect(said()).toBe('Page 6 of 6');
    expect(within(pages()).getByRole('link', { name: 'Previous' }).getAttribute('href')).toBe('/list?page=5');
    const next = within(pages()).getByRole('link', { name: 'Next' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(next.hasAttribute('href')).toBe(false);
  });

  it('lists the first, the last and the nearest page numbers as links, the current one marked, gaps between', () => {
    renderAt('/list?page=3');
    // Previous, the numbers, Next, in that order; every number a link to its page.
    expect(within(pages()).getAllByRole('link').map((link) => link.textContent)).toEqual(['Previous', '1', '2', '3', '4', '5', '6', 'Next']);
    const third = within(pages()).getByRole('link', { name: 'Page 3' });
    expect(third.getAttribute('aria-current')).toBe('page');
    expect(third.getAttribute('href')).toBe('/list?page=3');
    expect(within(pages()).getByRole('link', { name: 'Page 6' }).getAttribute('href')).toBe('/list?page=6');
    expect(within(pages()).getByRole('link', { name: 'Page 6' }).hasAttribute('aria-current')).toBe(false);
    expect(pages().querySelectorAll('[aria-current]')).toHaveLength(1);
    // A narrow pager (pagination.css) hides the pages either side of the current one, a gap in their place.
    expect(shownWhen('narrow')).toBe('1 2 [3] … 6');
    expect(shownWhen('wide')).toBe('1 2 [3] 4 5 6');
  });

  it('keeps focus on a page number chosen with Enter in a pager inside a page, now the current one', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list?page=1', true);
    within(pages()).getByRole('link', { name: 'Page 3' }).focus();
    await user.keyboard('{Enter}');
    expect(router.state.location.search).toBe('?page=3');
    expect(said()).toBe('Page 3 of 6');
    expect(document.activeElement).toBe(within(pages()).getByRole('link', { name: 'Page 3' }));
    expect(document.activeElement?.getAttribute('aria-current')).toBe('page');
    await user.keyboard('{Enter}');
    expect(router.state.location.search).toBe('?page=3');
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/');
  });

  it('past the last page, says so rather than "Page 6 of 6": no number is current, and Previous leads to the last page', () => {
    renderAt('/list?page=99');
    expect(said()).toBe('Page 99 is past the last page, page 6.');
    expect(pages().querySelectorAll('[aria-current]')).toHaveLength(0);
    expect(within(pages()).getByRole('link', { name: 'Previous' }).getAttribute('href')).toBe('/list?page=6');
    expect(within(pages()).getByRole('link', { name: 'Page 6' }).getAttribute('href')).toBe('/list?page=6');
    expect(within(pages()).getByRole('link', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('keeps keyboard focus on Next when Enter reaches the last page, and on Previous at the first, where Enter then does nothing', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list?page=5', true);
    within(pages()).getByRole('link', { name: 'Next' }).focus();
    await user.keyboard('{Enter}');
    expect(said()).toBe('Page 6 of 6');
    expect(document.activeElement).toBe(within(pages()).getByRole('link', { name: 'Next' }));
    expect(document.activeElement?.getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{Enter}');
    await user.click(within(pages()).getByRole('link', { name: 'Next' }));
    expect(router.state.location.search).toBe('?page=6');
    // Tab still moves on from it, as from any link.
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    cleanup();

    renderAt('/list?page=2', true);
    within(pages()).getByRole('link', { name: 'Previous' }).focus();
    await user.keyboard('{Enter}');
    expect(said()).toBe('Page 1 of 6');
    expect(document.activeElement).toBe(within(pages()).getByRole('link', { name: 'Previous' }));
    expect(document.activeElement?.getAttribute('aria-disabled')).toBe('true');
  });

  it('adds a history entry per page, or with `replace` changes the URL only', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list');
    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(said()).toBe('Page 2 of 6');
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('');
    cleanup();

    const replacing = renderAt('/list', true);
    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(said()).toBe('Page 2 of 6');
    expect(replacing.state.location.search).toBe('?page=2');
    await act(() => replacing.navigate(-1));
    expect(replacing.state.location.pathname).toBe('/');
  });

  describe('a pager inside a page (replace), when the next page is shorter and pulls it up out of the window', () => {
    // jsdom lays nothing out: where the focused link ends up after the move is given, as the browser
    // measured it on the home page at 1280 px (My bookmarks' Next 241 px above the window).
    function placeLinksAt(top: number) {
      vi.spyOn(HTMLAnchorElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: top, width: 80, height: 36 }));
      const scrolled: Element[] = [];
      const scrollIntoView = vi.fn(function (this: Element) {
        scrolled.push(this);
      });
      Object.defineProperty(Element.prototype, 'scrollIntoView', { configurable: true, value: scrollIntoView });
      return { scrollIntoView, scrolled };
    }

    it('scrolls the focused Next back into view, to the bottom of the window with the page of the list above it', async () => {
      const user = userEvent.setup();
      renderAt('/list?page=5', true);
      const next = within(pages()).getByRole('link', { name: 'Next' });
      next.focus();
      const { scrollIntoView, scrolled } = placeLinksAt(-241);
      await user.keyboard('{Enter}');
      expect(said()).toBe('Page 6 of 6');
      expect(document.activeElement).toBe(next);
      expect(scrollIntoView).toHaveBeenCalledWith({ block: 'end' });
      expect(scrolled).toEqual([next]);
    });

    it('leaves the scroll alone when the focused link is still in view, or focus is elsewhere, or the pager adds history entries', async () => {
      const user = userEvent.setup();
      renderAt('/list?page=4', true);
      within(pages()).getByRole('link', { name: 'Next' }).focus();
      const inView = placeLinksAt(400);
      await user.keyboard('{Enter}');
      expect(said()).toBe('Page 5 of 6');
      expect(inView.scrollIntoView).not.toHaveBeenCalled();
      cleanup();

      const router = renderAt('/list?page=4', true);
      const elsewhere = placeLinksAt(-241);
      await act(() => router.navigate('/list?page=5', { replace: true }));
      expect(said()).toBe('Page 5 of 6');
      expect(elsewhere.scrollIntoView).not.toHaveBeenCalled();
      cleanup();

      renderAt('/list?page=4');
      within(pages()).getByRole('link', { name: 'Next' }).focus();
      const pushing = placeLinksAt(-241);
      await user.keyboard('{Enter}');
      expect(said()).toBe('Page 5 of 6');
      expect(pushing.scrollIntoView).not.toHaveBeenCalled();
    });
  });
});
