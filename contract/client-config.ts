// GET /api/config: the runtime UI config as the SPA reads it (contract/ui-config.ts is the file it is
// resolved from, on the server). Kept apart from the file's schema, which the browser never needs: this
// module is in the first page's bundle.
import * as v from 'valibot';

export const BADGE_STYLES = ['negative', 'neutral', 'info', 'primary', 'positive', 'warning'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

const ClientFilterCategorySchema = v.object({
  categoryId: v.string(),
  displayName: v.string(),
  helpText: v.optional(v.string()),
  allowableOperation: v.optional(v.picklist(['AND', 'OR'])),
  type: v.picklist(['inputFilter', 'checkboxFilter']),
  options: v.optional(v.array(v.object({ value: v.string(), displayName: v.optional(v.string()) }))),
});
const ClientResourceSchema = v.object({
  displayName: v.string(),
  filterCategories: v.array(ClientFilterCategorySchema),
  supportedSources: v.record(v.string(), v.object({ displayName: v.string() })),
  notices: v.record(v.string(), v.object({ severity: v.picklist(['info', 'warning', 'alert']), messageHtml: v.string() })),
});

/**
 * GET /api/config: the UI config as the SPA reads it, resolved by the server (flags from the
 * environment applied, the announcements folder and logo file replaced by what the browser needs).
 */
export const ClientConfigSchema = v.object({
  providerName: v.string(),
  indexUsers: v.object({ enabled: v.boolean() }),
  indexDashboards: v.object({ enabled: v.boolean() }),
  /** Table results can be sorted by name or date (the search service is the embedded catalog, decision 107). */
  tableSort: v.object({ enabled: v.boolean() }),
  announcements: v.object({ enabled: v.boolean() }),
  bookmarks: v.object({ enabled: v.boolean() }),
  badges: v.record(v.string(), v.object({ style: v.picklist(BADGE_STYLES), displayName: v.optional(v.string()) })),
  browse: v.object({ curatedTags: v.array(v.string()), showBadgesInHome: v.boolean() }),
  tableLineage: v.object({ inAppListEnabled: v.boolean(), defaultLineageDepth: v.number() }),
  navLinks: v.array(v.object({ label: v.string(), href: v.string(), target: v.picklist(['_self', '_blank']) })),
  /** Where the browser loads the logo from (/branding/logo.<ext>), or null for the built-in mark. */
  logoUrl: v.nullable(v.string()),
  logoTitle: v.string(),
  documentTitle: v.string(),
  date: v.object({ default: v.string(), dateTimeShort: v.string(), dateTimeLong: v.string() }),
  searchPagination: v.object({ resultsPerPage: v.number() }),
  editableText: v.object({ tableDescLength: v.number(), columnDescLength: v.number() }),
  resourceConfig: v.object({
    table: ClientResourceSchema,
    dashboard: ClientResourceSchema,
    user: v.object({ displayName: v.string(), filterCategories: v.array(ClientFilterCategorySchema) }),
  }),
});
export type ClientConfig = v.InferOutput<typeof ClientConfigSchema>;
export type FilterCategory = v.InferOutput<typeof ClientFilterCategorySchema>;
export type ResourceUiConfig = v.InferOutput<typeof ClientResourceSchema>;
export type Notice = ResourceUiConfig['notices'][string];
