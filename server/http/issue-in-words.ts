// valibot's issues in plain English for the person fixing a request body or a config file: "must be true
// or false (found "yes")", "is required and must be a string". Messages the contract wrote itself ("must
// not be empty") are kept; valibot's own ("Invalid type: Expected boolean but received …") are reworded.
import type * as v from 'valibot';

/** What a schema's `expects` asks for, as the end of "must be …". */
export function expectedInWords(expected: string | null | undefined): string {
  switch (expected) {
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'Object':
      return 'an object ({ … })';
    case 'Array':
      return 'a list ([ … ])';
  }
  const options = /^\((.*)\)$/.exec(expected ?? '');
  if (options) return `one of ${options[1]!.split(' | ').join(', ')}`;
  return expected ?? 'something else';
}

/** ` (found "yes")` when the value is short and not an object or a list; otherwise nothing. */
export function foundInWords(input: unknown): string {
  if (input === undefined || (input !== null && typeof input === 'object')) return '';
  const shown = JSON.stringify(input);
  return shown !== undefined && shown.length <= 40 ? ` (found ${shown})` : '';
}

/** Whether the issue is a required key that is missing (valibot reports it on the key). */
export function isMissingKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.kind === 'schema' && issue.path?.at(-1)?.origin === 'key' && issue.input === undefined && issue.expected !== 'never';
}

const BOUNDS: Record<string, (requirement: unknown, unit: string) => string> = {
  min_length: (n, unit) => `must have at least ${String(n)} ${unit}`,
  max_length: (n, unit) => `must have at most ${String(n)} ${unit}`,
  min_value: (n) => `must be at least ${String(n)}`,
  max_value: (n) => `must be at most ${String(n)}`,
};

/**
 * What is wrong, as the rest of a sentence whose subject is the field. `missingExpects` is the `expects`
 * of the schema at a missing key, when the caller knows it.
 */
export function issueInWords(issue: v.BaseIssue<unknown>, missingExpects?: string): string {
  if (isMissingKey(issue)) return missingExpects ? `is required and must be ${expectedInWords(missingExpects)}` : 'is required';
  const found = foundInWords(issue.input);
  if (!issue.message.startsWith('Invalid ')) return issue.type === 'check' ? issue.message : `${issue.message}${found}`;
  if (issue.kind === 'schema') return `must be ${expectedInWords(issue.expected)}${found}`;
  const bound = BOUNDS[issue.type];
  const requirement = (issue as { requirement?: unknown }).requirement;
  const unit = Array.isArray(issue.input) ? 'items' : 'characters';
  return bound ? `${bound(requirement, unit)}${found}` : `is not valid (${issue.message})`;
}

/** "subject must …", or "subject: message" for a contract message that is a sentence of its own. */
export function withSubject(subject: string, words: string): string {
  return /^(must|uses|is|needs|names) /.test(words) ? `${subject} ${words}` : `${subject}: ${words}`;
}
