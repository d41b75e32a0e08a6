// GET /api/config: the runtime UI config as the SPA reads it (contract/ui-config.ts is the file it is
// resolved from, on the server). Kept apart from the file's schema, which the browser never needs: this
// module is in the first page's bundle.
import * as z from 'zod/mini';

export const BADGE_STYLES = ['negative', 'neutral', 'info', 'primary', 'positive', 'warning'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

const ClientFilterCategorySchema = z.object({
  categoryId: z.string(),
  displayName: z.string(),
  helpText: z.optional(z.string()),
  allowableOperation: z.optional(z.enum(['AND', 'OR'])),
  type: z.enum(['inputFilter', 'checkboxFilter']),
  options: z.optional(z.array(z.object({ value: z.string(), displayName: z.optional(z.string()) }))),
});
const ClientResourceSchema = z.object({
  displayName: z.string(),
  filterCategories: z.array(ClientFilterCategorySchema),
  supportedSources: z.record(z.string(), z.object({ displayName: z.string() })),
  notices: z.record(z.string(), z.object({ severity: z.enum(['info', 'warning', 'alert']), messageHtml: z.string() })),
});

/**
 * GET /api/config: the UI config as the SPA reads it, resolved by the server (flags from the
 * environment applied, the announcements folder and logo file replaced by what the browser needs).
 */
export const ClientConfigSchema = z.object({
  providerName: z.string(),
  indexUsers: z.object({ enabled: z.boolean() }),
  indexDashboards: z.object({ enabled: z.boolean() }),
  announcements: z.object({ enabled: z.boolean() }),
  bookmarks: z.object({ enabled: z.boolean() }),
  badges: z.record(z.string(), z.object({ style: z.enum(BADGE_STYLES), displayName: z.optional(z.string()) })),
  browse: z.object({ curatedTags: z.array(z.string()), showBadgesInHome: z.boolean() }),
  tableLineage: z.object({ inAppListEnabled: z.boolean(), defaultLineageDepth: z.number() }),
  navLinks: z.array(z.object({ label: z.string(), href: z.string(), target: z.enum(['_self', '_blank']) })),
  /** Where the browser loads the logo from (/branding/logo.<ext>), or null for the built-in mark. */
  logoUrl: z.nullable(z.string()),
  logoTitle: z.string(),
  documentTitle: z.string(),
  date: z.object({ default: z.string(), dateTimeShort: z.string(), dateTimeLong: z.string() }),
  searchPagination: z.object({ resultsPerPage: z.number() }),
  editableText: z.object({ tableDescLength: z.number(), columnDescLength: z.number() }),
  resourceConfig: z.object({
    table: ClientResourceSchema,
    dashboard: ClientResourceSchema,
    user: z.object({ displayName: z.string() }),
  }),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
export type FilterCategory = z.infer<typeof ClientFilterCategorySchema>;
export type ResourceUiConfig = z.infer<typeof ClientResourceSchema>;
export type Notice = ResourceUiConfig['notices'][string];
