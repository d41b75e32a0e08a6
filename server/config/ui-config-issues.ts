// Turns zod's issues for a UI config file into one line per problem that names the option by its
// path in the file (resourceConfig.table.filterCategories[2].categoryId) and says how to fix it.
import type { z } from './zod-english';

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

export function describeUiConfigIssues(schema: z.core.$ZodType, issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.flatMap((issue) => describeIssue(schema, issue));
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more problems`];
}

function describeIssue(schema: z.core.$ZodType, issue: z.core.$ZodIssue): string[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path) ?? [];
    const where = path.length ? `${formatPath(path)} takes` : 'the options are';
    return issue.keys.map((key) => {
      const full = formatPath([...path, key]);
      const amundsenNote = AMUNDSEN_ONLY.get([...path, key].join('.'));
      if (amundsenNote) return `${full} is an Amundsen option Nansen does not read (${amundsenNote}); remove it`;
      const guess = closestKey(key, known);
      const hint = guess ? `; did you mean ${formatPath([...path, guess])}?` : '';
      return `${full} is not an option${hint} (${where} ${known.join(', ')})`;
    });
  }
  if (path.length === 0 && issue.code === 'invalid_type')
    return [`the file must hold one JSON object, such as {} for every option at its default; it holds ${kindOf((issue as { input?: unknown }).input)}`];
  const where = path.length ? formatPath(path) : 'the file';
  const received = describeInput(issue);
  const message = `${issue.message}${received}`;
  // Our own messages read as the rest of a sentence ("must be one of …"); zod's are sentences of their own.
  return [/^(must|uses|is|needs) /.test(message) ? `${where} ${message}` : `${where}: ${message}`];
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function describeInput(issue: z.core.$ZodIssue): string {
  const input: unknown = (issue as { input?: unknown }).input;
  if (issue.code === 'custom' || input === undefined || (input !== null && typeof input === 'object')) return '';
  const shown = JSON.stringify(input);
  return shown !== undefined && shown.length <= 40 ? ` (found ${shown})` : '';
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

interface LooseDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
}
const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as LooseDef;

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
}

/** The option names of the object at `path` in the schema, if it is an object there. */
export function knownKeysAt(schema: z.core.$ZodType, path: readonly (string | number)[]): string[] | undefined {
  let current: z.core.$ZodType | undefined = schema;
  for (const segment of path) {
    const def = defOf(unwrap(current));
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    if (!current) return undefined;
  }
  const def = defOf(unwrap(current));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
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
