// Shapes every part of the BFF's API shares: the user, tags, badges, the error body and the one
// helper that builds schemas. Written with valibot: the SPA bundles these schemas, and valibot costs
// the first page ~4 KB gzip less than zod/mini and ~25 KB less than zod's chainable API (decision 007).
import * as v from 'valibot';

export const nullableString = v.nullable(v.string());
export const nullableNumber = v.nullable(v.number());

/** Amundsen's User model, every field present (null when unknown). */
export const UserSchema = v.object({
  user_id: v.string(),
  email: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  full_name: nullableString,
  display_name: v.string(),
  is_active: v.boolean(),
  github_username: nullableString,
  team_name: nullableString,
  slack_id: nullableString,
  employee_type: nullableString,
  manager_fullname: nullableString,
  manager_email: nullableString,
  manager_id: nullableString,
  role_name: nullableString,
  profile_url: nullableString,
  other_key_values: v.record(v.string(), v.string()),
});
export type User = v.InferOutput<typeof UserSchema>;

export const AuthUserResponseSchema = v.object({ msg: v.string(), user: UserSchema });
export type AuthUserResponse = v.InferOutput<typeof AuthUserResponseSchema>;

/** The one error body every BFF route answers with. */
export const ApiErrorBodySchema = v.object({
  error: v.object({ name: v.string(), message: v.string(), code: v.optional(v.string()) }),
});
export type ApiErrorBody = v.InferOutput<typeof ApiErrorBodySchema>;

export const TagSchema = v.object({ tag_type: v.string(), tag_name: v.string() });
export type Tag = v.InferOutput<typeof TagSchema>;
export const BadgeSchema = v.object({ badge_name: v.string(), category: v.string() });
export type Badge = v.InferOutput<typeof BadgeSchema>;

/** GET /api/metadata/v0/tags: tags in use, with how many resources carry each. */
export const TagUsageSchema = v.object({ tag_name: v.string(), tag_count: v.number() });
export type TagUsage = v.InferOutput<typeof TagUsageSchema>;
export const TagsResponseSchema = v.object({ msg: v.string(), tags: v.array(TagUsageSchema) });
export type TagsResponse = v.InferOutput<typeof TagsResponseSchema>;

/** GET /api/metadata/v0/badges: every badge the catalog knows. */
export const BadgesResponseSchema = v.object({ msg: v.string(), badges: v.array(BadgeSchema) });
export type BadgesResponse = v.InferOutput<typeof BadgesResponseSchema>;

/** GET /api/metadata/v0/get_last_indexed: epoch seconds of the catalog's last update, null if never. */
export const LastIndexedResponseSchema = v.object({ msg: v.string(), timestamp: nullableNumber });
export type LastIndexedResponse = v.InferOutput<typeof LastIndexedResponseSchema>;

/** GET /api/announcements/v0/: posts from the operator's Markdown files, rendered to HTML on the server. */
export const AnnouncementSchema = v.object({ date: v.string(), title: v.string(), html_content: v.string() });
export type Announcement = v.InferOutput<typeof AnnouncementSchema>;
export const AnnouncementsResponseSchema = v.object({ msg: v.string(), posts: v.array(AnnouncementSchema) });
export type AnnouncementsResponse = v.InferOutput<typeof AnnouncementsResponseSchema>;

/** The resource types the catalog serves and the SPA shows. */
export const RESOURCE_TYPES = ['table', 'dashboard', 'user'] as const;
export const ResourceTypeSchema = v.picklist(RESOURCE_TYPES);
export type ResourceType = v.InferOutput<typeof ResourceTypeSchema>;
