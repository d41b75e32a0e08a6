import { describe, expect, it } from 'vitest';
import { updatedAgo } from './updated-ago';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const ago = (seconds: number) => updatedAgo(NOW / 1000 - seconds, NOW);

describe('updatedAgo', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(ago(30)).toBe('Updated just now');
    expect(ago(5 * 60)).toBe('Updated 5 minutes ago');
    expect(ago(3 * 3600 + 59 * 60)).toBe('Updated 3 hours ago');
    expect(ago(86_400)).toBe('Updated yesterday');
    expect(ago(3 * 86_400 + 3600)).toBe('Updated 3 days ago');
    expect(ago(15 * 86_400)).toBe('Updated 2 weeks ago');
    expect(ago(61 * 86_400)).toBe('Updated 2 months ago');
    expect(ago(800 * 86_400)).toBe('Updated 2 years ago');
    // Not "last year" or "last month", which read as the calendar's.
    expect(ago(540 * 86_400)).toBe('Updated 1 year ago');
    expect(ago(35 * 86_400)).toBe('Updated 1 month ago');
    expect(ago(3600)).toBe('Updated 1 hour ago');
  });

  it('says "just now" of a time ahead of the clock', () => {
    expect(ago(-3600)).toBe('Updated just now');
  });
});
