// Tags and badges as small chips. A chip with somewhere to go is a link (to the search filtered by it).
import type { BadgeStyle } from '../../contract/ui-config';
import { useUiConfig } from '../app/app-data';
import { badgeSearchPath, tagSearchPath } from '../app/paths';
import { AppLink } from './app-link';
import { cx } from './class-names';
import './chip.css';
import { formatWholeNumber } from '../lib/format-number';

export function Chip({ label, to, tone = 'tag', badgeStyle, title, count }: { label: string; to?: string; tone?: 'tag' | 'badge'; badgeStyle?: BadgeStyle; title?: string; count?: number }) {
  const className = cx('chip', `chip--${tone}`, badgeStyle && `chip--${badgeStyle}`);
  const content =
    count === undefined ? (
      label
    ) : (
      <>
        {label} <span className="chip__count">{formatWholeNumber(count)}</span>
      </>
    );
  // A link's name says what the number is ("pii, used 125 times").
  const name = count === undefined ? undefined : `${label}, used ${formatWholeNumber(count)} ${count === 1 ? 'time' : 'times'}`;
  return to ? (
    <AppLink className={className} to={to} title={title} aria-label={name}>
      {content}
    </AppLink>
  ) : (
    <span className={className} title={title}>
      {content}
    </span>
  );
}

/** Tags, each leading to the search of that resource type filtered by it. */
export function TagList({ tags, resource = 'table', label = 'Tags' }: { tags: string[]; resource?: 'table' | 'dashboard'; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="chip-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag}>
          <Chip label={tag} to={tagSearchPath(tag, resource)} title={`Search for ${resource === 'table' ? 'tables' : 'dashboards'} tagged ${tag}`} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Badges in the styles and names of the UI config. Table badges lead to the table search filtered by
 * them; the search service has no badge filter for other resources, so theirs are plain.
 */
export function BadgeList({ badges, linked = true, label = 'Badges' }: { badges: string[]; linked?: boolean; label?: string }) {
  const config = useUiConfig().badges;
  if (badges.length === 0) return null;
  return (
    <ul className="chip-list" aria-label={label}>
      {badges.map((badge) => (
        <li key={badge}>
          <Chip
            label={config[badge]?.displayName ?? badge}
            tone="badge"
            badgeStyle={config[badge]?.style ?? 'neutral'}
            to={linked ? badgeSearchPath(badge) : undefined}
            title={linked ? `Search for tables with the badge ${badge}` : undefined}
          />
        </li>
      ))}
    </ul>
  );
}
