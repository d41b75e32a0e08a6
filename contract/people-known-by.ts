// Who a typed user id could mean, for the BFF's owner look-up (server/api/owner-candidates-routes.ts).
import type { User } from './api-common';

type Person = Pick<User, 'user_id' | 'email'>;
type Profile = Person & Partial<Pick<User, 'first_name' | 'last_name' | 'github_username' | 'slack_id'>>;

/** The names a person is known by, lower-cased: user id, email, and the part of each before the @. */
function namesOf(person: Person): string[] {
  return [person.user_id, person.email].flatMap((id) => (id ? [id, id.split('@')[0]!] : [])).map((id) => id.toLowerCase());
}

/**
 * The people `typed` may have meant, case aside: those known by it (user id, email, or the part of
 * either before the @), and those whose first or last name, GitHub or Slack name, or a part of their
 * email's local part between ".", "_" or "-" it is — "roald" (Roald's login) for
 * roald.amundsen@example.org. For a suggestion, never to add someone by.
 */
export function peopleSimilarTo<P extends Profile>(typed: string, people: readonly P[]): P[] {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) return [];
  const looser = (p: P) => [
    ...(p.email ?? p.user_id).split('@')[0]!.split(/[._-]/),
    p.first_name, p.last_name, p.github_username, p.slack_id,
  ].flatMap((n) => (n ? [n.trim().toLowerCase()] : []));
  return people.filter((p, i) => (namesOf(p).includes(wanted) || looser(p).includes(wanted)) && people.findIndex((q) => q.user_id === p.user_id) === i);
}

/**
 * A person known by nothing but an id: no name, no email but the id, and an id that is no email
 * address — what the catalog keeps for an owner added by an id nobody had ("roald", "ROALD"). Such a
 * person counts as no one when an owner is looked up (the catalog's search leaves them out too).
 */
export function isBareUser(user: Pick<User, 'user_id' | 'email' | 'first_name' | 'last_name' | 'full_name'> & { display_name?: string | null }): boolean {
  const named = [user.first_name, user.last_name, user.full_name].some((n) => n && n.trim() !== '')
    || (user.display_name ? user.display_name !== user.user_id && user.display_name !== user.email : false);
  return !named && (user.email === null || user.email === user.user_id) && !user.user_id.includes('@');
}
