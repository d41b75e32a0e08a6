// Turns valibot's issues for a UI config file into one line per problem that names the option by its
// path in the file (resourceConfig.table.filterCategories[2].categoryId) and says how to fix it.
import type * as v from 'valibot';
import { isMissingKey, issueInWords, withSubject } from '../http/issue-in-words';

/** Amundsen options Nansen does not read, so that a copied Amundsen config gets a clear answer. */
const AMUNDSEN_ONLY = new Map<string, string>(Object.entries({
  indexFeatures: 'Nansen has no ML features',
  'resourceConfig.feature': 'Nansen has no ML features',
  columnLineage: 'column lineage is not shown yet',
  navTheme: 'Nansen has one navigation theme',
  navAppSuite: 'there is no app-suite menu',
  issueTracking: 'Nansen has no issue tracker integration',
  mailClientFeatures: 'Nansen sends no mail',
  tableProfile: 'there is no "explore" button',
  tableQualityChecks: 'Nansen shows no quality checks',
  numberFormat: 'numbers follow the browser\'s locale',
  userIdLabel: 'people are shown by name',
  ownersSection: 'owners are not grouped in categories',
  nestedColumns: 'nested columns are always shown',
  analytics: 'Nansen sends no analytics',
  productTour: 'Nansen has no product tour',
}));

/** At most this many lines: past it, a file is more wrong than right and a count says so. */
const MAX_LINES = 30;

export function describeUiConfigIssues(schema: v.GenericSchema, issues: readonly v.BaseIssue<unknown>[]): string[] {
  const lines = issues.flatMap((issue) => describeIssue(schema, issue));
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more problems`];
}

function describeIssue(schema: v.GenericSchema, issue: v.BaseIssue<unknown>): string[] {
  const items = issue.path ?? [];
  const path = items.map((item) => item.key as string | number);
  if (issue.type === 'never' && path.length > 0) {
    // An option the schema does not name (every object is an objectWithRest of never).
    const parent = path.slice(0, -1);
    const key = String(path[path.length - 1]);
    const known = knownKeysAt(schema, parent) ?? [];
    const where = parent.length ? `${formatPath(parent)} takes` : 'the options are';
    const full = formatPath(path);
    const amundsenNote = AMUNDSEN_ONLY.get(path.join('.'));
    if (amundsenNote) return [`${full} is an Amundsen option Nansen does not read (${amundsenNote}); remove it`];
    const guess = closestKey(key, known);
    const hint = guess ? `; did you mean ${formatPath([...parent, guess])}?` : '';
    return [`${full} is not an option${hint} (${where} ${known.join(', ')})`];
  }
  const isObject = typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input);
  if (path.length === 0 && isObject) return [`the file ${issue.message}`];
  if (path.length === 0)
    return [`the file must hold one JSON object, such as {} for every option at its default; it holds ${kindOf(issue.input)}`];
  const missingExpects = isMissingKey(issue) ? schemaAt(schema, path)?.expects : undefined;
  return [withSubject(formatPath(path), issueInWords(issue, missingExpects))];
}

/** What a value that is not a plain object is (the file's whole content, when it is not an object). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** resourceConfig.table.filterCategories[2].categoryId; keys that are not identifiers are quoted. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

type AnySchema = v.GenericSchema & {
  entries?: Record<string, AnySchema>;
  wrapped?: AnySchema;
  item?: AnySchema;
  value?: AnySchema;
  pipe?: readonly { kind: string }[];
};

const holdsOthers = (schema: AnySchema) => Boolean(schema.entries ?? schema.item ?? schema.value);

/** The schema under optional/nullable wrappers and pipes: the one that holds entries, items or values. */
function unwrap(schema: AnySchema): AnySchema {
  if (schema.wrapped) return unwrap(schema.wrapped);
  if (holdsOthers(schema) || !schema.pipe) return schema;
  for (const step of schema.pipe) {
    if (step === schema || step.kind !== 'schema') continue;
    const inner = unwrap(step as AnySchema);
    if (holdsOthers(inner)) return inner;
  }
  return schema;
}

/** The schema of the value at `path`, through objects, lists, maps, wrappers and pipes. */
function schemaAt(schema: v.GenericSchema, path: readonly (string | number)[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema as AnySchema;
  for (const segment of path) {
    const at: AnySchema = unwrap(current);
    current = at.entries ? at.entries[String(segment)] : at.item ?? at.value;
    if (!current) return undefined;
  }
  return current;
}

/** The option names of the object at `path` in the schema, if it is an object there. */
export function knownKeysAt(schema: v.GenericSchema, path: readonly (string | number)[]): string[] | undefined {
  const at = schemaAt(schema, path);
  const inner = at && unwrap(at);
  return inner?.entries ? Object.keys(inner.entries) : undefined;
}

/** The known key a typo most likely meant: same letters in another case, or a few edits away. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const allowed = key.length <= 4 ? 1 : key.length <= 9 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
