// The runtime UI config: one JSON file (UI_CONFIG_FILE) with Amundsen's option names where they exist,
// validated once at start-up by the BFF (server/config/load-ui-config.ts) and served to the SPA by
// GET /api/config. Every option has a default, so `{}` is a complete file (a default passes through the
// option's own schema, so a partly written section gets the rest of its defaults). Everything here is
// public to the browser: nothing secret or security-relevant belongs in it. docs/ui-config.md documents
// each option; ui-config.sample.json holds every default.
import * as v from 'valibot';
import { DATE_FORMAT_TOKENS, findUnknownDateTokens } from './date-format';
import { SEARCH_FILTER_NAMES, type SearchFilterName } from './search-filters';
import { BADGE_STYLES, type ClientConfig } from './client-config';
import { strictOptions } from './strict-object';

export { BADGE_STYLES, ClientConfigSchema, type BadgeStyle, type ClientConfig, type FilterCategory, type Notice, type ResourceUiConfig } from './client-config';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const strict = strictOptions;
const wholeNumber = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`));

const dateFormat = v.pipe(
  text(80),
  v.check(
    (pattern) => findUnknownDateTokens(pattern).length === 0,
    (issue) =>
      `uses ${findUnknownDateTokens(String(issue.input)).join(', ')}, which is not a date token Nansen knows; use ${DATE_FORMAT_TOKENS.join(', ')}, or put literal text in [brackets]`,
  ),
);

/** http(s) URLs and same-site absolute paths only: `javascript:` and the like never reach a link. */
const linkTarget = v.pipe(
  text(2000),
  v.check(
    (href) => (/^https?:\/\//i.test(href) ? URL.canParse(href) : /^\/(?!\/)/.test(href)),
    'must be an http(s) URL or a path starting with / (such as /browse)',
  ),
);

const filterCategory = <R extends keyof typeof SEARCH_FILTER_NAMES>(resource: R) =>
  v.pipe(
    strict({
      categoryId: v.picklist(
        SEARCH_FILTER_NAMES[resource],
        `must be one of the ${resource} filters the search service knows: ${SEARCH_FILTER_NAMES[resource].join(', ')}`,
      ),
      displayName: text(60),
      helpText: v.optional(text(300)),
      /** Unset: people choose "any" (OR) or "all" (AND) of the values. Set: only that operation. */
      allowableOperation: v.optional(v.picklist(['AND', 'OR'])),
      type: v.optional(v.picklist(['inputFilter', 'checkboxFilter']), 'inputFilter'),
      /** For checkboxFilter: the values to pick from. */
      options: v.optional(v.pipe(v.array(strict({ value: text(200), displayName: v.optional(text(100)) })), v.maxLength(50, 'must list at most 50 options'))),
    }),
    v.forward(
      v.check((c) => c.type !== 'checkboxFilter' || (c.options?.length ?? 0) > 0, 'a checkboxFilter needs options: [{ "value": "…", "displayName": "…" }]'),
      ['options'],
    ),
  );

const sources = v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(60)), strict({ displayName: text(60) }));

/** Keyed by a resource key pattern (`*` matches anything): `hive://gold.core/*`, `*://*.finance/*`. */
const notices = v.record(
  v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  strict({ severity: v.picklist(['info', 'warning', 'alert']), messageHtml: text(2000) }),
);

type DefaultFilter<R extends keyof typeof SEARCH_FILTER_NAMES> = { categoryId: SearchFilterName<R>; displayName: string; helpText: string; type: 'inputFilter' };

const DEFAULT_TABLE_FILTERS: DefaultFilter<'table'>[] = [
  { categoryId: 'database', displayName: 'Source', helpText: 'Comma-separated database names; * matches anything', type: 'inputFilter' },
  { categoryId: 'cluster', displayName: 'Cluster', helpText: 'Comma-separated cluster names; * matches anything', type: 'inputFilter' },
  { categoryId: 'schema', displayName: 'Schema', helpText: 'Comma-separated schema names; * matches anything', type: 'inputFilter' },
  { categoryId: 'table', displayName: 'Table', helpText: 'Comma-separated table names; * matches anything', type: 'inputFilter' },
  { categoryId: 'column', displayName: 'Column', helpText: 'Comma-separated column names or nested field paths (payload.address.city); * matches anything', type: 'inputFilter' },
  { categoryId: 'tag', displayName: 'Tag', helpText: 'Comma-separated tags', type: 'inputFilter' },
  { categoryId: 'badges', displayName: 'Badge', helpText: 'Comma-separated badges', type: 'inputFilter' },
];
const DEFAULT_DASHBOARD_FILTERS: DefaultFilter<'dashboard'>[] = [
  { categoryId: 'product', displayName: 'Product', helpText: 'Comma-separated products, such as mode or tableau', type: 'inputFilter' },
  { categoryId: 'group_name', displayName: 'Group', helpText: 'Comma-separated group names; * matches anything', type: 'inputFilter' },
  { categoryId: 'name', displayName: 'Name', helpText: 'Comma-separated dashboard names; * matches anything', type: 'inputFilter' },
  { categoryId: 'tag', displayName: 'Tag', helpText: 'Comma-separated tags', type: 'inputFilter' },
];
// The user index's filters are names and e-mail only (API.md §5.1): Amundsen's search service cannot
// filter people by team or role, so neither is offered.
const DEFAULT_USER_FILTERS: DefaultFilter<'user'>[] = [
  { categoryId: 'full_name', displayName: 'Name', helpText: 'Comma-separated full names; * matches anything', type: 'inputFilter' },
  { categoryId: 'email', displayName: 'Email', helpText: 'Comma-separated e-mail addresses; * matches anything', type: 'inputFilter' },
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
  /** Default: on with the embedded catalog (it holds everyone who signed in and the demo's people), off with real Amundsen services (their default). */
  indexUsers: v.optional(strict({ enabled: v.boolean() })),
  /** Default: on with the embedded catalog (it indexes dashboards), off with real Amundsen services. */
  indexDashboards: v.optional(strict({ enabled: v.boolean() })),
  announcements: v.optional(
    strict({
      enabled: v.boolean(),
      /** A folder of Markdown files, relative to this file; each starts with `title:` and `date:` lines. */
      directory: v.optional(text(500), 'announcements'),
    }),
    () => ({ enabled: false }),
  ),
  bookmarks: v.optional(strict({ enabled: v.boolean() }), () => ({ enabled: true })),
  badges: v.optional(
    v.record(text(100), strict({ style: v.optional(v.picklist(BADGE_STYLES), 'neutral'), displayName: v.optional(text(60)) })),
    () => ({
      certified: { style: 'positive' as const },
      deprecated: { style: 'negative' as const },
      alpha: { style: 'warning' as const },
      beta: { style: 'warning' as const },
      PII: { style: 'info' as const },
    }),
  ),
  browse: v.optional(
    strict({
      curatedTags: v.optional(v.pipe(v.array(text(100)), v.maxLength(100, 'must list at most 100 tags')), () => []),
      showBadgesInHome: v.optional(v.boolean(), true),
    }),
    () => ({}),
  ),
  tableLineage: v.optional(
    strict({
      inAppListEnabled: v.optional(v.boolean(), true),
      defaultLineageDepth: v.optional(wholeNumber(1, 10), 5),
    }),
    () => ({}),
  ),
  navLinks: v.optional(
    v.pipe(
      v.array(strict({ label: text(40), href: linkTarget, target: v.optional(v.picklist(['_self', '_blank']), '_self') })),
      v.maxLength(10, 'must list at most 10 links'),
    ),
    () => [],
  ),
  /** An image file (svg, png, jpg, webp; ≤ 1 MB), relative to this file; served at /branding/logo.<ext>. */
  logoPath: v.optional(v.nullable(text(500)), null),
  logoTitle: v.optional(text(60), 'Nansen'),
  documentTitle: v.optional(text(60), 'Nansen'),
  date: v.optional(
    strict({
      default: v.optional(dateFormat, 'MMM DD, YYYY'),
      dateTimeShort: v.optional(dateFormat, 'MMM DD, YYYY h:mm a'),
      dateTimeLong: v.optional(dateFormat, 'MMMM Do YYYY [at] h:mm:ss a'),
    }),
    () => ({}),
  ),
  searchPagination: v.optional(strict({ resultsPerPage: wholeNumber(5, 100) }), () => ({ resultsPerPage: 10 })),
  editableText: v.optional(
    strict({
      tableDescLength: v.optional(wholeNumber(1, 100_000), 750),
      columnDescLength: v.optional(wholeNumber(1, 100_000), 250),
    }),
    () => ({}),
  ),
  resourceConfig: v.optional(
    strict({
      table: v.optional(
        strict({
          displayName: v.optional(text(40), 'Datasets'),
          filterCategories: v.optional(v.pipe(v.array(filterCategory('table')), v.maxLength(20, 'must list at most 20 filters')), () => DEFAULT_TABLE_FILTERS),
          supportedSources: v.optional(sources, () => DEFAULT_TABLE_SOURCES),
          notices: v.optional(notices, () => ({})),
        }),
        () => ({}),
      ),
      dashboard: v.optional(
        strict({
          displayName: v.optional(text(40), 'Dashboards'),
          filterCategories: v.optional(v.pipe(v.array(filterCategory('dashboard')), v.maxLength(20, 'must list at most 20 filters')), () => DEFAULT_DASHBOARD_FILTERS),
          supportedSources: v.optional(sources, () => DEFAULT_DASHBOARD_SOURCES),
          notices: v.optional(notices, () => ({})),
        }),
        () => ({}),
      ),
      user: v.optional(
        strict({
          displayName: v.optional(text(40), 'People'),
          filterCategories: v.optional(v.pipe(v.array(filterCategory('user')), v.maxLength(20, 'must list at most 20 filters')), () => DEFAULT_USER_FILTERS),
        }),
        () => ({}),
      ),
    }),
    () => ({}),
  ),
});
export type UiConfigFile = v.InferOutput<typeof UiConfigFileSchema>;

/** The client config of a file, once the server has resolved what only it can know. */
export function toClientConfig(
  file: UiConfigFile,
  resolved: {
    providerName: string; indexUsers: boolean; indexDashboards: boolean; logoUrl: string | null;
    /** The search service takes Nansen's `sort` (the embedded catalog, decision 107); false when unsaid. */
    tableSort?: boolean;
  },
): ClientConfig {
  const { announcements, logoPath: _logoPath, indexUsers: _indexUsers, indexDashboards: _indexDashboards, ...rest } = file;
  return {
    ...rest,
    providerName: resolved.providerName,
    indexUsers: { enabled: resolved.indexUsers },
    indexDashboards: { enabled: resolved.indexDashboards },
    tableSort: { enabled: resolved.tableSort ?? false },
    announcements: { enabled: announcements.enabled },
    logoUrl: resolved.logoUrl,
  };
}
