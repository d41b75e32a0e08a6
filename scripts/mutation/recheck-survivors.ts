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
//
// It changes source files while it runs: never start a Stryker run (which copies the tree) meanwhile.
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
const [folder, ...testFiles] = args;
if (!folder || testFiles.length === 0) throw new Error('usage: recheck-survivors.ts <folder> [--only <file>,<file>…] <test file>…');
const reportFile = path.join(ROOT, 'reports', 'mutation', `${folder.replace(/\/+$/, '').replaceAll('/', '-')}.incremental.json`);
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;

/** Offset of a 1-based line and column in `source`. */
function offsetOf(source: string, { line, column }: Position): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

let restore: (() => void) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    restore?.();
    process.exit(1);
  });
}

/** Whether the tests pass (the mutant survives them); stops at the first failing test. */
function testsPass(files: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const run = spawn('npx', ['vitest', 'run', '--bail=1', '--reporter=dot', ...files], { cwd: ROOT, stdio: 'ignore' });
    run.on('close', (code) => resolve(code === 0));
  });
}

const results: string[] = [];
const chosen = (file: string) => !only || only.some((name) => file === name || file.endsWith(`/${name}`));
if (only) {
  const unknown = only.filter((name) => !Object.keys(report.files).some((file) => file === name || file.endsWith(`/${name}`)));
  if (unknown.length > 0) throw new Error(`--only: no file of the report is named ${unknown.join(', ')}`);
}
for (const [file, { mutants }] of Object.entries(report.files).filter(([file]) => chosen(file))) {
  const full = path.resolve(ROOT, file);
  const original = fs.readFileSync(full, 'utf8');
  // The file's own tests first (quick, and they kill most mutants); the whole list only when they pass.
  const own = path.relative(ROOT, full).replace(/\.ts$/, '.test.ts');
  const first = testFiles.includes(own) ? [own] : [];
  for (const mutant of mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
    const start = offsetOf(original, mutant.location.start);
    const end = offsetOf(original, mutant.location.end);
    const mutated = original.slice(0, start) + (mutant.replacement ?? '') + original.slice(end);
    restore = () => fs.writeFileSync(full, original);
    fs.writeFileSync(full, mutated);
    try {
      const survives = (first.length === 0 || (await testsPass(first))) && (await testsPass(testFiles));
      const where = `${path.relative(ROOT, full)}:${mutant.location.start.line}:${mutant.location.start.column}`;
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
console.log(`\n${killed} of ${results.length} survivors of the last run of ${folder}${only ? ` (in ${only.join(', ')})` : ''} are killed by ${testFiles.join(' ')}`);
