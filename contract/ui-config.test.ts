import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ClientConfigSchema } from './client-config';
import { toClientConfig, UiConfigFileSchema } from './ui-config';

const parse = (file: unknown) => v.safeParse(UiConfigFileSchema, file);
const defaults = v.parse(UiConfigFileSchema, {});

/** The messages of a file's problems, each with the path of its option. */
function problemsOf(file: unknown): string[] {
  const result = parse(file);
  expect(result.success).toBe(false);
  return result.issues!.map((issue) => `${(issue.path ?? []).map((item) => item.key).join('.')}: ${issue.message}`);
}

describe('the UI config file', () => {
  it('takes the defaults for whatever a section leaves out', () => {
    const file = v.parse(UiConfigFileSchema, {
      announcements: { enabled: true },
      browse: {},
      tableLineage: {},
      date: {},
      editableText: {},
      resourceConfig: { table: {}, dashboard: {}, user: {} },
      badges: { gold: {} },
      navLinks: [{ label: 'Docs', href: '/docs' }],
    });
    expect(file.announcements).toEqual({ enabled: true, directory: 'announcements' });
    expect(file.browse).toEqual(defaults.browse);
    expect(file.browse).toEqual({ curatedTags: [], showBadgesInHome: true });
    expect(file.tableLineage).toEqual({ inAppListEnabled: true, defaultLineageDepth: 5 });
    expect(file.date).toEqual({ default: 'MMM DD, YYYY', dateTimeShort: 'MMM DD, YYYY h:mm a', dateTimeLong: 'MMMM Do YYYY [at] h:mm:ss a' });
    expect(file.editableText).toEqual({ tableDescLength: 750, columnDescLength: 250 });
    expect(file.resourceConfig).toEqual(defaults.resourceConfig);
    expect(file.resourceConfig.user.displayName).toBe('People');
    expect(file.resourceConfig.table.displayName).toBe('Datasets');
    expect(file.resourceConfig.dashboard.displayName).toBe('Dashboards');
    expect(file.badges).toEqual({ gold: { style: 'neutral' } });
    expect(file.navLinks).toEqual([{ label: 'Docs', href: '/docs', target: '_self' }]);
    expect(v.parse(UiConfigFileSchema, { resourceConfig: {} }).resourceConfig).toEqual(defaults.resourceConfig);
  });

  it('offers the common table and dashboard sources and search filters by default', () => {
    const { table, dashboard, user } = defaults.resourceConfig;
    expect(table.filterCategories.map((c) => [c.categoryId, c.displayName])).toEqual([
      ['database', 'Source'], ['cluster', 'Cluster'], ['schema', 'Schema'], ['table', 'Table'], ['column', 'Column'], ['tag', 'Tag'], ['badges', 'Badge'],
    ]);
    expect(user.filterCategories.map((c) => [c.categoryId, c.displayName])).toEqual([['full_name', 'Name'], ['email', 'Email']]);
    expect(dashboard.filterCategories.map((c) => [c.categoryId, c.displayName])).toEqual([
      ['product', 'Product'], ['group_name', 'Group'], ['name', 'Name'], ['tag', 'Tag'],
    ]);
    expect([...table.filterCategories, ...dashboard.filterCategories, ...user.filterCategories].every((c) => c.type === 'inputFilter' && c.helpText!.startsWith('Comma-separated'))).toBe(true);
    expect(table.supportedSources.delta).toEqual({ displayName: 'Delta Lake' });
    expect(dashboard.supportedSources.powerbi).toEqual({ displayName: 'Power BI' });
    expect(defaults.badges).toEqual({
      certified: { style: 'positive' }, deprecated: { style: 'negative' }, alpha: { style: 'warning' }, beta: { style: 'warning' }, PII: { style: 'info' },
    });
  });

  it('trims text options and refuses blank or overlong ones', () => {
    expect(v.parse(UiConfigFileSchema, { logoTitle: '  Polar Data  ' }).logoTitle).toBe('Polar Data');
    expect(problemsOf({ logoTitle: '   ' })).toEqual(['logoTitle: must not be empty']);
    expect(problemsOf({ documentTitle: 'x'.repeat(61) })).toEqual(['documentTitle: must be at most 60 characters']);
    expect(parse({ documentTitle: 'x'.repeat(60) }).success).toBe(true);
  });

  it('words the bounds of whole-number options', () => {
    expect(problemsOf({ searchPagination: { resultsPerPage: 101 } })).toEqual(['searchPagination.resultsPerPage: must be at most 100']);
    expect(problemsOf({ searchPagination: { resultsPerPage: 4 } })).toEqual(['searchPagination.resultsPerPage: must be at least 5']);
    expect(problemsOf({ searchPagination: { resultsPerPage: 10.5 } })).toEqual(['searchPagination.resultsPerPage: must be a whole number']);
  });

  it('lets links lead to http(s) addresses and paths on this site only', () => {
    for (const href of ['https://docs.example.com/a', 'HTTP://DOCS.EXAMPLE.COM', '/browse', '/']) {
      expect(parse({ navLinks: [{ label: 'Go', href }] }).success, href).toBe(true);
    }
    expect(v.parse(UiConfigFileSchema, { navLinks: [{ label: 'Go', href: ' https://docs.example.com ' }] }).navLinks[0]!.href).toBe('https://docs.example.com');
    for (const href of ['javascript:alert(1)', '//evil.example/x', 'browse', 'https://', 'ftp://files.example.com', 'data:text/html,x', 'x/https://a.example', 'javascript:void("https://a.example")']) {
      expect(problemsOf({ navLinks: [{ label: 'Go', href }] }), href).toEqual(['navLinks.0.href: must be an http(s) URL or a path starting with / (such as /browse)']);
    }
    for (const target of ['_self', '_blank']) {
      expect(v.parse(UiConfigFileSchema, { navLinks: [{ label: 'Go', href: '/', target }] }).navLinks[0]!.target).toBe(target);
    }
    expect(problemsOf({ navLinks: [{ label: 'Go', href: '/', target: '_top' }] })).toHaveLength(1);
  });

  it('says which date letters it does not know', () => {
    expect(problemsOf({ date: { default: 'YYYY-MM-DD Q W' } })).toEqual([
      'date.default: uses Q, W, which is not a date token Nansen knows; use YYYY, YY, MMMM, MMM, MM, M, Do, DD, D, dddd, ddd, HH, H, hh, h, mm, m, ss, s, A, a, Z, z, or put literal text in [brackets]',
    ]);
  });

  it('takes search filters the search service knows, with any/all and checkbox options', () => {
    const table = {
      filterCategories: [
        { categoryId: 'schema', displayName: 'Schema', allowableOperation: 'AND' },
        { categoryId: 'tag', displayName: 'Tag', allowableOperation: 'OR', type: 'checkboxFilter', options: [{ value: 'finance', displayName: 'Finance' }, { value: 'pii' }] },
      ],
    };
    const parsed = v.parse(UiConfigFileSchema, { resourceConfig: { table } });
    expect(parsed.resourceConfig.table.filterCategories).toEqual([
      { categoryId: 'schema', displayName: 'Schema', allowableOperation: 'AND', type: 'inputFilter' },
      { categoryId: 'tag', displayName: 'Tag', allowableOperation: 'OR', type: 'checkboxFilter', options: [{ value: 'finance', displayName: 'Finance' }, { value: 'pii' }] },
    ]);
  });

  it('refuses a filter the service does not know, an unknown operation or kind, and checkboxes without options', () => {
    expect(problemsOf({ resourceConfig: { dashboard: { filterCategories: [{ categoryId: 'schema', displayName: 'Schema' }] } } })).toEqual([
      'resourceConfig.dashboard.filterCategories.0.categoryId: must be one of the dashboard filters the search service knows: product, group_name, name, tag, description, url, uri, chart_names, query_names, key, resource_type, last_successful_run_timestamp',
    ]);
    expect(problemsOf({ resourceConfig: { user: { filterCategories: [{ categoryId: 'team_name', displayName: 'Team' }] } } })).toEqual([
      'resourceConfig.user.filterCategories.0.categoryId: must be one of the user filters the search service knows: full_name, email, first_name, last_name, resource_type',
    ]);
    expect(problemsOf({ resourceConfig: { table: { filterCategories: [{ categoryId: 'tag', displayName: 'Tag', allowableOperation: 'XOR' }] } } })).toHaveLength(1);
    expect(problemsOf({ resourceConfig: { table: { filterCategories: [{ categoryId: 'tag', displayName: 'Tag', type: 'dropdown' }] } } })).toHaveLength(1);
    for (const options of [undefined, []]) {
      expect(problemsOf({ resourceConfig: { table: { filterCategories: [{ categoryId: 'tag', displayName: 'Tag', type: 'checkboxFilter', options }] } } })).toEqual([
        'resourceConfig.table.filterCategories.0.options: a checkboxFilter needs options: [{ "value": "…", "displayName": "…" }]',
      ]);
    }
  });

  it('takes notices of three severities for key patterns', () => {
    for (const severity of ['info', 'warning', 'alert']) {
      const parsed = v.parse(UiConfigFileSchema, { resourceConfig: { table: { notices: { 'hive://gold.core/*': { severity, messageHtml: 'Moving soon' } } } } });
      expect(parsed.resourceConfig.table.notices['hive://gold.core/*']).toEqual({ severity, messageHtml: 'Moving soon' });
    }
    expect(problemsOf({ resourceConfig: { table: { notices: { '*': { severity: 'error', messageHtml: 'x' } } } } })).toHaveLength(1);
  });

  it('takes badge styles and display names', () => {
    expect(v.parse(UiConfigFileSchema, { badges: { gold: { style: 'primary', displayName: 'Gold' } } }).badges).toEqual({ gold: { style: 'primary', displayName: 'Gold' } });
    expect(problemsOf({ badges: { gold: { style: 'shiny' } } })).toHaveLength(1);
  });
});

describe('the client config served to the SPA', () => {
  const resolved = { providerName: 'Example SSO', indexUsers: true, indexDashboards: false, logoUrl: '/branding/logo.svg?v=abc' };

  it('carries every option of the file the browser needs, and what the server resolved', () => {
    const file = v.parse(UiConfigFileSchema, {
      announcements: { enabled: true, directory: 'posts' },
      logoPath: 'logo.svg',
      indexUsers: { enabled: false },
      indexDashboards: { enabled: true },
      navLinks: [{ label: 'Docs', href: '/docs', target: '_blank' }],
      badges: { gold: { style: 'primary', displayName: 'Gold' } },
      resourceConfig: { table: { filterCategories: [{ categoryId: 'tag', displayName: 'Tag', type: 'checkboxFilter', allowableOperation: 'AND', helpText: 'Pick', options: [{ value: 'pii', displayName: 'PII' }] }], notices: { '*': { severity: 'info', messageHtml: 'Hi' } } } },
    });
    const client = toClientConfig(file, resolved);
    const { announcements: _a, logoPath: _l, indexUsers: _u, indexDashboards: _d, ...passedOn } = file;
    expect(client).toEqual({
      ...passedOn,
      providerName: 'Example SSO',
      indexUsers: { enabled: true },
      indexDashboards: { enabled: false },
      tableSort: { enabled: false },
      announcements: { enabled: true },
      logoUrl: '/branding/logo.svg?v=abc',
    });
    // The SPA parses it with its own schema, which must keep every field.
    expect(v.parse(ClientConfigSchema, client)).toEqual(client);
  });

  it('keeps the folder of announcements and the logo file on the server', () => {
    const client = toClientConfig(v.parse(UiConfigFileSchema, { announcements: { enabled: true, directory: 'posts' }, logoPath: 'secret/logo.svg' }), resolved);
    expect(JSON.stringify(client)).not.toMatch(/posts|secret/);
  });

  it('keeps every choice of every option the SPA reads', () => {
    const choices = v.parse(UiConfigFileSchema, {
      navLinks: [{ label: 'Here', href: '/', target: '_self' }, { label: 'There', href: 'https://x.example', target: '_blank' }],
      badges: Object.fromEntries(['negative', 'neutral', 'info', 'primary', 'positive', 'warning'].map((style) => [style, { style }])),
      resourceConfig: {
        table: {
          filterCategories: [
            { categoryId: 'schema', displayName: 'Schema', type: 'inputFilter', allowableOperation: 'AND' },
            { categoryId: 'tag', displayName: 'Tag', type: 'checkboxFilter', allowableOperation: 'OR', options: [{ value: 'pii' }] },
          ],
          notices: Object.fromEntries(['info', 'warning', 'alert'].map((severity) => [`${severity}://*`, { severity, messageHtml: severity }])),
        },
      },
    });
    const client = toClientConfig(choices, resolved);
    expect(v.parse(ClientConfigSchema, client)).toEqual(client);
  });

  it('parses the defaults as the SPA reads them', () => {
    const client = toClientConfig(defaults, { ...resolved, logoUrl: null });
    expect(v.parse(ClientConfigSchema, client)).toEqual(client);
  });
});
