// Applies each mutant a mutation run left alive (survived or not covered) to its file by hand, runs
// the given test files against it with plain vitest, and puts the file back: which survivors the tests
// kill now (after tests were added) or were miscounted by Stryker's vitest runner (it.each tables,
// thrown strings, failed imports). A check of the run, not a replacement for it: it reads the mutants
// of the last run of the folder (reports/mutation/<folder>.incremental.json).
//
//   npx tsx scripts/mutation/recheck-survivors.ts server/upstream server/upstream/*.test.ts
//   npx tsx scripts/mutation/recheck-survivors.ts server/auth --only oidc-client.ts,session-auth.ts server/auth/*.test.ts
//
// `--only` takes file names (or paths inside the folder), comma-separated: only their survivors are applied.
// `--skip` takes mutant ids (the `#id` each line prints) not to apply again, e.g. those judged equivalent.
// `--in-order` runs the test files one at a time, in the order given, up to the first that fails: on a
// loaded machine, put the quick files that kill most mutants first and a slow one (a time limit) last.
//
// It changes source files while it runs: never start a Stryker run (which copies the tree) meanwhile.
// A file changed since the run (a fix) still gets its mutants: each is placed by the lines around it, and
// one whose lines are gone is reported as such, not applied.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Position { line: number; column: number }
interface Mutant { id: string; mutatorName: string; replacement?: string; status: string; location: { start: Position; end: Position } }
interface Report { files: Record<string, { source: string; mutants: Mutant[] }> }

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? undefined : (args.splice(onlyAt, 2)[1] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
if (only?.length === 0) throw new Error('--only needs a comma-separated list of file names');
const skipAt = args.indexOf('--skip');
const skip = new Set(skipAt === -1 ? [] : (args.splice(skipAt, 2)[1] ?? '').split(',').map((id) => id.trim()).filter(Boolean));
const inOrderAt = args.indexOf('--in-order');
const inOrder = inOrderAt !== -1;
if (inOrder) args.splice(inOrderAt, 1);
const [folder, ...testFiles] = args;
if (!folder || testFiles.length === 0) throw new Error('usage: recheck-survivors.ts <folder> [--only <file>,<file>…] [--skip <id>,<id>…] [--in-order] <test file>…');
const reportFile = path.join(ROOT, 'reports', 'mutation', `${folder.replace(/\/+$/, '').replaceAll('/', '-')}.incremental.json`);
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;

/** Offset of a 1-based line and column in `source`. */
function offsetOf(source: string, { line, column }: Position): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

let restore: (() => void) | undefined;
// Put the file back however the script ends (an uncaught error, e.g. its output piped into `head`).
process.on('exit', () => restore?.());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    restore?.();
    process.exit(1);
  });
}

/**
 * Where the code a mutant replaces (`start`–`end` in the run's copy `then`) is in the file `now`, which
 * may have changed since the run: the lines around it are looked up in `now`, the match nearest to the
 * old place wins. Undefined when those lines are gone (the code was changed or removed).
 */
function relocate(then: string, now: string, start: number, end: number): { start: number; end: number } | undefined {
  if (then === now) return { start, end };
  const lineStart = then.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = then.indexOf('\n', end) === -1 ? then.length : then.indexOf('\n', end);
  const needle = then.slice(lineStart, lineEnd);
  let best: number | undefined;
  for (let at = now.indexOf(needle); at !== -1; at = now.indexOf(needle, at + 1)) {
    if (best === undefined || Math.abs(at - lineStart) < Math.abs(best - lineStart)) best = at;
  }
  return best === undefined ? undefined : { start: best + (start - lineStart), end: best + (end - lineStart) };
}

/** Whether the tests pass (the mutant survives them); stops at the first failing test. */
function testsPass(files: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const run = spawn('npx', ['vitest', 'run', '--bail=1', '--reporter=dot', ...files], { cwd: ROOT, stdio: 'ignore' });
    run.on('close', (code) => resolve(code === 0));
  });
}

/** Whether every run of test files passes, stopping at the first that fails. */
async function allPass(runs: string[][]): Promise<boolean> {
  for (const files of runs) if (!(await testsPass(files))) return false;
  return true;
}

const results: string[] = [];
const chosen = (file: string) => !only || only.some((name) => file === name || file.endsWith(`/${name}`));
if (only) {
  const unknown = only.filter((name) => !Object.keys(report.files).some((file) => file === name || file.endsWith(`/${name}`)));
  if (unknown.length > 0) throw new Error(`--only: no file of the report is named ${unknown.join(', ')}`);
}
for (const [file, { source, mutants }] of Object.entries(report.files).filter(([file]) => chosen(file))) {
  const full = path.resolve(ROOT, file);
  const original = fs.readFileSync(full, 'utf8');
  if (original !== source) console.log(`${file} changed since the run: its mutants are placed by the lines around them`);
  // The file's own tests first (quick, and they kill most mutants); the whole list only when they pass.
  const own = path.relative(ROOT, full).replace(/\.ts$/, '.test.ts');
  const first = testFiles.includes(own) ? [own] : [];
  for (const mutant of mutants.filter((m) => (m.status === 'Survived' || m.status === 'NoCoverage') && !skip.has(m.id))) {
    const where = `${path.relative(ROOT, full)}:${mutant.location.start.line}:${mutant.location.start.column} #${mutant.id}`;
    const place = relocate(source, original, offsetOf(source, mutant.location.start), offsetOf(source, mutant.location.end));
    if (!place) {
      const line = `${'gone'.padEnd(9)} ${where}  ${mutant.mutatorName}: the code it mutated was changed or removed  (was ${mutant.status})`;
      results.push(line);
      console.log(line);
      continue;
    }
    const { start, end } = place;
    const mutated = original.slice(0, start) + (mutant.replacement ?? '') + original.slice(end);
    restore = () => fs.writeFileSync(full, original);
    fs.writeFileSync(full, mutated);
    try {
      const survives = inOrder ? await allPass(testFiles.map((file) => [file])) : await allPass(first.length === 0 ? [testFiles] : [first, testFiles]);
      const line = `${(survives ? 'survives' : 'killed').padEnd(9)} ${where}  ${mutant.mutatorName}: ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100)}  (was ${mutant.status})`;
      results.push(line);
      console.log(line);
    } finally {
      restore();
      restore = undefined;
    }
  }
}
const killed = results.filter((r) => r.startsWith('killed')).length;
const gone = results.filter((r) => r.startsWith('gone')).length;
if (gone > 0) console.log(`\n${gone} survivors mutated code that has since changed or gone: judge them by hand`);
console.log(`\n${killed} of ${results.length} survivors of the last run of ${folder}${only ? ` (in ${only.join(', ')})` : ''} are killed by ${testFiles.join(' ')}`);
