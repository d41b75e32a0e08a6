// The bookmarks feature's query keys. The signed-in person's bookmarks are ONE cache entry (`mine`):
// the toggles read and patch it, and the home page's "My bookmarks" and their own profile's Bookmarked
// tab show it. Someone else's bookmarks (on their profile) are `user(id)`. A toggle settles by
// invalidating `all`.
export const bookmarkKeys = {
  all: ['bookmarks'] as const,
  mine: () => [...bookmarkKeys.all, 'mine'] as const,
  user: (userId: string) => [...bookmarkKeys.all, 'user', userId] as const,
  /** The key of every bookmark toggle's mutation. */
  toggle: () => [...bookmarkKeys.all, 'toggle'] as const,
};
