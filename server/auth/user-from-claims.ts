// ID-token (and UserInfo) claims → Amundsen's User and the session's groups, by the claim rules of the
// config (OIDC_USER_ID_CLAIM, OIDC_CLAIM_MAP, OIDC_GROUPS_CLAIM). Amundsen copies claims as they are
// and ends up showing an email as the name; here every field has its claims, nested ones included.
import type { User } from '../../contract/bff-api';
import { normalizeUser, type PartialUser } from '../../contract/user';
import type { ClaimRules } from '../config/config-schema';
import { DEFAULT_CLAIM_MAP, type MappedUserField } from '../config/provider-presets';

export class MissingUserIdClaimError extends Error {
  override name = 'MissingUserIdClaimError';
  constructor(readonly claim: string) {
    super(`The identity provider did not send the "${claim}" claim used as the user id`);
  }
}

/** A group name longer than this is not a group name we can use; it is dropped. */
export const MAX_GROUP_NAME_LENGTH = 256;
/** However many groups are allowed, the session record keeps at most this many characters of them. */
export const MAX_GROUPS_CHARS = 8 * 1024;

const DEFAULT_MAX_GROUPS = 100;

/** The rules with nothing configured: the user id claim, the standard claims, `groups`. */
export function defaultClaimRules(userIdClaim: string): ClaimRules {
  return { userIdClaim, map: DEFAULT_CLAIM_MAP, requested: [], groupsClaim: 'groups', maxGroups: DEFAULT_MAX_GROUPS };
}

const rulesOf = (rules: ClaimRules | string): ClaimRules => (typeof rules === 'string' ? defaultClaimRules(rules) : rules);

/**
 * A claim by name — as written first, so namespaced claims such as "https://acme.com/team" work —
 * else by a dotted path into nested claims ("address.locality").
 */
export function readClaim(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim's value as one string: text trimmed, numbers and booleans written out, a list's first. */
function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = asText(item);
      if (text) return text;
    }
  }
  return null;
}

/** Values a field will not take (an email without @, a profile URL that is not http(s)). */
const ACCEPTS: Partial<Record<MappedUserField, (text: string) => boolean>> = {
  email: (text) => text.includes('@'),
  manager_email: (text) => text.includes('@'),
  profile_url: (text) => /^https?:\/\//i.test(text) && URL.canParse(text),
};

function mappedValue(claims: Record<string, unknown>, field: MappedUserField, names: readonly string[]): string | null {
  for (const name of names) {
    const text = asText(readClaim(claims, name));
    if (text && (ACCEPTS[field]?.(text) ?? true)) return text;
  }
  return null;
}

export function buildUserFromClaims(claims: Record<string, unknown>, rules: ClaimRules | string): User {
  const { userIdClaim, map } = rulesOf(rules);
  const userId = asText(readClaim(claims, userIdClaim));
  if (!userId) throw new MissingUserIdClaimError(userIdClaim);
  const fields: PartialUser = { user_id: userId };
  for (const [field, names] of Object.entries(map) as [MappedUserField, readonly string[]][]) {
    fields[field] = mappedValue(claims, field, names);
  }
  // normalizeUser only returns null without an id, which was checked above.
  return normalizeUser(fields)!;
}

/**
 * True when the ID token lacks something UserInfo could fill: the user id, an email or a name, or a
 * claim the operator mapped (OIDC_CLAIM_MAP) or named for groups.
 */
export function needsUserInfo(claims: Record<string, unknown>, rules: ClaimRules | string): boolean {
  const { userIdClaim, map, requested } = rulesOf(rules);
  const has = (name: string) => asText(readClaim(claims, name)) !== null;
  const hasAny = (names: readonly string[] | undefined) => (names ?? []).some(has);
  if (!has(userIdClaim) || !hasAny(map.email)) return true;
  if (!hasAny(map.full_name) && !hasAny(map.first_name)) return true;
  return requested.some((name) => readClaim(claims, name) === undefined);
}

export interface GroupsFound {
  /** What is kept in the session: unique names, in the provider's order, bounded. */
  groups: string[];
  /** How many were left out (too many, too long, or past the size bound). */
  dropped: number;
  /** Entra ID sent a groups overage marker instead of the groups (more than 200, or 6 in a URL). */
  overage: boolean;
}

/** The groups claim (a list, or one name), bounded so that the session record stays small. */
export function readGroups(claims: Record<string, unknown>, rules: ClaimRules): GroupsFound {
  const none = { groups: [], dropped: 0, overage: false };
  if (!rules.groupsClaim) return none;
  const value = readClaim(claims, rules.groupsClaim);
  const claimNames = claims._claim_names;
  const overage = value === undefined && !!claimNames && typeof claimNames === 'object' && Object.hasOwn(claimNames, rules.groupsClaim);
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const groups: string[] = [];
  let chars = 0;
  let dropped = 0;
  for (const item of new Set(list)) {
    const name = typeof item === 'string' ? item.trim() : '';
    if (!name || name.length > MAX_GROUP_NAME_LENGTH || groups.length >= rules.maxGroups || chars + name.length > MAX_GROUPS_CHARS) {
      dropped += 1;
      continue;
    }
    groups.push(name);
    chars += name.length;
  }
  return { groups, dropped, overage };
}
