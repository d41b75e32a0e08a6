// A person's name where it leads somewhere: the in-app profile when user profiles are on
// (indexUsers), else their external profile page when it is a safe http(s) address, else nowhere.
// Someone the catalog marks inactive (`is_active: false`) is said to be so after the name, wherever
// they appear (owners, frequent users), so nobody asks a person who has left.
import { Link } from 'react-router';
import type { User } from '../../contract/api-common';
import { useUiConfig } from '../app/app-data';
import { userPath } from '../app/paths';
import { safeHttpUrl } from './safe-url';

export type PersonTarget = { kind: 'internal'; to: string } | { kind: 'external'; href: string } | { kind: 'none' };

export function choosePersonTarget(user: Pick<User, 'user_id' | 'profile_url'>, indexUsers: boolean): PersonTarget {
  if (indexUsers && user.user_id) return { kind: 'internal', to: userPath(user.user_id) };
  const href = safeHttpUrl(user.profile_url);
  return href ? { kind: 'external', href } : { kind: 'none' };
}

/** "No longer active" after a person's name, muted; nothing for an active person. */
export function InactiveMark({ isActive }: { isActive: boolean | undefined }) {
  return isActive === false ? (
    <span className="muted person-inactive">
      <span aria-hidden="true"> · </span>
      <span className="visually-hidden">, </span>No longer active
    </span>
  ) : null;
}

export function PersonLink({ user }: { user: Pick<User, 'user_id' | 'profile_url' | 'display_name'> & { is_active?: boolean } }) {
  return (
    <>
      <PersonName user={user} />
      <InactiveMark isActive={user.is_active} />
    </>
  );
}

function PersonName({ user }: { user: Pick<User, 'user_id' | 'profile_url' | 'display_name'> }) {
  const target = choosePersonTarget(user, useUiConfig().indexUsers.enabled);
  const name = user.display_name || user.user_id;
  switch (target.kind) {
    case 'internal':
      return <Link to={target.to}>{name}</Link>;
    case 'external':
      return (
        <a href={target.href} target="_blank" rel="noopener noreferrer">
          {name}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      );
    case 'none':
      return <span>{name}</span>;
  }
}
