// The edit rules as an EditPolicy: a person's role on a table or dashboard is the highest of `signedIn`
// and the grants that hold for one of their groups (or their user id) and for that resource; the role
// gives rights (ROLE_RIGHTS), an owner gets an owner-editor's rights on what they own (ownersMayEdit),
// and a lock takes a field away from everyone but an admin. A right that is false comes with a reason
// naming the role that would give it, and what the person's ownership gives them.
import type { EditRights } from '../../contract/bff-api';
import type { EditPolicy, EditSubject, EditTarget } from '../api/edit-rights';
import type { EditRules } from './compile-edit-rules';
import { type LockableField, ROLES, type Role } from './edit-rules-schema';

export type Right = LockableField;
const RIGHTS: readonly Right[] = ['descriptions', 'tags', 'owners'];

/** What each role may change on a table. A dashboard's description and owners come from its BI tool: only tags there. */
export const ROLE_RIGHTS: Readonly<Record<Role, readonly Right[]>> = Object.freeze({
  viewer: [],
  editor: ['descriptions', 'tags'],
  'owner-editor': ['descriptions', 'tags', 'owners'],
  admin: ['descriptions', 'tags', 'owners'],
});

const DASHBOARD_RIGHTS: readonly Right[] = ['tags'];

const rank = (role: Role) => ROLES.indexOf(role);
const higher = (a: Role, b: Role) => (rank(a) >= rank(b) ? a : b);

/** The person's role on the target: `signedIn`, raised by every grant that holds for them there. */
export function roleOn(rules: EditRules, subject: EditSubject, target: EditTarget): Role {
  let role = rules.signedIn;
  for (const grant of rules.grants) {
    if (rank(grant.role) <= rank(role)) continue;
    const forThem = grant.users.has(subject.user_id) || subject.groups.some((group) => grant.groups.has(group));
    if (forThem && grant.appliesTo(target)) role = grant.role;
  }
  return role;
}

function lockedFields(rules: EditRules, target: EditTarget): Set<Right> {
  const locked = new Set<Right>();
  for (const lock of rules.locks) if (lock.appliesTo(target)) for (const field of lock.fields) locked.add(field);
  return locked;
}

function rightsOf(role: Role, target: EditTarget, locked: ReadonlySet<Right>): Set<Right> {
  const possible = target.type === 'table' ? RIGHTS : DASHBOARD_RIGHTS;
  return new Set(ROLE_RIGHTS[role].filter((right) => possible.includes(right) && (role === 'admin' || !locked.has(right))));
}

const inWords = (rights: readonly Right[]) => (rights.length === 1 ? rights[0]! : `${rights.slice(0, -1).join(', ')} and ${rights.at(-1)!}`);

/** What ownership has to do with the missing rights, to say it truthfully (finding 10 of the curate pass). */
export interface Ownership {
  /** The person owns the target and the rules let owners edit (ownersMayEdit). */
  owner: boolean;
  /** The rights the person has only because they own it (none where their role gives as much). */
  ownerRights: readonly Right[];
  /** Owning the target would give at least one of the missing rights (ownersMayEdit, not locked). */
  ownersWouldHaveMore: boolean;
}

const NO_OWNERSHIP: Ownership = Object.freeze({ owner: false, ownerRights: [], ownersWouldHaveMore: false });

/**
 * "Editing descriptions and tags of this hive table needs the editor role, and its owners the
 * owner-editor role; you have viewer." — the lowest role that gives each missing right, in role order.
 * Then what the person has: their role, and what owning the table gives them or would give them —
 * "; your role is viewer, and as one of its owners you may edit its descriptions." for an owner whose
 * role alone gives less, "; you have viewer and are not one of its owners." where owners could edit
 * what this person may not.
 */
export function describeMissingRights(missing: readonly Right[], role: Role, target: EditTarget, locked: ReadonlySet<Right>, ownership: Ownership = NO_OWNERSHIP): string {
  const byRole = new Map<Role, Right[]>();
  for (const right of missing) {
    const needed = ROLES.find((candidate) => rightsOf(candidate, target, locked).has(right)) ?? 'admin';
    byRole.set(needed, [...(byRole.get(needed) ?? []), right]);
  }
  const thing = target.type === 'table' ? `this ${target.database} table` : `this ${target.product} dashboard`;
  const clauses = ROLES.filter((needed) => byRole.has(needed)).map((needed, index) => {
    const rights = byRole.get(needed)!;
    const lockNote = needed === 'admin' && rights.some((right) => locked.has(right)) ? ' (the edit rules lock them)' : '';
    return index === 0 ? `Editing ${inWords(rights)} of ${thing} needs the ${needed} role${lockNote}` : `its ${inWords(rights)} the ${needed} role${lockNote}`;
  });
  const joined = clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(', ')}, and ${clauses.at(-1)}`;
  if (ownership.owner && ownership.ownerRights.length > 0) return `${joined}; your role is ${role}, and as one of its owners you may edit its ${inWords(ownership.ownerRights)}.`;
  if (!ownership.owner && ownership.ownersWouldHaveMore) return `${joined}; you have ${role} and are not one of its owners.`;
  return `${joined}; you have ${role}.`;
}

export function createEditPolicy(rules: EditRules): EditPolicy {
  return Object.freeze({
    rightsFor(subject: EditSubject, target: EditTarget): EditRights {
      const role = roleOn(rules, subject, target);
      const locked = lockedFields(rules, target);
      const owner = rules.ownersMayEdit && target.owners.includes(subject.user_id);
      const byRole = rightsOf(role, target, locked);
      const asOwner = rightsOf(higher(role, 'owner-editor'), target, locked);
      const granted = owner ? asOwner : byRole;
      const possible = target.type === 'table' ? RIGHTS : DASHBOARD_RIGHTS;
      const missing = possible.filter((right) => !granted.has(right));
      const ownership: Ownership = {
        owner,
        ownerRights: owner ? possible.filter((right) => asOwner.has(right) && !byRole.has(right)) : [],
        ownersWouldHaveMore: rules.ownersMayEdit && missing.some((right) => asOwner.has(right)),
      };
      return {
        descriptions: granted.has('descriptions'),
        tags: granted.has('tags'),
        owners: granted.has('owners'),
        reason: missing.length === 0 ? null : describeMissingRights(missing, role, target, locked, ownership),
      };
    },
  });
}
