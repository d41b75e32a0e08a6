// @vitest-environment jsdom
// A loading region is on the page before its words (a region that appears with its text, or is
// aria-busy and then removed, is not read by most screen readers), and says them once the load lasts;
// one load at a time, and not the same load again within a minute.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOADING_SAID_AFTER_MS, LOADING_SAID_AGAIN_AFTER_MS, SkeletonList, SkeletonPage } from './skeleton';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  // Past the minute in which a load said is not said again, so each test starts afresh.
  vi.advanceTimersByTime(LOADING_SAID_AGAIN_AFTER_MS);
  vi.useRealTimers();
});

describe.each([
  ['SkeletonList', () => <SkeletonList label="Loading popular tables" />, 'Loading popular tables'],
  ['SkeletonPage', () => <SkeletonPage label="Loading the page" />, 'Loading the page'],
] as const)('%s', (_name, element, label) => {
  it('renders its status region empty and not busy, then puts the words in', () => {
    render(element());
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    expect(status.closest('[aria-busy]')).toBeNull();
    act(() => vi.advanceTimersByTime(LOADING_SAID_AFTER_MS - 1));
    expect(status.textContent).toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe(label);
  });
});

describe('loading said without chatter', () => {
  const said = () => screen.queryAllByRole('status').map((status) => status.textContent);

  it('says one load at a time: of loads starting together, the first', () => {
    render(
      <>
        <SkeletonList label="Loading your bookmarks" />
        <SkeletonList label="Loading tags" />
      </>,
    );
    act(() => vi.advanceTimersByTime(LOADING_SAID_AFTER_MS));
    expect(said()).toEqual(['Loading your bookmarks', '']);
  });

  it('does not say a load again that it said in the last minute (a background load after a save), but says it after', () => {
    const { unmount } = render(<SkeletonPage label="Loading table core.customers" />);
    act(() => vi.advanceTimersByTime(LOADING_SAID_AFTER_MS));
    expect(said()).toEqual(['Loading table core.customers']);
    unmount();
    const again = render(<SkeletonPage label="Loading table core.customers" />);
    act(() => vi.advanceTimersByTime(LOADING_SAID_AFTER_MS));
    expect(said()).toEqual(['']);
    again.unmount();
    // Another load is said meanwhile: the one before has ended.
    const other = render(<SkeletonPage label="Loading table core.orders" />);
    act(() => vi.advanceTimersByTime(LOADING_SAID_AFTER_MS));
    expect(said()).toEqual(['Loading table core.orders']);
    other.unmount();
    act(() => vi.advanceTimersByTime(LOADING_SAID_AGAIN_AFTER_MS));
    render(<SkeletonPage label="Loading table core.customers" />);
    act(() => vi.advanceTimersByTime(LOADING_SAID_AFTER_MS));
    expect(said()).toEqual(['Loading table core.customers']);
  });
});
