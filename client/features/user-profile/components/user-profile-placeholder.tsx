import type { User } from '../../../../contract/bff-api';


/** Until the full profile page lands: who this is, when it is the signed-in user. */
export function UserProfilePlaceholder({ userId, currentUser }: { userId: string; currentUser: User | undefined }) {
  const isMe = currentUser?.user_id === userId;
  const name = isMe && currentUser ? currentUser.display_name : userId;
  return (
    <section className="profile">

      <p className="eyebrow">{isMe ? 'Your profile' : 'Profile'}</p>
      <h1>{name}</h1>
      {isMe && currentUser ? (
        <dl className="facts facts--inline">
          {currentUser.email ? (
            <>
              <dt>Email</dt>
              <dd>{currentUser.email}</dd>
            </>
          ) : null}
          {currentUser.role_name ? (
            <>
              <dt>Role</dt>
              <dd>{currentUser.role_name}</dd>
            </>
          ) : null}
          {currentUser.team_name ? (
            <>
              <dt>Team</dt>
              <dd>{currentUser.team_name}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <p className="muted">Owned, bookmarked and frequently used tables will appear here in a later release.</p>
    </section>
  );
}
