// A person's name where it leads somewhere: the in-app profile when user profiles are on
// (indexUsers), else their external profile page when it is a safe http(s) address, else an email to
// them when their user id is an email address, else nowhere. Without profiles the user id goes with
// the name (a tooltip, and said after it by screen readers), so two people of one name can be told apart.
// Someone the catalog marks inactive (`is_active: false`) is said to be so after the name, wherever
// they appear (owners, frequent users), so nobody asks a person who has left.
import { Link } from 'react-router';
import type { User } from '../../contract/api-common';
import { useUiConfig } from '../app/app-data';
import { userPath } from '../app/paths';
import { safeHttpUrl } from './safe-url';

export type PersonTarget = { kind: 'internal'; to: string } | { kind: 'external'; href: string } | { kind: 'mail'; href: string } | { kind: 'none' };

/** A user id that is an email address, with nothing in it a mailto: address would read otherwise. */
const EMAIL_ID = /^[^\s@/?#%&"<>]+@[^\s@/?#%&"<>.]+(\.[^\s@/?#%&"<>.]+)+$/;

export function choosePersonTarget(user: Pick<User, 'user_id' | 'profile_url'>, indexUsers: boolean): PersonTarget {
  if (indexUsers && user.user_id) return { kind: 'internal', to: userPath(user.user_id) };
  const href = safeHttpUrl(user.profile_url);
  if (href) return { kind: 'external', href };
  return EMAIL_ID.test(user.user_id) ? { kind: 'mail', href: `mailto:${user.user_id}` } : { kind: 'none' };
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
  // The id, where no profile page tells people apart and the name is not the id already.
  const id = target.kind !== 'internal' && user.user_id && user.user_id !== name ? user.user_id : undefined;
  const saidId = id ? <span className="visually-hidden"> ({id})</span> : null;
  switch (target.kind) {
    case 'internal':
      return <Link to={target.to}>{name}</Link>;
    case 'external':
      return (
        <a href={target.href} target="_blank" rel="noopener noreferrer" title={id}>
          {name}
          {saidId}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      );
    case 'mail':
      return (
        <a href={target.href} title={id ? `Email ${id}` : 'Email'}>
          {name}
          {id ? <span className="visually-hidden"> (email {id})</span> : <span className="visually-hidden"> (email)</span>}
        </a>
      );
    case 'none':
      return (
        <span title={id}>
          {name}
          {saidId}
        </span>
      );
  }
}
