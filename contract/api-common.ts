// Shapes every part of the BFF's API shares: the user, tags, badges, the error body and the one
// helper that builds schemas. Written with zod/mini: the SPA bundles these schemas, and zod's
// chainable API would cost ~28 KB gzip of the first page's budget (decision 007).
import * as z from 'zod/mini';

export const nullableString = z.nullable(z.string());
export const nullableNumber = z.nullable(z.number());

/** Amundsen's User model, every field present (null when unknown). */
export const UserSchema = z.object({
  user_id: z.string(),
  email: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  full_name: nullableString,
  display_name: z.string(),
  is_active: z.boolean(),
  github_username: nullableString,
  team_name: nullableString,
  slack_id: nullableString,
  employee_type: nullableString,
  manager_fullname: nullableString,
  manager_email: nullableString,
  manager_id: nullableString,
  role_name: nullableString,
  profile_url: nullableString,
  other_key_values: z.record(z.string(), z.string()),
});
export type User = z.infer<typeof UserSchema>;

export const AuthUserResponseSchema = z.object({ msg: z.string(), user: UserSchema });
export type AuthUserResponse = z.infer<typeof AuthUserResponseSchema>;

/** The one error body every BFF route answers with. */
export const ApiErrorBodySchema = z.object({
  error: z.object({ name: z.string(), message: z.string(), code: z.optional(z.string()) }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export const TagSchema = z.object({ tag_type: z.string(), tag_name: z.string() });
export type Tag = z.infer<typeof TagSchema>;
export const BadgeSchema = z.object({ badge_name: z.string(), category: z.string() });
export type Badge = z.infer<typeof BadgeSchema>;

/** GET /api/metadata/v0/tags: tags in use, with how many resources carry each. */
export const TagUsageSchema = z.object({ tag_name: z.string(), tag_count: z.number() });
export type TagUsage = z.infer<typeof TagUsageSchema>;
export const TagsResponseSchema = z.object({ msg: z.string(), tags: z.array(TagUsageSchema) });
export type TagsResponse = z.infer<typeof TagsResponseSchema>;

/** GET /api/metadata/v0/badges: every badge the catalog knows. */
export const BadgesResponseSchema = z.object({ msg: z.string(), badges: z.array(BadgeSchema) });
export type BadgesResponse = z.infer<typeof BadgesResponseSchema>;

/** GET /api/metadata/v0/get_last_indexed: epoch seconds of the catalog's last update, null if never. */
export const LastIndexedResponseSchema = z.object({ msg: z.string(), timestamp: nullableNumber });
export type LastIndexedResponse = z.infer<typeof LastIndexedResponseSchema>;

/** GET /api/announcements/v0/: posts from the operator's Markdown files, rendered to HTML on the server. */
export const AnnouncementSchema = z.object({ date: z.string(), title: z.string(), html_content: z.string() });
export type Announcement = z.infer<typeof AnnouncementSchema>;
export const AnnouncementsResponseSchema = z.object({ msg: z.string(), posts: z.array(AnnouncementSchema) });
export type AnnouncementsResponse = z.infer<typeof AnnouncementsResponseSchema>;

/** The resource types the catalog serves and the SPA shows. */
export const RESOURCE_TYPES = ['table', 'dashboard', 'user'] as const;
export const ResourceTypeSchema = z.enum(RESOURCE_TYPES);
export type ResourceType = z.infer<typeof ResourceTypeSchema>;
