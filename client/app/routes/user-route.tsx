import { useParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { UserProfilePlaceholder } from '../../features/user-profile/components/user-profile-placeholder';
import { useCurrentUser, useUiConfig } from '../app-data';
import { NotFoundRoute } from './not-found-route';

export function UserRoute() {
  const { userId = '' } = useParams();
  const config = useUiConfig();
  const currentUser = useCurrentUser();
  if (!config.indexUsers.enabled) return <NotFoundRoute />;
  return (
    <>
      <PageTitle title={userId} />
      <UserProfilePlaceholder userId={userId} currentUser={currentUser} />
    </>
  );
}

export default UserRoute;
