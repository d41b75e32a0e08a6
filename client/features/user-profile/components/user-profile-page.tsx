// A person's profile (`/user/:id`, only with indexUsers on): who they are and what they own, bookmark
// and use. An unknown id gets a page that says so, with ways on; so does an id that cannot be anyone's
// (the BFF refuses `../../api`, which the metadata service would not read as one id).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { MAX_USER_ID_LENGTH } from '../../../../contract/user';
import { searchPath, homePath } from '../../../app/paths';
import { useCurrentUser } from '../../../app/app-data';
import { ButtonLink } from '../../../components/button';
import { Chip } from '../../../components/chip';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { ResourcePage } from '../../../components/resource-page';
import { SkeletonPage } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { isApiError } from '../../../lib/api-error';
import { useUser } from '../api/get-user';
import { isEmailAddress, managerName, ProfileFacts } from './profile-header';
import type { KeyFact } from '../../../components/key-facts';
import type { User } from '../../../../contract/api-common';
import { ProfileLists } from './profile-lists';
import { ProfileSummary } from './profile-summary';
import './user-profile.css';

/** An id as a title or in a sentence: a long one cut at 60 characters ("…"), so a made-up link cannot fill the page or the tab. */
export function shortUserId(userId: string): string {
  return userId.length > 60 ? `${userId.slice(0, 59)}…` : userId;
}

/** The BFF's answer for an id no one can have (server/upstream/upstream-http.ts): a 400, `invalid_user_id`. */
function isImpossibleId(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && error.code === 'invalid_user_id';
}

/** What "Search people" searches for: the id's name part, its line breaks and other whitespace as spaces (decision 101). */
function searchTermFor(userId: string): string {
  const name = userId.split('@')[0] ?? userId;
  return shortUserId(name.replace(/\s+/g, ' ').trim() || userId.trim());
}

export function NoSuchPerson({ userId, impossible = false }: { userId: string; impossible?: boolean }) {
  // Quoted, so that whitespace around it (a pasted id with a space kept) shows, each space as it is.
  const id = (
    <>
      “<code className="user-profile__odd-id" title={userId.length > 60 ? userId : undefined}>{shortUserId(userId)}</code>”
    </>
  );
  return (
    <section className="not-found">
      <PageTitle title="No such person" />
      <h1>No such person</h1>
      <EmptyState
        action={
          <>
            <ButtonLink variant="primary" to={searchPath({ resource: 'user', term: searchTermFor(userId) })}>
              Search people
            </ButtonLink>{' '}
            <ButtonLink variant="ghost" to={homePath}>
              Go to the home page
            </ButtonLink>
          </>
        }
      >
        {impossible ? (
          <p>No one in the catalog can have the id {id}, so there is no profile to show. The link may be mistyped or cut short.</p>
        ) : (
          <p>
            Nobody with the id {id} is in the catalog. The link may be old, or the person may not have been loaded yet.
          </p>
        )}
      </EmptyState>
    </section>
  );
}

/**
 * How to reach them, at the end of the header where the side panel stands under their lists (820 px and
 * less, decision 108): their manager and email as text (the panel's order), with the link down to the panel. None for someone
 * the catalog knows nothing of but an id (the panel says so, and is short).
 */
export function profileKeyFacts(user: User): { facts: KeyFact[]; linkText: string } | undefined {
  const email = isEmailAddress(user.email) ? user.email : null;
  const manager = managerName(user);
  if (!email && !manager) return undefined;
  return {
    facts: [
      { label: 'Manager', names: manager ? [manager] : [], none: 'No manager' },
      { label: 'Email', names: email ? [email] : [], none: 'No email' },
    ],
    linkText: 'Manager, email and more',
  };
}

export interface UserProfilePageProps {
  userId: string;
  /** The person's bookmarks, from the bookmarks feature (the route puts them in). */
  bookmarks: UseQueryResult<ResourceLists>;
  /** Their recent edits, from the edit history feature: the Edits tab's panel. */
  recentEdits?: (person: { userId: string; name: string; isMe: boolean }) => ReactNode;
  /** How many edits they made, for the Edits tab's count; undefined: no count (loading, or not known). */
  editCount?: number;
}

export function UserProfilePage(props: UserProfilePageProps) {
  // An id longer than any email is nobody's: no need to ask (the BFF would refuse it as too long).
  return props.userId.length > MAX_USER_ID_LENGTH ? <NoSuchPerson userId={props.userId} /> : <Profile {...props} />;
}

function Profile({ userId, bookmarks, recentEdits, editCount }: UserProfilePageProps) {
  const query = useUser(userId);
  const me = useCurrentUser();
  if (query.isError && query.data === undefined && isImpossibleId(query.error)) return <NoSuchPerson userId={userId} impossible />;
  return (
    <QueryState
      query={query}
      loadingLabel="Loading the profile"
      loading={
        <>
          <PageTitle title={shortUserId(userId)} />
          <SkeletonPage label="Loading the profile" />
        </>
      }
      errorTitle="This profile could not be loaded"
      notFound={<NoSuchPerson userId={userId} />}
      errorFrame={(errorState) => (
        <section>
          <PageTitle title={shortUserId(userId)} />
          <h1>{shortUserId(userId)}</h1>
          {errorState}
        </section>
      )}
    >
      {(user) => {
        const isMe = user.user_id === me.user_id;
        return (
          <>
            <PageTitle title={user.display_name} />
            <ResourcePage
              className="profile"
              testId="profile"
              eyebrow={isMe ? 'Your profile' : 'Profile'}
              title={user.display_name}
              header={
                <>
                  <ProfileSummary user={user} />
                  {!user.is_active ? (
                    <p className="profile__inactive" data-testid="inactive">
                      <Chip label="No longer active" tone="badge" badgeStyle="neutral" /> {isMe ? 'Your account' : `${user.display_name}’s account`} is marked inactive in the catalog.
                    </p>
                  ) : null}
                </>
              }
              side={<ProfileFacts user={user} />}
              keyFacts={profileKeyFacts(user)}
              sideLabel={isMe ? 'About you' : `About ${user.display_name}`}
            >
              <ProfileLists user={user} isMe={isMe} bookmarks={bookmarks} edits={recentEdits?.({ userId: user.user_id, name: user.display_name, isMe })} editCount={editCount} />
            </ResourcePage>
          </>
        );
      }}
    </QueryState>
  );
}
