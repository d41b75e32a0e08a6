// The validated rules file → rules ready to answer: patterns become matchers, and what the schema alone
// cannot see (a regular expression that does not compile, a grant for nobody, a `where` no resource can
// match) becomes a problem naming its place in the file.
import type { EditTarget } from '../api/edit-rights';
import { formatPath } from '../config/ui-config-issues';
import { DASHBOARD_KEYS, type EditRulesFile, type Grant, type Lock, type LockableField, type Pattern, type Role, TABLE_KEYS, type Where, WHERE_KEYS, type WhereKey } from './edit-rules-schema';

/** Whether a table or dashboard is one a grant or lock means. */
export type TargetMatcher = (target: EditTarget) => boolean;

export interface CompiledGrant {
  readonly groups: ReadonlySet<string>;
  readonly users: ReadonlySet<string>;
  readonly role: Role;
  readonly appliesTo: TargetMatcher;
}

export interface CompiledLock {
  readonly fields: ReadonlySet<LockableField>;
  readonly appliesTo: TargetMatcher;
}

export interface EditRules {
  readonly signedIn: Role;
  readonly grants: readonly CompiledGrant[];
  readonly ownersMayEdit: boolean;
  readonly locks: readonly CompiledLock[];
}

const ONLY_TABLES = TABLE_KEYS.filter((key) => !(DASHBOARD_KEYS as readonly string[]).includes(key));
const ONLY_DASHBOARDS = DASHBOARD_KEYS.filter((key) => !(TABLE_KEYS as readonly string[]).includes(key));

/** The part of the target's name a `where` key names; undefined when the target has no such part. */
function partOf(target: EditTarget, key: WhereKey): string | undefined {
  if (key === 'cluster') return target.cluster;
  if (target.type === 'table') return key === 'database' ? target.database : key === 'schema' ? target.schema : key === 'table' ? target.name : undefined;
  return key === 'product' ? target.product : key === 'group' ? target.group : key === 'dashboard' ? target.name : undefined;
}

function globToRegExp(glob: string): RegExp {
  const source = glob.split('*').map((piece) => piece.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 's');
}

/** A regular expression as the operator wrote it, anchored at the start only (Python's re.match); or why it does not compile. */
function compileRegex(source: string): RegExp | string {
  try {
    return new RegExp(`^(?:${source})`);
  } catch (err) {
    const pythonOnly = /\(\?P[<=]/.test(source) ? '; Python\'s (?P<name>…) is written (?<name>…) and (?P=name) is \\k<name> in JavaScript' : '';
    return `is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')})${pythonOnly}`;
  }
}

function compilePattern(pattern: Pattern, path: (string | number)[], problems: string[]): (value: string) => boolean {
  if (typeof pattern === 'string') {
    const re = globToRegExp(pattern);
    return (value) => re.test(value);
  }
  if (Array.isArray(pattern)) {
    const res = pattern.map(globToRegExp);
    return (value) => res.some((re) => re.test(value));
  }
  const re = compileRegex(pattern.regex);
  if (typeof re === 'string') {
    problems.push(`${formatPath([...path, 'regex'])} ${re}`);
    return () => false;
  }
  return (value) => re.test(value);
}

function compileWhere(where: Where | undefined, path: (string | number)[], problems: string[]): TargetMatcher {
  if (where === undefined) return () => true;
  const named = WHERE_KEYS.filter((key) => where[key] !== undefined);
  const tableKeys = named.filter((key) => (ONLY_TABLES as readonly string[]).includes(key));
  const dashboardKeys = named.filter((key) => (ONLY_DASHBOARDS as readonly string[]).includes(key));
  if (tableKeys.length > 0 && dashboardKeys.length > 0)
    problems.push(
      `${formatPath(path)} names both table parts (${tableKeys.join(', ')}) and dashboard parts (${dashboardKeys.join(', ')}), so nothing can match it: split it in two, one for tables and one for dashboards`,
    );
  const checks = named.map((key) => {
    const matches = compilePattern(where[key]!, [...path, key], problems);
    return (target: EditTarget) => {
      const part = partOf(target, key);
      return part !== undefined && matches(part);
    };
  });
  return (target) => checks.every((check) => check(target));
}

/** A grant ready to answer; what is wrong with it goes to `problems`, each starting with its path in the file. */
export function compileGrant(grant: Grant, index: number, problems: string[]): CompiledGrant {
  if (!grant.groups && !grant.users)
    problems.push(`${formatPath(['grants', index])} names no groups and no users, so it grants nobody anything: add "groups": ["…"] (or "users"), or set "signedIn" to give a role to everyone signed in`);
  return {
    groups: new Set(grant.groups ?? []),
    users: new Set(grant.users ?? []),
    role: grant.role,
    appliesTo: compileWhere(grant.where, ['grants', index, 'where'], problems),
  };
}

/** A lock ready to answer; what is wrong with it goes to `problems`. */
export function compileLock(lock: Lock, index: number, problems: string[]): CompiledLock {
  if (!lock.where)
    problems.push(`${formatPath(['locked', index])} needs "where": the tables it locks, such as { "schema": ["raw"] } (write "where": {} to lock every table)`);
  return { fields: new Set(lock.fields), appliesTo: lock.where ? compileWhere(lock.where, ['locked', index, 'where'], problems) : () => false };
}

/** The rules, or every problem with them, each starting with its path in the file. */
export function compileEditRules(file: EditRulesFile): { rules: EditRules } | { problems: string[] } {
  const problems: string[] = [];
  const grants = file.grants.map((grant, index) => compileGrant(grant, index, problems));
  const locks = file.locked.map((lock, index) => compileLock(lock, index, problems));
  if (problems.length > 0) return { problems };
  return { rules: { signedIn: file.signedIn, grants, ownersMayEdit: file.ownersMayEdit, locks } };
}
