// Under a profile's name: the person's role and team, each under its label ("Role Software Engineer ·
// Team Checkout"), so a reader knows which is which (a bare "Polar explorer · Expeditions" did not say).
// "Role", as the search's people results call it when it matched. Labels as the narrow key facts
// below have them (small capitals), one line at wide widths, wrapping by label and value when narrow.
import type { User } from '../../../../contract/api-common';

export function ProfileSummary({ user }: { user: Pick<User, 'role_name' | 'team_name'> }) {
  const facts = [
    { label: 'Role', value: user.role_name },
    { label: 'Team', value: user.team_name },
  ].filter((fact): fact is { label: string; value: string } => !!fact.value);
  if (facts.length === 0) return null;
  return (
    <dl className="profile__summary" data-testid="profile-summary">
      {facts.map((fact) => (
        <div key={fact.label} className="profile__summary-item">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
