// The shape of EDIT_RULES_FILE (docs/edit-rules.md): who may edit what, by the groups of the login.
// Server-only: the browser never sees the rules, only what they allow it (EditRights on each page).
import * as v from 'valibot';
import { strictOptions } from '../../contract/strict-object';

/** From no rights to every right; each role has the rights of the ones before it. */
export const ROLES = ['viewer', 'editor', 'owner-editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a lock can close: a table's descriptions (its own, its columns' and nested types'), tags or owners. */
export const LOCKABLE_FIELDS = ['descriptions', 'tags', 'owners'] as const;
export type LockableField = (typeof LOCKABLE_FIELDS)[number];

/** What a `where` may name: a table by database, cluster, schema and table (name); a dashboard by product, cluster, group and dashboard (name). */
export const TABLE_KEYS = ['database', 'cluster', 'schema', 'table'] as const;
export const DASHBOARD_KEYS = ['product', 'cluster', 'group', 'dashboard'] as const;
export const WHERE_KEYS = ['database', 'cluster', 'schema', 'table', 'product', 'group', 'dashboard'] as const;
export type WhereKey = (typeof WHERE_KEYS)[number];

const strict = strictOptions;

const name = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(256, 'must be at most 256 characters'));
const names = (what: string) => v.pipe(v.array(name), v.minLength(1, `must list at least one ${what}`), v.maxLength(1000, `must list at most 1000 ${what}s`));
const role = v.picklist(ROLES);

/**
 * A pattern for one part of a name: a glob ("finance", "finance_*"; `*` is any run of characters, the
 * whole name must match, letter case counts), a list of globs (any may match), or `{ "regex": … }`, a
 * JavaScript regular expression matched from the start of the name as Python's re.match does, so that
 * Amundsen's schema_regex and table_name_regex carry over.
 */
const PatternSchema = v.union(
  [
    name,
    v.pipe(v.array(name), v.minLength(1, 'must list at least one pattern')),
    strict({ regex: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(1000, 'must be at most 1000 characters')) }),
  ],
  'must be a pattern: a name or glob such as "finance_*", a list of them, or { "regex": "^tmp_" }',
);
export type Pattern = v.InferOutput<typeof PatternSchema>;

const WhereSchema = strict(Object.fromEntries(WHERE_KEYS.map((key) => [key, v.optional(PatternSchema)])) as Record<WhereKey, v.OptionalSchema<typeof PatternSchema, undefined>>);
export type Where = v.InferOutput<typeof WhereSchema>;

export const GrantSchema = strict({
  /** Groups from the login's groups claim (OIDC_GROUPS_CLAIM), exactly as the provider sends them. */
  groups: v.optional(names('group')),
  /** User ids (as Nansen shows them), for providers that send no groups. */
  users: v.optional(names('user id')),
  role,
  /** Narrows the grant to matching tables or dashboards; without it the grant holds everywhere. */
  where: v.optional(WhereSchema),
});
export type Grant = v.InferOutput<typeof GrantSchema>;

export const LockSchema = strict({
  /** Which tables or dashboards; `{}` is every one. Required (compile-edit-rules.ts says so in words). */
  where: v.optional(WhereSchema),
  /** What is locked there; default: the descriptions, as Amundsen's UNEDITABLE_SCHEMAS and match rules do. */
  fields: v.optional(v.pipe(v.array(v.picklist(LOCKABLE_FIELDS)), v.minLength(1, 'must list at least one field')), ['descriptions']),
});
export type Lock = v.InferOutput<typeof LockSchema>;

export const EditRulesFileSchema = strict({
  /** The role of everyone signed in, before any grant. */
  signedIn: v.optional(role, 'viewer'),
  grants: v.optional(v.pipe(v.array(GrantSchema), v.maxLength(1000, 'must list at most 1000 grants')), []),
  /** A table's owners may edit it as owner-editors (a dashboard's owners: its tags). */
  ownersMayEdit: v.optional(v.boolean(), true),
  /** Fields nobody but an admin may edit, whatever the grants say. */
  locked: v.optional(v.pipe(v.array(LockSchema), v.maxLength(1000, 'must list at most 1000 locks')), []),
});
export type EditRulesFile = v.InferOutput<typeof EditRulesFileSchema>;
