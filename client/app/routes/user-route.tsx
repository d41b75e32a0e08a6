import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
import { isImpossibleUserId } from '../../../contract/impossible-user-id';
import { useUserBookmarks } from '../../features/bookmarks/api/get-user-bookmarks';
import { WithBookmarkStars } from '../../features/bookmarks/components/bookmark-toggle';
import { useUserEditCount } from '../../features/edit-history/api/get-user-edits';
import { UserEdits } from '../../features/edit-history/components/user-edits';
import { userQueryOptions, useUser } from '../../features/user-profile/api/get-user';
import { userOwnedQueryOptions } from '../../features/user-profile/api/get-user-owned';
import { NoSuchPerson, UserProfilePage } from '../../features/user-profile/components/user-profile-page';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import { userIdFromPath } from '../path-keys';
import { userPath } from '../paths';
import type { Prefetch } from '../prefetch';
import { usePageAt } from '../use-page-at';
import { NotFoundAt } from './not-found-route';

/**
 * A profile opened by an email id in other case than the person's (decision 088), or by an id with
 * whitespace around it (decision 093): the BFF answers with the person, and the page moves to the URL of
 * their own id in place of this one (no new history entry), its query and hash kept. Only such a
 * difference moves it; the BFF never answers another id.
 */
function useCanonicalUserPath(userId: string) {
  const { data: user } = useUser(userId);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { search, hash } = useLocation();
  useEffect(() => {
    const canonical = user?.user_id;
    if (!user || !canonical || canonical === userId || canonical.toLowerCase() !== userId.trim().toLowerCase()) return;
    queryClient.setQueryData(userQueryOptions(canonical).queryKey, user);
    void navigate({ pathname: userPath(canonical), search, hash }, { replace: true });
  }, [user, userId, search, hash, queryClient, navigate]);
}

/** The profile with what other features add: the person's bookmarks, a bookmark star on each listed item, and their recent edits with their count. */
function Profile({ userId }: { userId: string }) {
  useCanonicalUserPath(userId);
  const bookmarks = useUserBookmarks(userId, { enabled: useUiConfig().bookmarks.enabled });
  const editCount = useUserEditCount(userId);
  return (
    <WithBookmarkStars>
      <UserProfilePage userId={userId} bookmarks={bookmarks} recentEdits={(person) => <UserEdits {...person} />} editCount={editCount} />
    </WithBookmarkStars>
  );
}

/**
 * `/user/:userId`, only while people are indexed (indexUsers); else the not-found page, saying why, even
 * for you. The id comes from the encoded path (userIdFromPath), so every id, "/" and "%2F" in it included, round-trips.
 */
export function UserRoute() {
  const at = usePageAt();
  // No id, or profiles are off: the "Page not found" the BFF sent a 404 for (contract/spa-page-at.ts).
  if (at.page !== 'user') return <NotFoundAt at={at} />;
  const { userId } = at;
  // An id longer than any email, or with a line break in it, is nobody's: the page says so without asking
  // for them, their bookmarks or edits (the BFF sent it with a 404, decision 101).
  // (Read here, not in contract/spa-page-at.ts, which the first page loads: decision 007.)
  if (isImpossibleUserId(userId)) return <NoSuchPerson userId={userId} impossible />;
  return <Profile key={userId} userId={userId} />;
}

export const prefetch: Prefetch = (queryClient, { pathname }) => {
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  const userId = userIdFromPath(pathname);
  if (!userId?.trim() || isImpossibleUserId(userId) || !config?.indexUsers.enabled) return;
  void queryClient.prefetchQuery(userQueryOptions(userId));
  void queryClient.prefetchQuery(userOwnedQueryOptions(userId));
};

export default UserRoute;
