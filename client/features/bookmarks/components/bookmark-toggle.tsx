// The bookmark toggle of a table or dashboard (on its page, "Bookmark"; in a search result, a star
// named "Bookmark <name>"): a button with aria-pressed, pressed while the resource is in the
// signed-in person's bookmarks. It reads and changes that one list, so every toggle of the same
// resource, "My bookmarks" on the home page and the profile's Bookmarked tab agree at once. In a list
// of tables and dashboards (`WithBookmarkStars`) each item has the star, beside its link.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useUiConfig } from '../../../app/app-data';
import { Button } from '../../../components/button';
import { cx } from '../../../components/class-names';
import { ResourceItemActions, type ResourceSummary } from '../../../components/resource-list';
import { myBookmarksQueryOptions } from '../api/get-my-bookmarks';
import { useSetBookmark, type SetBookmarkInput } from '../api/set-bookmark';
import { isBookmarked } from '../bookmark-lists';
import './bookmark-toggle.css';

function StarIcon() {
  return (
    <svg className="bookmark-toggle__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M10 1.8l2.47 5.1 5.6.78-4.08 3.92.99 5.57L10 14.5l-4.98 2.67.99-5.57L1.93 7.68l5.6-.78z" />
    </svg>
  );
}

export interface BookmarkToggleProps {
  item: ResourceSummary;
  /** The resource's name as people read it ("sales.orders"), for messages and the compact label. */
  name: string;
  /** `page`: the word "Bookmark" beside the star; `compact`: the star alone, named "Bookmark <name>". */
  variant?: 'page' | 'compact';
}

export function BookmarkToggle({ item, name, variant = 'page' }: BookmarkToggleProps) {
  const enabled = useUiConfig().bookmarks.enabled;
  const mine = useQuery({ ...myBookmarksQueryOptions(), enabled, select: (lists) => isBookmarked(lists, item) });
  const toggle = useSetBookmark();
  if (!enabled) return null;
  return <BookmarkButton item={item} name={name} variant={variant} pressed={mine.data} failed={mine.isError} onToggle={toggle.mutate} />;
}

/**
 * Toggles for many resources at once (a page of search results): one read of the bookmarks and one
 * mutation for all of them, instead of a query and a mutation per toggle. Null when bookmarks are off.
 */
export function useBookmarkToggles(): ((item: ResourceSummary, name: string) => ReactNode) | null {
  const enabled = useUiConfig().bookmarks.enabled;
  const mine = useQuery({ ...myBookmarksQueryOptions(), enabled });
  const toggle = useSetBookmark();
  if (!enabled) return null;
  return (item, name) => (
    <BookmarkButton item={item} name={name} variant="compact" pressed={mine.data && isBookmarked(mine.data, item)} failed={mine.isError} onToggle={toggle.mutate} />
  );
}

/**
 * Gives every resource list inside (a profile's tabs, a dashboard's "Tables used", a table's
 * dashboards) a star per item, from one read of the bookmarks. Nothing when bookmarks are off.
 */
export function WithBookmarkStars({ children }: { children: ReactNode }) {
  return <ResourceItemActions value={useBookmarkToggles()}>{children}</ResourceItemActions>;
}

interface BookmarkButtonProps extends Required<BookmarkToggleProps> {
  /** Whether the resource is bookmarked; undefined while the bookmarks are not known. */
  pressed: boolean | undefined;
  /** The bookmarks could not be loaded. */
  failed: boolean;
  onToggle: (input: SetBookmarkInput) => void;
}

function BookmarkButton({ item, name, variant, pressed, failed, onToggle }: BookmarkButtonProps) {
  const known = pressed !== undefined;
  const label = variant === 'compact' ? `Bookmark ${name}` : 'Bookmark';
  const hint = !known ? (failed ? 'Your bookmarks could not be loaded' : 'Loading your bookmarks') : pressed ? 'Remove the bookmark' : 'Bookmark to find it on your home page';
  return (
    <Button
      variant="secondary"
      size={variant === 'compact' ? 'sm' : 'md'}
      className={cx('bookmark-toggle', `bookmark-toggle--${variant}`, pressed && 'bookmark-toggle--on')}
      aria-pressed={pressed ?? false}
      aria-label={variant === 'compact' ? label : undefined}
      title={hint}
      disabled={!known}
      data-testid="bookmark-toggle"
      onClick={() => onToggle({ item, bookmarked: !pressed, name })}
    >
      <StarIcon />
      {variant === 'page' ? label : null}
    </Button>
  );
}
