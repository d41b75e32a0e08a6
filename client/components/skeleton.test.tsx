// @vitest-environment jsdom
// A loading region is on the page before its words (a region that appears with its text, or is
// aria-busy and then removed, is not read by most screen readers), and says them once the load lasts.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOADING_SAID_AFTER_MS, SkeletonList, SkeletonPage } from './skeleton';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
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
