// The UI config's index switches, enforced by the BFF and not only hidden by the SPA: with
// `indexUsers` off nobody reads other people's profiles or lists, with `indexDashboards` off nobody
// reads dashboards. Both answer 404 with the one error shape, as for something that is not there.
import type { ClientConfig, ResourceType, User } from '../../contract/bff-api';
import { NotFoundError } from '../http/errors';

type SearchableResource = ResourceType | 'feature';

const NOT_INDEXED: Record<SearchableResource, { message: string; code: string } | null> = {
  table: null,
  dashboard: { message: 'Dashboards are not indexed in this catalog (indexDashboards is off).', code: 'dashboards_not_indexed' },
  user: { message: 'People are not indexed in this catalog (indexUsers is off): only your own profile and lists can be read.', code: 'users_not_indexed' },
  feature: { message: 'ML features are not indexed in this catalog.', code: 'features_not_indexed' },
};

export function isIndexed(config: ClientConfig, resource: SearchableResource): boolean {
  if (resource === 'dashboard') return config.indexDashboards.enabled;
  if (resource === 'user') return config.indexUsers.enabled;
  return resource === 'table';
}

/** Throws NotFoundError when the resource type is switched off (or, for features, not served at all). */
export function requireIndexed(config: ClientConfig, resource: SearchableResource): void {
  const refusal = NOT_INDEXED[resource];
  if (refusal && !isIndexed(config, resource)) throw new NotFoundError(refusal.message, refusal.code);
}

export function isSignedInUser(signedIn: User, userId: string): boolean {
  return userId === signedIn.user_id || (signedIn.email !== null && userId === signedIn.email);
}

/**
 * The user whose profile or lists are read: `userId`, or the signed-in user when absent. Someone else
 * only when people are indexed.
 */
export function resolveVisibleUser(config: ClientConfig, signedIn: User, userId: string | undefined): string {
  if (userId === undefined || isSignedInUser(signedIn, userId)) return userId ?? signedIn.user_id;
  requireIndexed(config, 'user');
  return userId;
}
