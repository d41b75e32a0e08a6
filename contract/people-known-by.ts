// Whom a typed user id or name means, and how surely — the one place these rules are written. Three
// modes, from strict to loose, sharing the fields considered and how text is compared (trimmed, case
// aside; no accent folding, as before — "borge" does not name Børge):
// - `peopleNamedBy`: exactly known by it (user id, email, or the part of either before the @). The
//   owner picker's Enter adds such a person at once (client/components/owner-editor.tsx).
// - `typedBegins`: it begins the person's name, a word of it, their id or email. The picker's Enter
//   adds the one person the search found when it begins theirs.
// - `peopleSimilarTo`: known by it, or a piece of their name or email, GitHub or Slack name is it.
//   For a suggestion only ("No one is known as “roald”, did you mean …": the BFF's owner look-up,
//   server/api/owner-candidates-routes.ts), never to add someone by.
import type { User } from './api-common';

type Person = Pick<User, 'user_id' | 'email'>;
type Profile = Person & Partial<Pick<User, 'first_name' | 'last_name' | 'github_username' | 'slack_id'>>;

/** Text as the rules compare it: case aside. */
const fold = (text: string) => text.toLowerCase();

/** What was typed as the rules compare it: trimmed, case aside; '' when nothing was. */
const foldTyped = (typed: string) => fold(typed.trim());

/** The names a person is known by exactly, folded: user id, email, and the part of each before the @. */
function exactNamesOf(person: Person): string[] {
  return [person.user_id, person.email].flatMap((id) => (id ? [id, id.split('@')[0]!] : [])).map(fold);
}

/** The pieces of names a person may be meant by, folded: the email's (else id's) local part's pieces between ".", "_" or "-", first and last name, GitHub and Slack name. */
function namePiecesOf(person: Profile): string[] {
  return [
    ...(person.email ?? person.user_id).split('@')[0]!.split(/[._-]/),
    person.first_name, person.last_name, person.github_username, person.slack_id,
  ].flatMap((n) => (n ? [fold(n.trim())] : []));
}

/** The people `matches` keeps, each user id once (the first). */
function eachOnce<P extends Person>(people: readonly P[], matches: (p: P) => boolean): P[] {
  return people.filter((p, i) => matches(p) && people.findIndex((q) => q.user_id === p.user_id) === i);
}

/**
 * The people known by exactly `typed`, case aside: by user id, email, or the part of either before the
 * @ ("fridtjof.nansen" for fridtjof.nansen@example.org), each once.
 */
export function peopleNamedBy<P extends Person>(typed: string, people: readonly P[]): P[] {
  const wanted = foldTyped(typed);
  if (!wanted) return [];
  return eachOnce(people, (p) => exactNamesOf(p).includes(wanted));
}

/** Whether `typed` begins the person's name, a word of it, their user id or email, case aside ("liv", "arn" for Liv Arnesen). */
export function typedBegins(typed: string, person: Person & Pick<User, 'display_name'>): boolean {
  const wanted = foldTyped(typed);
  const name = fold(person.display_name);
  return !!wanted && [name, ...name.split(/\s+/), fold(person.user_id), fold(person.email ?? '')].some((text) => text.startsWith(wanted));
}

/**
 * The people `typed` may have meant, case aside: those known by it (user id, email, or the part of
 * either before the @), and those whose first or last name, GitHub or Slack name, or a part of their
 * email's local part between ".", "_" or "-" it is — "roald" (Roald's login) for
 * roald.amundsen@example.org. For a suggestion, never to add someone by.
 */
export function peopleSimilarTo<P extends Profile>(typed: string, people: readonly P[]): P[] {
  const wanted = foldTyped(typed);
  if (!wanted) return [];
  return eachOnce(people, (p) => exactNamesOf(p).includes(wanted) || namePiecesOf(p).includes(wanted));
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
