// @vitest-environment jsdom
// The conflict view's two versions and their differences scroll inside boxes of at most 16 rem: each is
// a named Tab stop while it scrolls, and not when it fits (decision 038's rule). jsdom has no layout:
// the boxes' heights are stubbed, as a browser would report them.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConflictView } from './conflict-view';
import { renderWithApp } from './testing/render-with-app';

/** Boxes whose test id is in `tall` report content taller than themselves. */
function stubHeights(tall: string[]) {
  const of = (element: HTMLElement) => (tall.includes(element.dataset['testid'] ?? '') ? 900 : 100);
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return of(this);
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return Math.min(of(this), 256);
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const noop = () => {};
const view = (byYou = false) => (
  <ConflictView
    theirs={{ description: 'Theirs, long', edited_by: 'liv@example.org', edited_at: null, edited_by_id: 'liv@example.org' }}
    mine="Mine, short"
    merged="Mine, short"
    onMergedChange={noop}
    onKeepMine={noop}
    onKeepTheirs={noop}
    onSaveMerged={noop}
    onCancel={noop}
    byYou={byYou}
    maxLength={750}
    saving={false}
  />
);

describe('ConflictView', () => {
  it('makes a version or the differences that scroll a named Tab stop, and one that fits none', () => {
    stubHeights(['conflict-theirs', 'conflict-diff']);
    renderWithApp(view());
    const theirs = screen.getByRole('group', { name: 'Theirs, scrolls' });
    expect(theirs).toBe(screen.getByTestId('conflict-theirs'));
    expect(theirs.tabIndex).toBe(0);
    expect(screen.getByRole('group', { name: 'What differs, scrolls' })).toBe(screen.getByTestId('conflict-diff'));
    const mine = screen.getByTestId('conflict-mine');
    expect(mine.hasAttribute('tabindex')).toBe(false);
    expect(mine.hasAttribute('role')).toBe(false);
    expect(mine.hasAttribute('aria-label')).toBe(false);
  });

  it('names the other side as its heading does when it was the person’s own save elsewhere', () => {
    stubHeights(['conflict-theirs', 'conflict-mine']);
    renderWithApp(view(true));
    expect(screen.getByRole('group', { name: 'The other tab’s, scrolls' })).toBe(screen.getByTestId('conflict-theirs'));
    expect(screen.getByRole('group', { name: 'Mine, scrolls' })).toBe(screen.getByTestId('conflict-mine'));
  });
});
