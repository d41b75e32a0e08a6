import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UiConfigFileSchema } from '../../contract/ui-config';
import { closestKey, describeUiConfigIssues, formatPath, knownKeysAt } from './ui-config-issues';

/** The lines a UI config file's problems become, as loadUiConfig reports them. */
function linesFor(file: unknown): string[] {
  const parsed = v.safeParse(UiConfigFileSchema, file);
  expect(parsed.success).toBe(false);
  return describeUiConfigIssues(UiConfigFileSchema, parsed.issues!);
}

describe('the lines a UI config file\'s problems become', () => {
  it('say what the whole file holds when it is not an object', () => {
    for (const [file, holds] of [[null, 'null'], [[], 'an array'], ['x', 'a string'], [3, 'a number'], [true, 'a boolean']] as const) {
      expect(linesFor(file)).toEqual([`the file must hold one JSON object, such as {} for every option at its default; it holds ${holds}`]);
    }
  });

  it('read our own messages on from the option\'s name, and set zod\'s apart with a colon', () => {
    expect(linesFor({ resourceConfig: { table: { filterCategories: [{ categoryId: 'tag', displayName: 'Tag', type: 'checkboxFilter' }] } } })).toEqual([
      'resourceConfig.table.filterCategories[0].options: a checkboxFilter needs options: [{ "value": "…", "displayName": "…" }]',
    ]);
    expect(linesFor({ navLinks: [{ label: 'x', href: 'javascript:x' }] })).toEqual([
      'navLinks[0].href must be an http(s) URL or a path starting with / (such as /browse)',
    ]);
  });

  it('show the value found when it is short and not an object, null included', () => {
    expect(linesFor({ logoTitle: null })).toEqual(['logoTitle must be a string (found null)']);
    expect(linesFor({ logoTitle: 7 })).toEqual(['logoTitle must be a string (found 7)']);
    const exactly40 = `"${'x'.repeat(38)}"`;
    expect(linesFor({ bookmarks: { enabled: 'x'.repeat(38) } })).toEqual([`bookmarks.enabled must be true or false (found ${exactly40})`]);
    expect(linesFor({ bookmarks: { enabled: 'x'.repeat(39) } })).toEqual(['bookmarks.enabled must be true or false']);
    expect(linesFor({ bookmarks: { enabled: { on: true } } })).toEqual(['bookmarks.enabled must be true or false']);
  });

  it('list exactly 30 problems without a count', () => {
    const lines = linesFor(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`unknown${i}`, true])));
    expect(lines).toHaveLength(30);
    expect(lines.at(-1)).toMatch(/^unknown29 is not an option/);
  });

  it('list the options of an object inside a list or a map when one is unknown', () => {
    expect(linesFor({ badges: { gold: { colour: 'gold' } } })).toEqual(['badges.gold.colour is not an option (badges.gold takes style, displayName)']);
    expect(linesFor({ resourceConfig: { table: { filterCategories: [{ categoryId: 'tag', displayName: 'Tag', option: [] }] } } })).toEqual([
      'resourceConfig.table.filterCategories[0].option is not an option; did you mean resourceConfig.table.filterCategories[0].options? (resourceConfig.table.filterCategories[0] takes categoryId, displayName, helpText, allowableOperation, type, options)',
    ]);
  });

  it.each([
    ['indexFeatures', { indexFeatures: {} }, 'Nansen has no ML features'],
    ['resourceConfig.feature', { resourceConfig: { feature: {} } }, 'Nansen has no ML features'],
    ['columnLineage', { columnLineage: {} }, 'column lineage is not shown yet'],
    ['navTheme', { navTheme: 'dark' }, 'Nansen has one navigation theme'],
    ['navAppSuite', { navAppSuite: [] }, 'there is no app-suite menu'],
    ['issueTracking', { issueTracking: {} }, 'Nansen has no issue tracker integration'],
    ['mailClientFeatures', { mailClientFeatures: {} }, 'Nansen sends no mail'],
    ['tableProfile', { tableProfile: {} }, 'there is no "explore" button'],
    ['tableQualityChecks', { tableQualityChecks: {} }, 'Nansen shows no quality checks'],
    ['numberFormat', { numberFormat: {} }, "numbers follow the browser's locale"],
    ['userIdLabel', { userIdLabel: 'x' }, 'people are shown by name'],
    ['ownersSection', { ownersSection: {} }, 'owners are not grouped in categories'],
    ['nestedColumns', { nestedColumns: {} }, 'nested columns are always shown'],
    ['analytics', { analytics: {} }, 'Nansen sends no analytics'],
    ['productTour', { productTour: {} }, 'Nansen has no product tour'],
  ])('say why the Amundsen option %s has no effect here', (option, file, why) => {
    expect(linesFor(file)).toEqual([`${option} is an Amundsen option Nansen does not read (${why}); remove it`]);
  });
});

describe('describeUiConfigIssues with a schema that refuses the whole file', () => {
  it('says what the file holds, not that an option is unknown, when the issue has no path', () => {
    const never = v.never();
    const parsed = v.safeParse(never, 'x');
    expect(describeUiConfigIssues(never, parsed.issues!)).toEqual(['the file must hold one JSON object, such as {} for every option at its default; it holds a string']);
  });
});

describe('formatPath', () => {
  it('writes names with dots, indexes in brackets, and quotes other keys', () => {
    expect(formatPath(['resourceConfig', 'table', 'filterCategories', 2, 'categoryId'])).toBe('resourceConfig.table.filterCategories[2].categoryId');
    expect(formatPath(['badges', 'data quality', 'style'])).toBe('badges["data quality"].style');
    expect(formatPath(['$ref', '_x', 'a1'])).toBe('$ref._x.a1');
    expect(formatPath(['1st'])).toBe('["1st"]');
  });
});

describe('knownKeysAt', () => {
  it('finds the options of the object at a path, through lists, maps, defaults and pipes', () => {
    expect(knownKeysAt(UiConfigFileSchema, ['navLinks', 0])).toEqual(['label', 'href', 'target']);
    expect(knownKeysAt(UiConfigFileSchema, ['badges', 'gold'])).toEqual(['style', 'displayName']);
    const piped = v.object({ outer: v.pipe(v.object({ inner: v.string() }), v.transform((value) => value)) });
    expect(knownKeysAt(piped, ['outer'])).toEqual(['inner']);
  });

  it('finds nothing where there is no object', () => {
    expect(knownKeysAt(UiConfigFileSchema, ['logoTitle'])).toBeUndefined();
    expect(knownKeysAt(UiConfigFileSchema, ['logoTitle', 'x'])).toBeUndefined();
    expect(knownKeysAt(UiConfigFileSchema, ['noSuchOption'])).toBeUndefined();
    expect(knownKeysAt(UiConfigFileSchema, ['noSuchOption', 'x'])).toBeUndefined();
  });
});

describe('closestKey', () => {
  it('allows one edit in a name of up to 4 letters, two up to 9, three beyond', () => {
    expect(closestKey('date', ['data'])).toBe('data');
    expect(closestKey('dxte', ['daty'])).toBeUndefined();
    expect(closestKey('dates', ['daxey'])).toBe('daxey');
    expect(closestKey('documents', ['docuxxnts'])).toBe('docuxxnts');
    expect(closestKey('documents', ['docuxxxts'])).toBeUndefined();
    expect(closestKey('documentsx', ['docuxxxtsx'])).toBe('docuxxxtsx');
    expect(closestKey('logoTitlexy', ['logoXXXlexy'])).toBe('logoXXXlexy');
    expect(closestKey('logoTitlexy', ['logoXXXXexy'])).toBeUndefined();
  });

  it('ignores case and prefers the first of equally close options', () => {
    expect(closestKey('INDEXUSERS', ['indexUsers'])).toBe('indexUsers');
    expect(closestKey('abcd', ['abxd', 'abcx'])).toBe('abxd');
    expect(closestKey('abcd', ['axyd', 'abcx'])).toBe('abcx');
  });
});
