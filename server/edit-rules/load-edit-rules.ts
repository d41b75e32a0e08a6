// EDIT_RULES_FILE, read and checked once at start-up: the EditPolicy the write routes and pages ask.
// Without a file every signed-in person may edit what Amundsen lets them (EDIT_POLICY_WITHOUT_RULES).
// Every problem stops the start and names the file, the place in it and the fix.
import * as v from 'valibot';
import { EDIT_POLICY_WITHOUT_RULES, type EditPolicy } from '../api/edit-rights';
import { ConfigError } from '../config/load-config';
import { readJsonFile } from '../config/read-json-file';
import { describeUiConfigIssues } from '../config/ui-config-issues';
import { compileEditRules, compileGrant, compileLock, type EditRules } from './compile-edit-rules';
import { createEditPolicy } from './create-edit-policy';
import { EditRulesFileSchema, GrantSchema, LockSchema, WHERE_KEYS } from './edit-rules-schema';

export interface LoadedEditRules {
  readonly policy: EditPolicy;
  /** For the start-up log: where the rules come from and what they say, in one line. */
  readonly summary: string;
}

const EXAMPLE = 'docs/edit-rules.sample.json is an example; docs/edit-rules.md explains every option';

/** `file` is absolute, or undefined for no rules. Throws ConfigError. */
export function loadEditRules(file: string | undefined): LoadedEditRules {
  if (file === undefined)
    return { policy: EDIT_POLICY_WITHOUT_RULES, summary: 'edit rules: none (EDIT_RULES_FILE is unset), so everyone signed in may edit' };
  const fail = (problems: string[]): never => {
    throw new ConfigError(problems.map((problem) => `EDIT_RULES_FILE (${file}): ${problem}`));
  };
  const json = readJsonFile(
    file,
    {
      setting: 'EDIT_RULES_FILE',
      whenMissing: `create it (${EXAMPLE}) or unset EDIT_RULES_FILE to let everyone signed in edit`,
      whenEmpty: `write the rules as one JSON object (${EXAMPLE})`,
    },
    fail,
  );
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail([`the file must hold one JSON object, such as { "signedIn": "editor" }; it holds ${json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`} (${EXAMPLE})`]);
  const parsed = v.safeParse(EditRulesFileSchema, json);
  if (!parsed.success) return fail([...describeUiConfigIssues(EditRulesFileSchema, parsed.issues).map(withHint), ...problemsOfWellFormedEntries(json)]);
  const compiled = compileEditRules(parsed.output);
  if ('problems' in compiled) return fail(compiled.problems);
  return { policy: createEditPolicy(compiled.rules), summary: `edit rules: ${file} (${summarize(compiled.rules)})` };
}

/**
 * When the file's shape is wrong somewhere, what compiling finds in the grants and locks that are well
 * formed (a regular expression that does not compile, a grant for nobody), so that every problem is
 * reported at once rather than one round of fixes after another.
 */
function problemsOfWellFormedEntries(json: object): string[] {
  const problems: string[] = [];
  const { grants, locked } = json as { grants?: unknown; locked?: unknown };
  if (Array.isArray(grants))
    grants.forEach((entry: unknown, index) => {
      const grant = v.safeParse(GrantSchema, entry);
      if (grant.success) compileGrant(grant.output, index, problems);
    });
  if (Array.isArray(locked))
    locked.forEach((entry: unknown, index) => {
      const lock = v.safeParse(LockSchema, entry);
      if (lock.success) compileLock(lock.output, index, problems);
    });
  return problems;
}

/**
 * Two likely slips get their fix: a pattern written beside "where" instead of in it, and Amundsen's
 * UNEDITABLE_SCHEMAS or UNEDITABLE_TABLE_DESCRIPTION_MATCH_RULES copied in (they become locks).
 */
function withHint(problem: string): string {
  const key = /^(\S+) is not an option/.exec(problem)?.[1];
  if (!key) return problem;
  const beside = /^((?:grants|locked)\[\d+\])\.(\w+)$/.exec(key);
  // "group" beside a grant's role is a slip for "groups", not a dashboard group.
  if (beside && (WHERE_KEYS as readonly string[]).includes(beside[2]!) && !(beside[1]!.startsWith('grants') && beside[2] === 'group'))
    return `${key} is not an option: a pattern belongs inside "where", as ${beside[1]}.where.${beside[2]}`;
  if (!/^uneditable/i.test(key)) return problem;
  return `${key} is Amundsen's setting; write it as a lock: "locked": [{ "where": { "schema": ["raw", "staging"] } }], and a match rule as { "where": { "schema": { "regex": "^tmp_" }, "table": { "regex": "_bak$" } } } (docs/edit-rules.md, "Coming from Amundsen")`;
}

function summarize(rules: EditRules): string {
  const parts = [`everyone signed in is ${rules.signedIn}`, `${rules.grants.length} grant(s)`, `${rules.locks.length} lock(s)`];
  parts.push(rules.ownersMayEdit ? 'owners may edit what they own' : 'owners have no extra rights');
  return parts.join(', ');
}

