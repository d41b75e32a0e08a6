// Where a person's name links: the in-app profile when users are indexed, else their external
// profile page when it is a safe http(s) address, else nowhere.
import type { User } from '../../../contract/bff-api';

export type PersonLink = { kind: 'internal'; to: string } | { kind: 'external'; href: string } | { kind: 'none' };

export function buildUserPath(userId: string): string {
  return `/user/${encodeURIComponent(userId)}`;
}

export function choosePersonLink(user: Pick<User, 'user_id' | 'profile_url'>, indexUsers: boolean): PersonLink {
  if (indexUsers && user.user_id) return { kind: 'internal', to: buildUserPath(user.user_id) };
  const href = safeHttpUrl(user.profile_url);
  return href ? { kind: 'external', href } : { kind: 'none' };
}

/** The URL when it is absolute http(s); null for anything else (javascript:, data:, relative, junk). */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
