// Which badges a PUT may attach. Amundsen only accepts (badge, category) pairs from its configured
// WHITELIST_BADGES, empty by default, so out of the box every badge PUT 404s. We accept:
//   1. every (badge, category) that already exists in the catalog's `badges` (loaded by ingest or
//      used before), so the badges a catalog shows can be reapplied elsewhere, and
//   2. the pairs configured in CatalogOptions.badgeWhitelist (new badges an admin allows).
// A tag PUT whose name equals an allowed badge name is refused with 409, as Amundsen does.
import type { BadgeRecord } from '../store/catalog-records';
import type { ResourceEditor } from '../store/edit-resources';

export interface BadgePolicy {
  allows(badge: BadgeRecord): boolean;
  isBadgeName(name: string): boolean;
}

export function createBadgePolicy(resources: ResourceEditor, configured: readonly BadgeRecord[] = []): BadgePolicy {
  const pairs = new Set(configured.map((b) => `${b.category}\u0000${b.badge_name}`));
  const names = new Set(configured.map((b) => b.badge_name));
  return {
    allows: (badge) =>
      badge.category !== '' && (pairs.has(`${badge.category}\u0000${badge.badge_name}`) || resources.badgeExists(badge)),
    isBadgeName: (name) => names.has(name) || resources.hasBadgeNamed(name),
  };
}
