import { Link } from 'react-router';
import { useAuthUser } from '../api/get-auth-user';

/** The signed-in user's name (a profile link when profiles are on) and the log-out button. */
export function CurrentUser({ profilePath }: { profilePath?: (userId: string) => string }) {
  const { data: user } = useAuthUser();
  return (
    <div className="current-user">
      {user ? (
        <span data-testid="current-user" className="current-user__name">
          {profilePath ? <Link to={profilePath(user.user_id)}>{user.display_name}</Link> : user.display_name}
        </span>
      ) : (
        <span className="current-user__name current-user__name--loading" aria-hidden="true" />
      )}
      <form method="post" action="/logout" className="logout-form">
        <button type="submit" className="link-button">
          Log out
        </button>
      </form>
    </div>
  );
}
