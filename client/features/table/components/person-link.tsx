import { Link } from 'react-router';
import type { User } from '../../../../contract/bff-api';
import { choosePersonLink } from '../owner-link';

export function PersonLink({ user, indexUsers }: { user: User; indexUsers: boolean }) {
  const link = choosePersonLink(user, indexUsers);
  const name = user.display_name || user.user_id;
  switch (link.kind) {
    case 'internal':
      return <Link to={link.to}>{name}</Link>;
    case 'external':
      return (
        <a href={link.href} target="_blank" rel="noopener noreferrer">
          {name}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      );
    case 'none':
      return <span>{name}</span>;
  }
}
