// What the side panel of a profile says: manager (a link to their profile when the catalog has one,
// else a mailto: when their id or email is an address, else their name), email (only an address: a
// bare id someone named as an owner is no email), and the person's profile, GitHub and Slack pages.
// Only safe addresses become links. (Role and team are under the name: profile-summary.tsx.)
// Then whatever else metadata keeps about them (`other_key_values`: office, cost center…), each
// under its key made readable, as plain text.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { User } from '../../../../contract/api-common';
import { MAX_USER_ID_LENGTH } from '../../../../contract/user';
import { userPath } from '../../../app/paths';
import { userQueryOptions } from '../api/get-user';
import { EmailLink, ExternalLink } from '../../../components/external-link';
import { FactList, type Fact } from '../../../components/facts';
import { safeHttpUrl } from '../../../components/safe-url';
import { isNotFound } from '../../../lib/api-error';

/** GitHub user names: letters, digits and single hyphens, at most 39 characters. */
export function githubUrl(username: string | null): string | null {
  if (!username || !/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(username)) return null;
  return `https://github.com/${username}`;
}

/** Slack opens a member's profile or direct messages from an id in this address. */
export function slackUrl(slackId: string | null): string | null {
  if (!slackId || !/^[A-Za-z0-9._-]{1,80}$/.test(slackId)) return null;
  return `https://slack.com/app_redirect?channel=${encodeURIComponent(slackId)}`;
}

/** A key of `other_key_values` as a label: "cost_center", "costCenter", "cost-center" → "Cost center"; all-capital words ("PII") kept. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((word) => (/^[A-Z0-9]+$/.test(word) && word.length > 1 ? word : word.toLowerCase()));
  const label = words.join(' ');
  return label ? label[0]!.toUpperCase() + label.slice(1) : key;
}

/** One fact per entry with a value, in metadata's order; a label already taken shows the key as written. */
export function otherFacts(values: Record<string, unknown>, taken: readonly string[]): Fact[] {
  const labels = new Set(taken);
  const facts: Fact[] = [];
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
    if (!text) continue;
    const humane = humanizeKey(key);
    const label = labels.has(humane) ? key : humane;
    if (labels.has(label)) continue;
    labels.add(label);
    facts.push({ label, value: text });
  }
  return facts;
}

/** An email address as the profile shows one: something@somewhere, with no spaces or markup. */
export function isEmailAddress(value: string | null): value is string {
  return value !== null && /^[^\s@<>"]+@[^\s@<>"]+$/.test(value);
}

/** How a person's manager is named: their full name, else their id or address; null when none is known. */
export function managerName(user: User): string | null {
  return user.manager_fullname || user.manager_id || user.manager_email || null;
}

/**
 * The manager's name. Whether their profile exists is asked (the profile query the link would open, so
 * a click finds it loaded): a link once it does; a mailto: when the catalog has nobody by that id but
 * an address is known; else plain text (also while asking, or when asking failed).
 */
function Manager({ user }: { user: User }) {
  const managerId = user.manager_id ?? user.manager_email;
  const name = managerName(user);
  const profile = useQuery({ ...userQueryOptions(managerId ?? ''), enabled: !!managerId && managerId.length <= MAX_USER_ID_LENGTH });
  if (!name) return null;
  if (managerId && profile.isSuccess) {
    return (
      <Link to={userPath(managerId)} data-testid="manager-link">
        {name}
      </Link>
    );
  }
  const email = [user.manager_email, managerId].find(isEmailAddress);
  if (profile.isError && isNotFound(profile.error) && email) return <a href={`mailto:${email}`}>{name}</a>;
  return <span>{name}</span>;
}

export function ProfileFacts({ user }: { user: User }) {
  const github = githubUrl(user.github_username);
  const slack = slackUrl(user.slack_id);
  // Only a web address is a profile page: another (javascript:, data:, a bare name) is left out, not shown as a dead label.
  const profileUrl = safeHttpUrl(user.profile_url);
  const facts: Fact[] = [
    { label: 'Manager', value: managerName(user) ? <Manager user={user} /> : null },
    { label: 'Email', value: isEmailAddress(user.email) ? <EmailLink email={user.email} /> : null },
    { label: 'Profile', value: profileUrl ? <ExternalLink href={profileUrl}>Profile page</ExternalLink> : null },
    { label: 'GitHub', value: github ? <ExternalLink href={github}>github.com/{user.github_username}</ExternalLink> : user.github_username },
    { label: 'Slack', value: slack ? <ExternalLink href={slack}>@{user.slack_id}</ExternalLink> : user.slack_id },
    { label: 'Employee type', value: user.employee_type },
  ];
  const all = [...facts, ...otherFacts(user.other_key_values ?? {}, facts.map((f) => f.label))];
  // Someone known only by an id (named as an owner, say) has no facts: say so rather than show an empty panel.
  if (all.every((f) => f.value === null || f.value === undefined || f.value === '')) return <p className="muted">The catalog knows nothing more about them than their id.</p>;
  return <FactList facts={all} />;
}
