// The signed-in user's menu in the nav bar: who you are, your profile (when profiles are on),
// keyboard shortcuts, and logging out (a real POST form, checked by the BFF's same-origin guard; it
// drops the description drafts kept in the tab).
import type { User } from '../../../../contract/api-common';
import { initialsOf } from '../../../../contract/user';
import { MenuButton, type MenuItem } from '../../../components/menu';
import { discardAllDescriptionDrafts } from '../../../lib/discard-description-drafts';
import './user-menu.css';

export function UserMenu({ user, profilePath, onShowShortcuts }: { user: User; profilePath: string | null; onShowShortcuts: () => void }) {
  const items: MenuItem[] = [
    ...(profilePath ? [{ kind: 'link' as const, label: 'My profile', to: profilePath }] : []),
    { kind: 'action', label: 'Keyboard shortcuts', onSelect: onShowShortcuts },
    // Unsaved description text kept in the tab (decision 017) goes with the session the person ends.
    { kind: 'post', label: 'Log out', action: '/logout', onSubmit: () => discardAllDescriptionDrafts() },
  ];
  return (
    <MenuButton
      className="user-menu"
      triggerLabel={`Account: ${user.display_name}`}
      triggerTestId="user-menu"
      trigger={
        <>
          <span className="user-menu__avatar" aria-hidden="true">
            {initialsOf(user)}
          </span>
          <span className="user-menu__name" data-testid="current-user">
            {user.display_name}
          </span>
        </>
      }
      header={
        <>
          <span className="user-menu__header-name">{user.display_name}</span>
          {user.email ? <span className="user-menu__header-email">{user.email}</span> : null}
        </>
      }
      items={items}
    />
  );
}
