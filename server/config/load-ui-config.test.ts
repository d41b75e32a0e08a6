import * as v from 'valibot';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { ConfigError } from './load-config';
import { MAX_LOGO_BYTES } from './load-logo';
import { loadUiConfig, type UiConfigContext } from './load-ui-config';
import { problemsOf as configProblemsOf } from './testing/config-problems';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONTEXT: UiConfigContext = { providerName: 'Example SSO', indexUsers: undefined, embeddedCatalog: true };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-ui-config-'));
  file = path.join(dir, 'ui-config.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const writeConfig = (value: unknown) => fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const write = (name: string, content: string | Buffer) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), content);
};

function problemsOf(context: UiConfigContext = CONTEXT, configFile: string = file): string[] {
  return configProblemsOf(() => loadUiConfig(configFile, context));
}
/** The problems of `value` (or of the file as written) without the `UI_CONFIG_FILE (<file>): ` prefix every one of them carries. */
function problemsFor(value?: unknown): string[] {
  if (value !== undefined) writeConfig(value);
  const problems = problemsOf();
  for (const problem of problems) expect(problem.startsWith(`UI_CONFIG_FILE (${file}): `)).toBe(true);
  return problems.map((problem) => problem.slice(`UI_CONFIG_FILE (${file}): `.length));
}

describe('loadUiConfig: the file', () => {
  it('gives every default when UI_CONFIG_FILE is unset', () => {
    expect(loadUiConfig(undefined, CONTEXT)).toEqual({
      clientConfig: toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Example SSO', indexUsers: true, indexDashboards: true, logoUrl: null, tableSort: true }),
      announcements: null,
      logo: null,
    });
  });

  it('serves the options of the file', () => {
    writeConfig({ logoTitle: 'Acme data', searchPagination: { resultsPerPage: 25 }, navLinks: [{ label: 'Wiki', href: 'https://wiki.example.com', target: '_blank' }] });
    const { clientConfig } = loadUiConfig(file, CONTEXT);
    expect(clientConfig).toMatchObject({ providerName: 'Example SSO', logoTitle: 'Acme data', searchPagination: { resultsPerPage: 25 } });
    expect(clientConfig.navLinks).toEqual([{ label: 'Wiki', href: 'https://wiki.example.com', target: '_blank' }]);
  });

  it('names UI_CONFIG_FILE and the path of a missing file', () => {
    expect(problemsOf(CONTEXT, path.join(dir, 'missing.json'))).toEqual([
      `UI_CONFIG_FILE (${path.join(dir, 'missing.json')}): there is no such file; create it (docs/ui-config.sample.json holds every option with its default) or unset UI_CONFIG_FILE`,
    ]);
  });

  it('says so when UI_CONFIG_FILE names a folder', () => {
    expect(problemsOf(CONTEXT, dir)).toEqual([`UI_CONFIG_FILE (${dir}): this is a folder; UI_CONFIG_FILE must name the JSON file itself`]);
  });

  it('says why a file cannot be read', () => {
    const unreadable = path.join(dir, `${'x'.repeat(300)}.json`);
    expect(problemsOf(CONTEXT, unreadable)).toEqual([`UI_CONFIG_FILE (${unreadable}): the file cannot be read (ENAMETOOLONG)`]);
  });

  it('says an empty file should hold {}', () => {
    expect(problemsFor('  \n')).toEqual(['the file is empty; write {} to keep every option at its default']);
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(problemsFor('{\n  "logoTitle": "Acme"\n  "documentTitle": "Acme"\n}')).toEqual(['not valid JSON at line 3, column 3: a "," is missing before this property']);
    expect(problemsFor('{\n  "logoTitle": "Acme",\n}')).toEqual(['not valid JSON at line 2, column 22: a comma before } (JSON allows no trailing comma)']);
  });

  it('reads a file that starts with a byte-order mark, and keeps one inside a value', () => {
    writeConfig('\uFEFF{ "logoTitle": "Acme" }');
    expect(loadUiConfig(file, CONTEXT).clientConfig.logoTitle).toBe('Acme');
    writeConfig('{ "logoTitle": "Ac\uFEFFme" }');
    expect(loadUiConfig(file, CONTEXT).clientConfig.logoTitle).toBe('Ac\uFEFFme');
  });

  it('says the file must hold an object', () => {
    expect(problemsFor([])).toEqual(['the file must hold one JSON object, such as {} for every option at its default; it holds an array']);
    expect(problemsFor('"x"')).toEqual(['the file must hold one JSON object, such as {} for every option at its default; it holds a string']);
  });
});

describe('loadUiConfig: the options', () => {
  it('names the option by its path, with our message for a search filter the service does not know', () => {
    const filters = [{ categoryId: 'database', displayName: 'Source' }, { categoryId: 'tag', displayName: 'Tag' }, { categoryId: 'db', displayName: 'DB' }];
    expect(problemsFor({ resourceConfig: { table: { filterCategories: filters } } })).toEqual([
      'resourceConfig.table.filterCategories[2].categoryId must be one of the table filters the search service knows: database, cluster, schema, table, column, tag, badges, description, key, resource_type (found "db")',
    ]);
  });

  it('says what each option must be and shows the value found', () => {
    expect(problemsFor({ indexUsers: { enabled: 'yes' }, searchPagination: { resultsPerPage: 500 } })).toEqual([
      'indexUsers.enabled must be true or false (found "yes")',
      'searchPagination.resultsPerPage must be at most 100 (found 500)',
    ]);
  });

  it('quotes keys that are not names', () => {
    expect(problemsFor({ badges: { 'data quality': { style: 'red' } } })).toEqual([
      'badges["data quality"].style must be one of "negative", "neutral", "info", "primary", "positive", "warning" (found "red")',
    ]);
  });

  it('reports a missing required option', () => {
    expect(problemsFor({ announcements: { directory: 'news' } })).toEqual(['announcements.enabled is required and must be true or false']);
  });

  it('names an unknown option and suggests the one a typo meant', () => {
    expect(problemsFor({ indexuser: { enabled: true } })).toEqual([
      'indexuser is not an option; did you mean indexUsers? (the options are indexUsers, indexDashboards, announcements, bookmarks, badges, browse, tableLineage, navLinks, logoPath, logoTitle, documentTitle, date, searchPagination, editableText, resourceConfig)',
    ]);
    expect(problemsFor({ resourceConfig: { table: { filterCategory: [] } } })).toEqual([
      'resourceConfig.table.filterCategory is not an option; did you mean resourceConfig.table.filterCategories? (resourceConfig.table takes displayName, filterCategories, supportedSources, notices)',
    ]);
    expect(problemsFor({ navLinks: [{ label: 'Wiki', href: '/wiki', traget: '_blank' }] })).toEqual([
      'navLinks[0].traget is not an option; did you mean navLinks[0].target? (navLinks[0] takes label, href, target)',
    ]);
  });

  it('suggests nothing when no option is close', () => {
    expect(problemsFor({ tableLineage: { colour: 'red' } })).toEqual(['tableLineage.colour is not an option (tableLineage takes inAppListEnabled, defaultLineageDepth)']);
    // logoPath and logoTitle are four letters away: not an obvious typo of either.
    expect(problemsFor({ logo: 'logo.svg' })[0]).toMatch(/^logo is not an option \(the options are/);
  });

  it("says which Amundsen options Nansen does not read", () => {
    expect(problemsFor({ indexFeatures: { enabled: false }, resourceConfig: { feature: {} } })).toEqual([
      'resourceConfig.feature is an Amundsen option Nansen does not read (Nansen has no ML features); remove it',
      'indexFeatures is an Amundsen option Nansen does not read (Nansen has no ML features); remove it',
    ]);
  });

  it('is not fooled by an unknown option named like an Object method', () => {
    expect(problemsFor({ constructor: 1 })).toEqual([expect.stringMatching(/^the file names constructor, which is not an option \(the options are indexUsers, indexDashboards, /)]);
    expect(problemsFor(JSON.parse('{ "bookmarks": { "__proto__": { "enabled": false } } }'))).toEqual([
      'bookmarks names __proto__, which is not an option (the options are enabled)',
    ]);
  });

  it('refuses a section that is not an object, and the third name that would touch prototypes', () => {
    expect(problemsFor({ bookmarks: [], browse: null, tableLineage: 'deep' })).toEqual([
      'bookmarks must be an object ({ … })',
      'browse must be an object ({ … }) (found null)',
      'tableLineage must be an object ({ … }) (found "deep")',
    ]);
    expect(problemsFor(JSON.parse('{ "browse": { "prototype": true } }'))).toEqual([
      'browse names prototype, which is not an option (the options are curatedTags, showBadgesInHome)',
    ]);
    expect(problemsFor(JSON.parse('{ "browse": { "constructor": 1, "prototype": 2 } }'))).toEqual([
      'browse names constructor, prototype, which is not an option (the options are curatedTags, showBadgesInHome)',
    ]);
  });

  it('bounds every list and number, saying the bound', () => {
    const filter = { categoryId: 'schema', displayName: 'Schema' };
    expect(
      problemsFor({
        browse: { curatedTags: Array.from({ length: 101 }, (_, i) => `tag${i}`) },
        navLinks: Array.from({ length: 11 }, (_, i) => ({ label: `L${i}`, href: `/l${i}` })),
        tableLineage: { defaultLineageDepth: 2.5 },
        searchPagination: { resultsPerPage: 101 },
        resourceConfig: {
          table: { filterCategories: Array.from({ length: 21 }, () => filter) },
          dashboard: { filterCategories: [{ ...filter, categoryId: 'name', type: 'checkboxFilter', options: Array.from({ length: 51 }, (_, i) => ({ value: `v${i}` })) }, ...Array.from({ length: 20 }, () => ({ ...filter, categoryId: 'name' }))] },
          user: { filterCategories: Array.from({ length: 21 }, () => ({ ...filter, categoryId: 'email' })) },
        },
      }),
    ).toEqual([
      'browse.curatedTags must list at most 100 tags',
      'tableLineage.defaultLineageDepth must be a whole number (found 2.5)',
      'navLinks must list at most 10 links',
      'searchPagination.resultsPerPage must be at most 100 (found 101)',
      'resourceConfig.table.filterCategories must list at most 20 filters',
      'resourceConfig.dashboard.filterCategories[0].options must list at most 50 options',
      'resourceConfig.dashboard.filterCategories must list at most 20 filters',
      'resourceConfig.user.filterCategories must list at most 20 filters',
    ]);
  });

  it('reports every problem at once in the ConfigError message', () => {
    writeConfig({ logoTitle: '', date: { default: 'QQ YYYY' }, navLinks: [{ label: 'x', href: 'javascript:alert(1)' }] });
    let error: unknown;
    try {
      loadUiConfig(file, CONTEXT);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      [
        'Nansen cannot start; fix these settings:',
        `  - UI_CONFIG_FILE (${file}): navLinks[0].href must be an http(s) URL or a path starting with / (such as /browse)`,
        `  - UI_CONFIG_FILE (${file}): logoTitle must not be empty (found "")`,
        `  - UI_CONFIG_FILE (${file}): date.default uses QQ, which is not a date token Nansen knows; use YYYY, YY, MMMM, MMM, MM, M, Do, DD, D, dddd, ddd, HH, H, hh, h, mm, m, ss, s, A, a, Z, z, or put literal text in [brackets]`,
      ].join('\n'),
    );
  });

  // docs/ui-config.md: all problems are printed at once; a logoPath problem used to wait until the other options were right.
  it('reports a logo or announcements problem together with the options\' problems', () => {
    writeConfig({ logoPath: ' logo.gif ', indexuser: true, announcements: { enabled: true, directory: 'news' } });
    expect(problemsFor()).toEqual([
      expect.stringMatching(/^indexuser is not an option; did you mean indexUsers\?/),
      `logoPath: ${path.join(dir, 'logo.gif')} is not an svg, png, jpg/jpeg or webp file (by its name); convert the logo to one of those`,
      `announcements.directory: the folder ${path.join(dir, 'news')} does not exist; create it, or point announcements.directory (relative to this file) at the folder of *.md posts`,
    ]);
  });

  it('looks no further at a logoPath or announcements section that is wrong itself', () => {
    expect(problemsFor({ logoPath: 42, date: { default: 'Q' } })).toEqual([
      expect.stringMatching(/^logoPath /),
      expect.stringMatching(/^date\.default uses Q/),
    ]);
    expect(problemsFor({ announcements: { enabled: true, directory: '' }, date: { default: 'Q' } })).toEqual([
      expect.stringMatching(/^announcements\.directory /),
      expect.stringMatching(/^date\.default uses Q/),
    ]);
    expect(problemsFor([])).toHaveLength(1);
  });

  it('lists at most 30 problems and counts the rest', () => {
    const problems = problemsFor(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`unknown${i}`, true])));
    expect(problems).toHaveLength(31);
    expect(problems[30]).toBe('… and 10 more problems');
  });
});

describe('loadUiConfig: resolved flags', () => {
  it.each([
    [undefined, true, true],
    [undefined, false, false],
    [true, false, true],
    [false, true, false],
  ])('INDEX_USERS=%s with indexUsers.enabled=%s in the file → %s', (env, inFile, expected) => {
    writeConfig({ indexUsers: { enabled: inFile } });
    expect(loadUiConfig(file, { ...CONTEXT, indexUsers: env }).clientConfig.indexUsers.enabled).toBe(expected);
  });

  it('turns INDEX_USERS on without a file', () => {
    expect(loadUiConfig(undefined, { ...CONTEXT, indexUsers: true }).clientConfig.indexUsers.enabled).toBe(true);
  });

  it('offers sorted table results with the embedded catalog only (Amundsen\'s search refuses a sort key, decision 107)', () => {
    writeConfig({});
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: true }).clientConfig.tableSort.enabled).toBe(true);
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: false }).clientConfig.tableSort.enabled).toBe(false);
  });

  it('turns dashboards on by default with the embedded catalog and off with real Amundsen services', () => {
    writeConfig({});
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: true }).clientConfig.indexDashboards.enabled).toBe(true);
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: false }).clientConfig.indexDashboards.enabled).toBe(false);
  });

  it('turns profiles on by default with the embedded catalog and off with real Amundsen services', () => {
    writeConfig({});
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: true }).clientConfig.indexUsers.enabled).toBe(true);
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: false }).clientConfig.indexUsers.enabled).toBe(false);
    expect(loadUiConfig(undefined, { ...CONTEXT, embeddedCatalog: false }).clientConfig.indexUsers.enabled).toBe(false);
  });

  it('lets the file and INDEX_USERS turn profiles off with the embedded catalog', () => {
    writeConfig({ indexUsers: { enabled: false } });
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: true }).clientConfig.indexUsers.enabled).toBe(false);
    writeConfig({});
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: true, indexUsers: false }).clientConfig.indexUsers.enabled).toBe(false);
  });

  it('lets the file set indexDashboards.enabled either way', () => {
    writeConfig({ indexDashboards: { enabled: false } });
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: true }).clientConfig.indexDashboards.enabled).toBe(false);
    writeConfig({ indexDashboards: { enabled: true } });
    expect(loadUiConfig(file, { ...CONTEXT, embeddedCatalog: false }).clientConfig.indexDashboards.enabled).toBe(true);
  });
});

describe('loadUiConfig: announcements', () => {
  it('reads the folder relative to the config file, newest first', () => {
    write('news/old.md', 'title: Old\ndate: 2025-06-01\n\nOld.');
    write('news/new.md', 'title: New\ndate: 2026-01-02\n\n<b>New</b>.');
    writeConfig({ announcements: { enabled: true, directory: 'news' } });
    const ui = loadUiConfig(file, CONTEXT);
    expect(ui.clientConfig.announcements).toEqual({ enabled: true });
    expect(ui.announcements).toEqual([
      { title: 'New', date: '2026-01-02', html_content: '<p>&lt;b&gt;New&lt;/b&gt;.</p>\n' },
      { title: 'Old', date: '2025-06-01', html_content: '<p>Old.</p>\n' },
    ]);
  });

  it('does not read the folder when announcements are off', () => {
    writeConfig({ announcements: { enabled: false, directory: 'missing' } });
    expect(loadUiConfig(file, CONTEXT).announcements).toBeNull();
  });

  it('names a missing folder and each bad file, together with a logo problem', () => {
    writeConfig({ announcements: { enabled: true }, logoPath: 'logo.gif' });
    expect(problemsFor()).toEqual([
      `logoPath: ${path.join(dir, 'logo.gif')} is not an svg, png, jpg/jpeg or webp file (by its name); convert the logo to one of those`,
      `announcements.directory: the folder ${path.join(dir, 'announcements')} does not exist; create it, or point announcements.directory (relative to this file) at the folder of *.md posts`,
    ]);
    write('announcements/a.md', 'date: 2026-01-01\n\nNo title.');
    expect(problemsFor()[1]).toMatch(new RegExp(`^announcement ${path.join(dir, 'announcements', 'a.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no "title:" line`));
  });
});

describe('loadUiConfig: the logo', () => {
  it('serves an svg relative to the config file at /branding/logo.svg with its content hash in the URL', () => {
    write('brand/logo.svg', SVG);
    writeConfig({ logoPath: 'brand/logo.svg' });
    const { logo, clientConfig } = loadUiConfig(file, CONTEXT);
    expect(logo).toMatchObject({ path: '/branding/logo.svg', contentType: 'image/svg+xml', body: Buffer.from(SVG) });
    expect(logo!.hash).toMatch(/^[\w-]{16}$/);
    expect(clientConfig.logoUrl).toBe(`/branding/logo.svg?v=${logo!.hash}`);
  });

  it('gives another logo another URL', () => {
    write('logo.svg', SVG);
    writeConfig({ logoPath: 'logo.svg' });
    const first = loadUiConfig(file, CONTEXT).clientConfig.logoUrl;
    write('logo.svg', SVG.replace('r="4"', 'r="3"'));
    expect(loadUiConfig(file, CONTEXT).clientConfig.logoUrl).not.toBe(first);
  });

  it.each([
    ['logo.png', PNG, 'image/png', '/branding/logo.png'],
    ['LOGO.PNG', PNG, 'image/png', '/branding/logo.png'],
    ['logo.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg', '/branding/logo.jpeg'],
    ['logo.webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]), 'image/webp', '/branding/logo.webp'],
  ])('takes %s', (name, bytes, contentType, servedPath) => {
    write(name, bytes);
    writeConfig({ logoPath: name });
    expect(loadUiConfig(file, CONTEXT).logo).toMatchObject({ contentType, path: servedPath });
  });

  it.each([
    ['logo.gif', Buffer.from('GIF89a'), /logo\.gif is not an svg, png, jpg\/jpeg or webp file \(by its name\)/],
    ['missing.svg', null, /missing\.svg does not exist \(logoPath is relative to the UI config file's folder\)/],
    ['empty.png', Buffer.alloc(0), /empty\.png is empty$/],
    ['huge.png', Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]), /huge\.png is 1\.0 MB; a logo may be at most 1 MB/],
    ['fake.png', Buffer.from('<svg></svg>'), /fake\.png is named \.png but does not hold a PNG image/],
    ['fake.svg', PNG, /fake\.svg is named \.svg but does not hold an SVG image/],
  ])('refuses %s', (name, bytes, problem) => {
    if (bytes) write(name, bytes);
    writeConfig({ logoPath: name });
    const problems = problemsFor();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^logoPath: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
    expect(problems[0]).toMatch(problem);
  });

  it('refuses a folder', () => {
    fs.mkdirSync(path.join(dir, 'folder.svg'));
    writeConfig({ logoPath: 'folder.svg' });
    expect(problemsFor()).toEqual([`logoPath: ${path.join(dir, 'folder.svg')} is not a file`]);
  });

  it('takes a logo of exactly 1 MB', () => {
    write('max.png', Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES - PNG.length)]));
    writeConfig({ logoPath: 'max.png' });
    expect(loadUiConfig(file, CONTEXT).logo?.body.length).toBe(MAX_LOGO_BYTES);
  });
});

describe('the samples in docs/', () => {
  const sample: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/ui-config.sample.json'), 'utf8'));

  it('ui-config.sample.json holds every option with its default', () => {
    const defaults = v.parse(UiConfigFileSchema, {});
    expect(v.parse(UiConfigFileSchema, sample)).toEqual(defaults);
    // Written out in full, not left to the defaults (indexUsers and indexDashboards have none: they depend on the catalog).
    expect(sample).toEqual(JSON.parse(JSON.stringify(defaults)));
    expect(Object.keys(sample as object)).toEqual(Object.keys(UiConfigFileSchema.pipe[1].entries).filter((key) => key !== 'indexUsers' && key !== 'indexDashboards'));
  });

  it('ui-config.sample.json loads', () => {
    expect(loadUiConfig(path.join(ROOT, 'docs/ui-config.sample.json'), CONTEXT).clientConfig).toEqual(loadUiConfig(undefined, CONTEXT).clientConfig);
  });

  it('the announcements.sample folder loads', () => {
    write('ui.json', JSON.stringify({ announcements: { enabled: true, directory: path.join(ROOT, 'docs/announcements.sample') } }));
    const { announcements } = loadUiConfig(path.join(dir, 'ui.json'), CONTEXT);
    expect(announcements!.length).toBeGreaterThan(0);
    expect(announcements![0]!.html_content).toContain('<a href="mailto:');
  });
});
