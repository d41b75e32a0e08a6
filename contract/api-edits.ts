// Curating the catalog through the BFF: the Amundsen frontend's write routes (FRONTEND.md §4: the same
// paths and bodies) plus our extensions — a description write carries the text it was based on and is
// refused with 409 when that text is stale; every resource says what the signed-in person may change
// on it; and each table, dashboard and person has an edit history.
//
// Routes, all under /api/metadata/v0, each behind the same-origin guard:
//   PUT    /put_table_description          PutTableDescriptionBody          → DescriptionSavedResponse | 409 DescriptionConflictBody
//   PUT    /put_column_description         PutColumnDescriptionBody         → DescriptionSavedResponse | 409 DescriptionConflictBody
//   PUT    /put_type_metadata_description  PutTypeMetadataDescriptionBody   → DescriptionSavedResponse | 409 DescriptionConflictBody
//   PUT|DELETE /update_table_owner         TableOwnerBody                   → WriteResponse
//   GET    /owner_candidates?key=…&owner=…  → OwnerCandidatesResponse (who a typed owner id means; for those who may change the owners)
//   PUT|DELETE /update_table_tags          TagBody                          → WriteResponse
//   PUT|DELETE /update_dashboard_tags      TagBody                          → WriteResponse
//   PUT|DELETE /user/bookmark              BookmarkBody                     → WriteResponse
//   GET    /edits?type=table|dashboard&key=…[&before=…]  → EditHistoryResponse (a table's includes its columns' and nested types')
//   GET    /user/edits?user_id=…[&before=…]              → EditHistoryResponse (what a person changed; only with indexUsers)
//   Both page newest first, 25 a page, with the history's total count when the catalog gives one.
// A description may not hold a control character other than tab, line feed and carriage return, nor a
// bidirectional embedding or override (U+202A–U+202E): 400 `invalid_body` naming it and its position
// (contract/description-characters.ts; the embedded catalog's metadata API refuses the same).
// A refused write answers the one error body (ApiErrorBody) with a code: 403 `edit_forbidden` (the
// message names the role that is missing), 400 `invalid_body`/`invalid_tag`/`invalid_user_id`, 404 `not_found`,
// 409 `edit_conflict` (with the extra fields of DescriptionConflictBody) or `owner_differs_in_case` (an owner id
// that differs only in case from one the table has), 502/503/504 upstream failures.
import * as v from 'valibot';
import { ApiErrorBodySchema, nullableString, UserSchema } from './api-common';

/** Amundsen's rule for a tag: lower-case letters, digits and underscores. */
export const TAG_PATTERN = /^[a-z0-9_]+$/;
export const TAG_MAX_LENGTH = 80;
export const TagNameSchema = v.pipe(
  v.string(),
  v.regex(TAG_PATTERN, 'must use only lower-case letters, digits and _ (such as "finance_core")'),
  v.maxLength(TAG_MAX_LENGTH, `must be at most ${TAG_MAX_LENGTH} characters`),
);

export { EditRightsSchema, type EditRights } from './edit-rights';

/**
 * The description an edit started from, as read before editing: null when there was none. Our
 * extension of Amundsen's bodies, required: a stored description that is no longer `base` means
 * someone changed it meanwhile, and the write is refused (409 `edit_conflict`) rather than overwriting.
 */
const base = nullableString;

export const PutTableDescriptionBodySchema = v.object({ key: v.string(), description: v.string(), base, source: v.optional(v.string()) });
export type PutTableDescriptionBody = v.InferOutput<typeof PutTableDescriptionBodySchema>;
export const PutColumnDescriptionBodySchema = v.object({ key: v.string(), column_name: v.string(), description: v.string(), base, source: v.optional(v.string()) });
export type PutColumnDescriptionBody = v.InferOutput<typeof PutColumnDescriptionBodySchema>;
/** `key` is the table's key (its edit rights decide); `type_metadata_key` the nested type's. */
export const PutTypeMetadataDescriptionBodySchema = v.object({ key: v.string(), type_metadata_key: v.string(), description: v.string(), base, source: v.optional(v.string()) });
export type PutTypeMetadataDescriptionBody = v.InferOutput<typeof PutTypeMetadataDescriptionBodySchema>;

/**
 * `owner` is a user id, "/" allowed. To add (PUT) it is trimmed and may not hold whitespace; to remove
 * (DELETE) it is taken exactly as the table lists it. An id with a "." or ".." segment, or "/own" or
 * "/follow" after a "/", is 400 `invalid_user_id` (decision 032).
 */
export const TableOwnerBodySchema = v.object({ key: v.string(), owner: v.string() });
export type TableOwnerBody = v.InferOutput<typeof TableOwnerBodySchema>;
/**
 * Who a user id typed as a new owner means: `known` is the person with exactly that id (null when there
 * is none, or only a bare id: people-known-by.ts); `similar` the people known by it case aside, by
 * email or the part before the @ ("roald" → Roald Amundsen), never `known` again. Adding an id no
 * one has stays allowed (Amundsen creates the user), but the page says so first.
 */
export const OwnerCandidatesResponseSchema = v.object({ msg: v.string(), known: v.nullable(UserSchema), similar: v.array(UserSchema) });
export type OwnerCandidatesResponse = v.InferOutput<typeof OwnerCandidatesResponseSchema>;

export const TagBodySchema = v.object({ key: v.string(), tag: v.string() });
export type TagBody = v.InferOutput<typeof TagBodySchema>;
export const BookmarkBodySchema = v.object({ type: v.picklist(['table', 'dashboard']), key: v.string() });
export type BookmarkBody = v.InferOutput<typeof BookmarkBodySchema>;

export const WriteResponseSchema = v.object({ msg: v.string() });
export type WriteResponse = v.InferOutput<typeof WriteResponseSchema>;
/** A saved description: the text now stored (what the next edit is based on). */
export const DescriptionSavedResponseSchema = v.object({ msg: v.string(), description: nullableString });
export type DescriptionSavedResponse = v.InferOutput<typeof DescriptionSavedResponseSchema>;

/** 409: someone changed the description since the edit began. Nothing was written. */
export const DescriptionConflictBodySchema = v.object({
  ...ApiErrorBodySchema.entries,
  current: v.object({
    description: nullableString,
    /** Who wrote it and when (ISO 8601), when the catalog knows (the embedded one does; Amundsen does not). */
    edited_by: nullableString,
    edited_at: nullableString,
    /** The author's user id, so the page can tell "you, in another tab" from someone else (absent from older BFFs). */
    edited_by_id: v.optional(nullableString),
  }),
});
export type DescriptionConflictBody = v.InferOutput<typeof DescriptionConflictBodySchema>;

/** A description's text, or a list of tags or owner ids, before or after an edit. */
const EditValueSchema = v.nullable(v.union([v.string(), v.array(v.string())]));

/** Someone an owner edit names, as the catalog knows them: the name (null for a bare id) and whether active. */
export const EditPersonSchema = v.object({ user_id: v.string(), display_name: nullableString, is_active: v.boolean() });
export type EditPerson = v.InferOutput<typeof EditPersonSchema>;

export const EditEntrySchema = v.object({
  id: v.string(),
  resource_type: v.picklist(['table', 'column', 'type_metadata', 'dashboard']),
  resource_key: v.string(),
  /** The table (or dashboard) the edit belongs to, for links from a person's history. */
  parent_key: v.string(),
  /** The dashboard's name for a dashboard edit, when the catalog knows it; absent otherwise (and from older BFFs). */
  parent_name: v.optional(nullableString),
  /** An owner edit: the people among its ids the catalog knows (the others are shown as ids). Absent otherwise. */
  people: v.optional(v.array(EditPersonSchema)),
  /** What is named besides the resource: the column name or the nested type's path; null otherwise. */
  subject: nullableString,
  field: v.picklist(['description', 'tags', 'owners', 'badges']),
  action: v.picklist(['update', 'add', 'remove']),
  before: EditValueSchema,
  after: EditValueSchema,
  editor: v.object({ user_id: v.string(), display_name: v.string() }),
  /** Epoch milliseconds. */
  edited_at: v.number(),
});
export type EditEntry = v.InferOutput<typeof EditEntrySchema>;

export const EditHistoryResponseSchema = v.object({
  msg: v.string(),
  /** False against real Amundsen services, which keep no edit log: the page says so. */
  available: v.boolean(),
  /** Newest first. */
  edits: v.array(EditEntrySchema),
  /** Pass as `before` for the next page; null on the last page. */
  next_before: nullableString,
  /**
   * How many edits the whole history has, all pages together (the profile's Edits tab and the table's
   * and dashboard's History tabs show it). Null when unknown: no edit log (`available: false`), or a
   * catalog older than the count; absent from a BFF older than it.
   */
  total: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
});
export type EditHistoryResponse = v.InferOutput<typeof EditHistoryResponseSchema>;
