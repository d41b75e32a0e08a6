import { useParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { ErrorState, SkeletonList } from '../../components/status';
import { useClientConfig } from '../../features/app-config/api/get-client-config';
import { useAuthUser } from '../../features/auth/api/get-auth-user';
import { UserProfilePlaceholder } from '../../features/user-profile/components/user-profile-placeholder';
import { describeError } from '../../lib/api-error';

export function UserRoute() {
  const { userId = '' } = useParams();
  const config = useClientConfig();
  const currentUser = useAuthUser();

  if (config.isPending) return <SkeletonList rows={1} label="Loading profile" />;
  if (config.isError) {
    return (
      <ErrorState
        title="The profile could not be loaded"
        message={describeError(config.error)}
        onRetry={() => void config.refetch()}
      />
    );
  }
  if (!config.data.indexUsers.enabled) {
    return (
      <section className="state state--empty">
        <PageTitle title="User profiles are turned off" />
        <h1>User profiles are turned off</h1>
        <p>This catalog does not index people, so there is no profile page for {userId}.</p>
      </section>
    );
  }
  return <UserProfilePlaceholder userId={userId} currentUser={currentUser.data} />;
}
