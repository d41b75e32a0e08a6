// A person's name where it leads somewhere: the in-app profile when user profiles are on
// (indexUsers), else their external profile page when it is a safe http(s) address, else nowhere.
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

export function PersonLink({ user }: { user: Pick<User, 'user_id' | 'profile_url' | 'display_name'> }) {
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
