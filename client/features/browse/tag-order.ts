// How tags and badges are ordered for browsing (pure, tested).
import type { Badge, TagUsage } from '../../../contract/api-common';
import type { TagCount } from '../../components/tag-cloud';

/** The UI config's curated tags, in its order, with their counts (a curated tag nothing carries yet keeps none). */
export function curatedTags(curated: readonly string[], tags: readonly TagUsage[]): TagCount[] {
  const counts = new Map(tags.map((t) => [t.tag_name, t.tag_count]));
  return [...new Set(curated)].map((name) => ({ name, count: counts.get(name) }));
}

/** Every tag in use, by name. */
export function allTags(tags: readonly TagUsage[]): TagCount[] {
  return [...tags].sort((a, b) => a.tag_name.localeCompare(b.tag_name)).map((t) => ({ name: t.tag_name, count: t.tag_count }));
}

/** For the home page: curated tags first, then the most used others, `limit` in all. */
export function tagsToFeature(curated: readonly string[], tags: readonly TagUsage[], limit: number): TagCount[] {
  const first = curatedTags(curated, tags);
  const taken = new Set(first.map((t) => t.name));
  const rest = [...tags]
    .filter((t) => !taken.has(t.tag_name))
    .sort((a, b) => b.tag_count - a.tag_count || a.tag_name.localeCompare(b.tag_name))
    .map((t) => ({ name: t.tag_name, count: t.tag_count }));
  return [...first, ...rest].slice(0, Math.max(limit, first.length));
}

/**
 * Badges split by what a search can find: a table badge leads to the tables that carry it; column
 * badges (PK, PII…) mark columns, which the table search does not filter by.
 */
export function splitBadges(badges: readonly Badge[]): { table: string[]; column: string[] } {
  const names = (list: readonly Badge[]) => [...new Set(list.map((b) => b.badge_name))].sort((a, b) => a.localeCompare(b));
  return { table: names(badges.filter((b) => b.category !== 'column')), column: names(badges.filter((b) => b.category === 'column')) };
}
