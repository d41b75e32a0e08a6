// The runtime UI config: one JSON file (UI_CONFIG_FILE) with Amundsen's option names where they exist,
// validated once at start-up by the BFF (server/config/load-ui-config.ts) and served to the SPA by
// GET /api/config. Every option has a default, so `{}` is a complete file. Everything here is public to
// the browser: nothing secret or security-relevant belongs in it. docs/ui-config.md documents each
// option; ui-config.sample.json holds every default.
import * as z from 'zod/mini';
import { findUnknownDateTokens } from './date-format';
import { SEARCH_FILTER_NAMES } from './search-filters';
import { BADGE_STYLES, type ClientConfig } from './client-config';

export { BADGE_STYLES, ClientConfigSchema, type BadgeStyle, type ClientConfig, type FilterCategory, type Notice, type ResourceUiConfig } from './client-config';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const strict = z.strictObject;


const dateFormat = text(80).check(
  z.refine((pattern) => findUnknownDateTokens(pattern).length === 0, {
    error: (issue) =>
      `uses ${findUnknownDateTokens(String(issue.input)).join(', ')}, which is not a date token Nansen knows; use YYYY, MMMM, MMM, MM, DD, Do, dddd, ddd, HH, hh, h, mm, ss, a, A, z, or put literal text in [brackets]`,
  }),
);

/** http(s) URLs and same-site absolute paths only: `javascript:` and the like never reach a link. */
const linkTarget = text(2000).check(
  z.refine((href) => /^https?:\/\//i.test(href) ? URL.canParse(href) : /^\/(?!\/)/.test(href), {
    error: 'must be an http(s) URL or a path starting with / (such as /browse)',
  }),
);

const filterCategory = <R extends keyof typeof SEARCH_FILTER_NAMES>(resource: R) =>
  strict({
    categoryId: z.enum(SEARCH_FILTER_NAMES[resource] as unknown as [string, ...string[]], {
      error: `must be one of the ${resource} filters the search service knows: ${SEARCH_FILTER_NAMES[resource].join(', ')}`,
    }),
    displayName: text(60),
    helpText: z.optional(text(300)),
    /** Unset: people choose "any" (OR) or "all" (AND) of the values. Set: only that operation. */
    allowableOperation: z.optional(z.enum(['AND', 'OR'])),
    type: z._default(z.enum(['inputFilter', 'checkboxFilter']), 'inputFilter'),
    /** For checkboxFilter: the values to pick from. */
    options: z.optional(z.array(strict({ value: text(200), displayName: z.optional(text(100)) })).check(z.maxLength(50))),
  }).check(
    z.refine((c) => c.type !== 'checkboxFilter' || (c.options?.length ?? 0) > 0, {
      error: 'a checkboxFilter needs options: [{ "value": "…", "displayName": "…" }]',
      path: ['options'],
    }),
  );

const sources = z.record(z.string().check(z.minLength(1), z.maxLength(60)), strict({ displayName: text(60) }));

/** Keyed by a resource key pattern (`*` matches anything): `hive://gold.core/*`, `*://*.finance/*`. */
const notices = z.record(
  z.string().check(z.minLength(1), z.maxLength(300)),
  strict({ severity: z.enum(['info', 'warning', 'alert']), messageHtml: text(2000) }),
);

const DEFAULT_TABLE_FILTERS = [
  { categoryId: 'database', displayName: 'Source', helpText: 'Comma-separated database names; * matches anything', type: 'inputFilter' as const },
  { categoryId: 'schema', displayName: 'Schema', helpText: 'Comma-separated schema names; * matches anything', type: 'inputFilter' as const },
  { categoryId: 'table', displayName: 'Table', helpText: 'Comma-separated table names; * matches anything', type: 'inputFilter' as const },
  { categoryId: 'column', displayName: 'Column', helpText: 'Comma-separated column names; * matches anything', type: 'inputFilter' as const },
  { categoryId: 'tag', displayName: 'Tag', helpText: 'Comma-separated tags', type: 'inputFilter' as const },
  { categoryId: 'badges', displayName: 'Badge', helpText: 'Comma-separated badges', type: 'inputFilter' as const },
];
const DEFAULT_DASHBOARD_FILTERS = [
  { categoryId: 'product', displayName: 'Product', helpText: 'Comma-separated products, such as mode or tableau', type: 'inputFilter' as const },
  { categoryId: 'group_name', displayName: 'Group', helpText: 'Comma-separated group names; * matches anything', type: 'inputFilter' as const },
  { categoryId: 'name', displayName: 'Name', helpText: 'Comma-separated dashboard names; * matches anything', type: 'inputFilter' as const },
  { categoryId: 'tag', displayName: 'Tag', helpText: 'Comma-separated tags', type: 'inputFilter' as const },
];
const DEFAULT_TABLE_SOURCES = {
  bigquery: { displayName: 'BigQuery' }, delta: { displayName: 'Delta Lake' }, hive: { displayName: 'Hive' },
  postgres: { displayName: 'PostgreSQL' }, redshift: { displayName: 'Redshift' }, snowflake: { displayName: 'Snowflake' },
  trino: { displayName: 'Trino' }, presto: { displayName: 'Presto' }, mysql: { displayName: 'MySQL' },
};
const DEFAULT_DASHBOARD_SOURCES = {
  looker: { displayName: 'Looker' }, mode: { displayName: 'Mode' }, tableau: { displayName: 'Tableau' },
  superset: { displayName: 'Superset' }, redash: { displayName: 'Redash' }, powerbi: { displayName: 'Power BI' },
};

/** The file as written: every option optional, unknown options refused (a typo must not pass silently). */
export const UiConfigFileSchema = strict({
  indexUsers: z._default(strict({ enabled: z.boolean() }), { enabled: false }),
  /** Default: on with the embedded catalog (it indexes dashboards), off with real Amundsen services. */
  indexDashboards: z.optional(strict({ enabled: z.boolean() })),
  announcements: z._default(
    strict({
      enabled: z.boolean(),
      /** A folder of Markdown files, relative to this file; each starts with `title:` and `date:` lines. */
      directory: z._default(text(500), 'announcements'),
    }),
    { enabled: false, directory: 'announcements' },
  ),
  bookmarks: z._default(strict({ enabled: z.boolean() }), { enabled: true }),
  badges: z._default(
    z.record(text(100), strict({ style: z._default(z.enum(BADGE_STYLES), 'neutral'), displayName: z.optional(text(60)) })),
    {
      certified: { style: 'positive' },
      deprecated: { style: 'negative' },
      alpha: { style: 'warning' },
      beta: { style: 'warning' },
      PII: { style: 'info' },
    },
  ),
  browse: z._default(
    strict({
      curatedTags: z._default(z.array(text(100)).check(z.maxLength(100)), []),
      showBadgesInHome: z._default(z.boolean(), true),
    }),
    { curatedTags: [], showBadgesInHome: true },
  ),
  tableLineage: z._default(
    strict({
      inAppListEnabled: z._default(z.boolean(), true),
      defaultLineageDepth: z._default(z.int().check(z.minimum(1), z.maximum(10)), 5),
    }),
    { inAppListEnabled: true, defaultLineageDepth: 5 },
  ),
  navLinks: z._default(
    z.array(strict({ label: text(40), href: linkTarget, target: z._default(z.enum(['_self', '_blank']), '_self') })).check(z.maxLength(10)),
    [],
  ),
  /** An image file (svg, png, jpg, webp; ≤ 1 MB), relative to this file; served at /branding/logo.<ext>. */
  logoPath: z._default(z.nullable(text(500)), null),
  logoTitle: z._default(text(60), 'Nansen'),
  documentTitle: z._default(text(60), 'Nansen'),
  date: z._default(
    strict({
      default: z._default(dateFormat, 'MMM DD, YYYY'),
      dateTimeShort: z._default(dateFormat, 'MMM DD, YYYY h:mm a'),
      dateTimeLong: z._default(dateFormat, 'MMMM Do YYYY [at] h:mm:ss a'),
    }),
    { default: 'MMM DD, YYYY', dateTimeShort: 'MMM DD, YYYY h:mm a', dateTimeLong: 'MMMM Do YYYY [at] h:mm:ss a' },
  ),
  searchPagination: z._default(strict({ resultsPerPage: z.int().check(z.minimum(5), z.maximum(100)) }), { resultsPerPage: 10 }),
  editableText: z._default(
    strict({
      tableDescLength: z._default(z.int().check(z.minimum(1), z.maximum(100_000)), 750),
      columnDescLength: z._default(z.int().check(z.minimum(1), z.maximum(100_000)), 250),
    }),
    { tableDescLength: 750, columnDescLength: 250 },
  ),
  resourceConfig: z._default(
    strict({
      table: z._default(
        strict({
          displayName: z._default(text(40), 'Datasets'),
          filterCategories: z._default(z.array(filterCategory('table')).check(z.maxLength(20)), DEFAULT_TABLE_FILTERS),
          supportedSources: z._default(sources, DEFAULT_TABLE_SOURCES),
          notices: z._default(notices, {}),
        }),
        { displayName: 'Datasets', filterCategories: DEFAULT_TABLE_FILTERS, supportedSources: DEFAULT_TABLE_SOURCES, notices: {} },
      ),
      dashboard: z._default(
        strict({
          displayName: z._default(text(40), 'Dashboards'),
          filterCategories: z._default(z.array(filterCategory('dashboard')).check(z.maxLength(20)), DEFAULT_DASHBOARD_FILTERS),
          supportedSources: z._default(sources, DEFAULT_DASHBOARD_SOURCES),
          notices: z._default(notices, {}),
        }),
        { displayName: 'Dashboards', filterCategories: DEFAULT_DASHBOARD_FILTERS, supportedSources: DEFAULT_DASHBOARD_SOURCES, notices: {} },
      ),
      user: z._default(strict({ displayName: z._default(text(40), 'People') }), { displayName: 'People' }),
    }),
    {
      table: { displayName: 'Datasets', filterCategories: DEFAULT_TABLE_FILTERS, supportedSources: DEFAULT_TABLE_SOURCES, notices: {} },
      dashboard: { displayName: 'Dashboards', filterCategories: DEFAULT_DASHBOARD_FILTERS, supportedSources: DEFAULT_DASHBOARD_SOURCES, notices: {} },
      user: { displayName: 'People' },
    },
  ),
});
export type UiConfigFile = z.output<typeof UiConfigFileSchema>;

/** The client config of a file, once the server has resolved what only it can know. */
export function toClientConfig(
  file: UiConfigFile,
  resolved: { providerName: string; indexUsers: boolean; indexDashboards: boolean; logoUrl: string | null },
): ClientConfig {
  const { announcements, logoPath: _logoPath, indexUsers: _indexUsers, indexDashboards: _indexDashboards, ...rest } = file;
  return {
    ...rest,
    providerName: resolved.providerName,
    indexUsers: { enabled: resolved.indexUsers },
    indexDashboards: { enabled: resolved.indexDashboards },
    announcements: { enabled: announcements.enabled },
    logoUrl: resolved.logoUrl,
  };
}
