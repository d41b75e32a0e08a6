import { useParams } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
import { useUserBookmarks } from '../../features/bookmarks/api/get-user-bookmarks';
import { WithBookmarkStars } from '../../features/bookmarks/components/bookmark-toggle';
import { UserEdits } from '../../features/edit-history/components/user-edits';
import { userQueryOptions } from '../../features/user-profile/api/get-user';
import { userOwnedQueryOptions } from '../../features/user-profile/api/get-user-owned';
import { UserProfilePage } from '../../features/user-profile/components/user-profile-page';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import type { Prefetch } from '../prefetch';
import { NotFoundRoute } from './not-found-route';

/** The profile with what other features add: the person's bookmarks, a bookmark star on each listed item, and their recent edits. */
function Profile({ userId }: { userId: string }) {
  const bookmarks = useUserBookmarks(userId, { enabled: useUiConfig().bookmarks.enabled });
  return (
    <WithBookmarkStars>
      <UserProfilePage userId={userId} bookmarks={bookmarks} recentEdits={(person) => <UserEdits {...person} />} />
    </WithBookmarkStars>
  );
}

/** `/user/:userId`, only while people are indexed (indexUsers); else the not-found page, saying why, even for you. */
export function UserRoute() {
  const { userId = '' } = useParams();
  const config = useUiConfig();
  if (userId.trim() === '') return <NotFoundRoute />;
  // A saved Amundsen link to a person: say why it leads nowhere here, rather than only that it does.
  if (!config.indexUsers.enabled) return <NotFoundRoute reason="People's profile pages are turned off in this catalog." />;
  return <Profile key={userId} userId={userId} />;
}

export const prefetch: Prefetch = (queryClient, { params }) => {
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  if (!params.userId || !config?.indexUsers.enabled) return;
  void queryClient.prefetchQuery(userQueryOptions(params.userId));
  void queryClient.prefetchQuery(userOwnedQueryOptions(params.userId));
};

export default UserRoute;
