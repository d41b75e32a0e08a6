// Applies each mutant a mutation run left alive (survived or not covered) to its file by hand, runs
// the given test files against it with plain vitest, and puts the file back: which survivors the tests
// kill now (after tests were added) or were miscounted by Stryker's vitest runner (it.each tables,
// thrown strings, failed imports). A check of the run, not a replacement for it: it reads the mutants
// of the last run of the folder (reports/mutation/<folder>.incremental.json).
//
//   npx tsx scripts/mutation/recheck-survivors.ts server/upstream server/upstream/*.test.ts
//   npx tsx scripts/mutation/recheck-survivors.ts server/api:routes server/api/*.test.ts
//
// It changes source files while it runs: never start a Stryker run (which copies the tree) meanwhile.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Position { line: number; column: number }
interface Mutant { id: string; mutatorName: string; replacement?: string; status: string; location: { start: Position; end: Position } }
interface Report { files: Record<string, { source: string; mutants: Mutant[] }> }

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const [folder, ...testFiles] = process.argv.slice(2);
if (!folder || testFiles.length === 0) throw new Error('usage: recheck-survivors.ts <folder> <test file>…');
// A folder run in parts is named with its part: server/api:routes.
const reportFile = path.join(ROOT, 'reports', 'mutation', `${folder.replace(/\/+$/, '').replaceAll(/[/:]/g, '-')}.incremental.json`);
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
for (const [file, { mutants }] of Object.entries(report.files)) {
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
console.log(`\n${killed} of ${results.length} survivors of the last run of ${folder} are killed by ${testFiles.join(' ')}`);
