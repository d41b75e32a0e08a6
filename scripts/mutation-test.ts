// Mutation testing as a benchmark of the tests (not a CI gate, not part of `npm test`): Stryker with its
// vitest runner, one run per folder, each with only the test files that can kill that folder's mutants.
// Prints the mutation score per folder and every mutant that survived. Results are kept per folder in
// reports/mutation/ (gitignored): an HTML report and Stryker's incremental file, so a second run only
// tests mutants whose code or tests changed. docs/benchmarks.md records the scores and run times.
//
//   npm run test:mutation                          # every folder
//   npm run test:mutation -- server/http contract  # some folders
//   npm run test:mutation -- server/api:routes     # one part of a folder run in parts
//   npm run test:mutation -- --force               # ignore the incremental files and test every mutant
//   npm run test:mutation -- --concurrency 1       # one test runner (default: 2, this machine's cores)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { Stryker } from '@stryker-mutator/core';

interface Folder {
  /** The folder whose non-test .ts files are mutated. */
  folder: string;
  /**
   * A folder too big for one run in 30 minutes is split into parts, each mutating some of its files
   * (`mutate`, globs inside the folder) with its own report and incremental file. `npm run test:mutation
   * -- <folder>` runs every part; `<folder>:<part>` one of them.
   */
  part?: string;
  mutate?: string[];
  /**
   * Vitest options of this folder's runs (scripts/mutation/vitest.config.ts applies them). Each mutant is
   * a run of its own (a fresh worker), so `isolate: false` shares one worker only among the test files of
   * that run, never between mutants. `testTimeout` fails a test that a mutant makes hang (a route that
   * never answers) before Stryker's own timeout, which then also restarts the test runner.
   * docs/decisions/022-mutation-runs-share-a-worker-per-mutant.md.
   */
  vitest?: { isolate?: boolean; testTimeout?: number };
  /** The test files that run against its mutants (globs). */
  testFiles: string[];
  /** Why a test file that touches the folder is left out, printed with the result. */
  excluded?: string;
  /**
   * The time zone (TZ) the run's test runners start in. Stryker's vitest runner runs the tests in worker
   * threads, where setting `process.env.TZ` does not move the zone, so a test cannot change it; the
   * runners, child processes, take it from their environment at start. Decision 068.
   */
  timeZone?: string;
}

const FOLDERS: Folder[] = [
  { folder: 'server/http', testFiles: ['server/http/*.test.ts'] },
  {
    folder: 'server/config',
    testFiles: ['server/config/*.test.ts'],
    // A fifth of the folder's mutants are static (its module-level schemas and tables): each reruns all
    // 350-odd tests of the folder. In one worker (decision 022; the tests touch no process-wide state
    // but temp files of their own) that is about 2 s a mutant instead of 8, and the folder fits 30 minutes.
    vitest: { isolate: false, testTimeout: 5_000 },
  },
  { folder: 'server/catalog/auth', testFiles: ['server/catalog/auth/*.test.ts'] },
  {
    folder: 'contract',
    // The UI config file's schema and defaults are checked by the tests of the loader that reads it; the
    // search URL and request mapping, page paths and page arithmetic (shared with the BFF's first search
    // and its preview, decision 023) by the SPA's and the BFF's tests of the modules that use them.
    testFiles: [
      'contract/*.test.ts', 'server/config/load-ui-config.test.ts',
      'client/app/paths.test.ts', 'client/features/search/filter-state.test.ts', 'client/features/search/search-plan.test.ts',
      'client/features/search/api/first-search.test.ts', 'server/spa/first-search.test.ts', 'server/spa/first-results-html.test.ts',
      'server/api/index-switches.test.ts', 'server/users/record-login-user.test.ts',
    ],
    // The files are pure functions: one worker among a mutant's test files (decision 022).
    vitest: { isolate: false, testTimeout: 5_000 },
    // West of UTC, with summer time: a calendar day read on the local clock instead of UTC's shows the
    // day before, and an instant's zone name changes with the season (decision 068).
    timeZone: 'America/Los_Angeles',
  },
  {
    folder: 'server/upstream',
    testFiles: ['server/upstream/*.test.ts'],
    excluded:
      'server/bff-read-routes.integration.test.ts and server/bff.integration.test.ts: each starts fake upstream services and the whole BFF in beforeAll, so every mutant they reach would count as static and rerun all of them',
  },
  ...(['login', 'sessions'] as const).map((part): Folder => ({
    folder: 'server/auth',
    part,
    // The provider's side (the OIDC client, the login routes, the pending-login cookie, the claims
    // mapping), and the session's side (the session middleware, the token refresh, the stores and the
    // token cipher). One run of all 1 462 mutants takes longer than 30 minutes: the tests of a refresh
    // that hangs (10 s) and of the stores' time to live wait in real time.
    mutate:
      part === 'login'
        ? ['login-routes.ts', 'callback-failure.ts', 'oidc-client.ts', 'oidc-settings.ts', 'pending-login-cookie.ts', 'return-to.ts', 'user-from-claims.ts']
        : ['*.ts', '!login-routes.ts', '!callback-failure.ts', '!oidc-client.ts', '!oidc-settings.ts', '!pending-login-cookie.ts', '!return-to.ts', '!user-from-claims.ts'],
    // Each part runs the test files that reach its code (the session tests call the OIDC client to
    // refresh; the login routes' tests use the session layer), not the others: a static mutant runs
    // every listed test, and the OIDC client's include one that waits 10 s for a provider that hangs.
    testFiles:
      part === 'login'
        ? ['server/auth/login-routes.test.ts', 'server/auth/callback-failure.test.ts', 'server/auth/logout-token.test.ts', 'server/auth/oidc-*.test.ts', 'server/auth/pending-login-cookie.test.ts', 'server/auth/return-to.test.ts', 'server/auth/session-auth*.test.ts', 'server/auth/user-from-claims*.test.ts']
        : [
          'server/auth/create-session-stores.test.ts', 'server/auth/login-routes.test.ts', 'server/auth/oidc-client.test.ts', 'server/auth/opened-tokens.test.ts', 'server/auth/pending-login-cookie.test.ts',
          'server/auth/redis-session-stores.test.ts', 'server/auth/session-*.test.ts', 'server/auth/sqlite-*.test.ts', 'server/auth/token-*.test.ts',
          // Files of this part added later, with tests of their own (without these, their mutants had no test).
          'server/auth/page-user-guard.test.ts', 'server/auth/login-error-in-words.test.ts', 'server/auth/redis-connection-watch.test.ts',
        ],
    // A mutant that breaks a lock's release or a store's answer leaves a test waiting (a refresh lock
    // is waited for up to 15 s): 5 s fails such a test, where Stryker's own timeout would also restart
    // the test runner. The longest of these tests takes about 1.2 s; the one that waits 10 s on purpose
    // (a provider that never answers a refresh) sets its own limit.
    vitest: { testTimeout: 5_000 },
    excluded:
      'server/*.integration.test.ts (session-lifecycle, login-hostile-idp, session-sharing, provider-presets, login-claims, bff): each starts a provider and the whole BFF in beforeAll, so Stryker counts the code they build as static and would rerun all of them for each such mutant, hours in all; the tests in server/auth start the provider once and build what they test inside each test',
  })),
  ...(['routes', 'units'] as const).map((part): Folder => ({
    folder: 'server/api',
    part,
    // The routers (the Express wiring, the sign-in and index-switch checks of each route), and the rest:
    // the parsers, mappers and write rules they call. One run of all 1 105 mutants takes longer than 30 minutes.
    mutate: part === 'routes' ? ['*-routes.ts', 'create-api-router.ts'] : ['*.ts', '!*-routes.ts', '!create-api-router.ts'],
    testFiles: ['server/api/*.test.ts'],
    excluded:
      'server/bff-read-routes.integration.test.ts, server/bff.integration.test.ts and the other server/*.integration.test.ts: each starts a provider, a catalog and whole BFFs in beforeAll, so the route-building code would count as static (rerunning all of them for each such mutant) and every other mutant would pay for the start-up again: hours in all. api-router.test.ts and write-table-routes.test.ts build the routers inside each test instead, with the real session accessor and an in-memory metadata service',
    // A mutant's covering tests are often in three or four of the folder's files, each of which would load
    // Express, supertest and the session accessor again in a worker of its own (about a second each);
    // a router test takes a few milliseconds, 5 s is far above any of them under load.
    vitest: { isolate: false, testTimeout: 5_000 },
  })),
];

const ROOT = path.resolve(import.meta.dirname, '..');
const REPORTS = path.join(ROOT, 'reports', 'mutation');

function parseArgs(argv: string[]) {
  const folders: string[] = [];
  let force = false;
  let concurrency = 2;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') force = true;
    else if (arg === '--concurrency') concurrency = Number(argv[++i]);
    else folders.push(arg.replace(/\/+$/, ''));
  }
  const unknown = folders.filter((f) => !FOLDERS.some((c) => c.folder === f || nameOf(c) === f));
  if (unknown.length > 0) throw new Error(`No mutation run is configured for ${unknown.join(', ')}; known: ${FOLDERS.map(nameOf).join(', ')}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency takes a whole number of at least 1');
  return { selected: folders.length ? FOLDERS.filter((f) => folders.includes(f.folder) || folders.includes(nameOf(f))) : FOLDERS, force, concurrency };
}

/** The files a test list names: exact paths, or `dir/*.test.ts` (a `*` within one folder). */
function listTestFiles(patterns: string[]): string[] {
  return patterns.flatMap((pattern) => {
    if (!pattern.includes('*')) return [pattern];
    const dir = path.dirname(pattern);
    const name = new RegExp(`^${path.basename(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
    return fs.readdirSync(path.join(ROOT, dir)).filter((f) => name.test(f)).map((f) => path.join(dir, f)).sort();
  });
}

/**
 * Whether the folder's tests (or the test helpers) changed since the last run. Stryker cannot tell which
 * tests cover a static mutant (code that runs when a module loads), so its incremental mode would reuse
 * such a mutant's old "survived" even after a new test kills it: a run with changed tests tests every mutant.
 */
function checkTests(folder: Folder, slug: string): { changed: boolean; remember(): void } {
  const files = [...listTestFiles(folder.testFiles), ...listTestFiles(['server/testing/*.ts']), 'scripts/mutation/vitest.config.ts', 'vite.config.ts'];
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\n`).update(fs.readFileSync(path.join(ROOT, file))).update('\n');
  if (folder.vitest) hash.update(JSON.stringify(folder.vitest));
  if (folder.timeZone) hash.update(`TZ=${folder.timeZone}`);
  const fingerprint = hash.digest('hex');
  const fingerprintFile = path.join(REPORTS, `${slug}.tests.sha256`);
  const previous = fs.existsSync(fingerprintFile) ? fs.readFileSync(fingerprintFile, 'utf8') : '';
  return { changed: previous !== fingerprint, remember: () => fs.writeFileSync(fingerprintFile, fingerprint) };
}

/** A run's name: the folder, and its part if it is split (`server/api:routes`). */
const nameOf = ({ folder, part }: Folder) => (part ? `${folder}:${part}` : folder);

function optionsFor({ folder, mutate = ['**/*.ts'] }: Folder, slug: string, force: boolean, concurrency: number): PartialStrykerOptions {
  return {
    // Static mutants (code that runs when a module loads: schemas, tables, messages) are tested too;
    // each reruns the run's whole test list.
    ignoreStatic: false,
    // Test helpers (a testing/ folder) are not the code under test.
    mutate: [
      ...mutate.map((glob) => (glob.startsWith('!') ? `!${folder}/${glob.slice(1)}` : `${folder}/${glob}`)),
      `!${folder}/**/*.test.ts`,
      `!${folder}/**/testing/**`,
    ],
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    // Only this folder's tests: the config reads their list from the environment the runners inherit.
    vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
    coverageAnalysis: 'perTest',
    concurrency,
    incremental: true,
    incrementalFile: path.join('reports', 'mutation', `${slug}.incremental.json`),
    force,
    // The sandbox needs the code and its configs, not the build, the browser tests or their reports.
    ignorePatterns: ['/dist', '/data', '/e2e', '/test-results', '/playwright-report', '/.bench', '/*.tmp.*'],
    reporters: ['html', 'progress-append-only'],
    htmlReporter: { fileName: path.join('reports', 'mutation', `${slug}.html`) },
    // Tests that start a provider or a stack take seconds: a mutant gets that much more before it counts as a timeout.
    timeoutMS: 10_000,
    thresholds: { high: 90, low: 80, break: null },
    cleanTempDir: 'always',
  };
}

function describeMutant(m: MutantResult): string {
  const where = `${path.relative(ROOT, path.resolve(ROOT, m.fileName))}:${m.location.start.line}:${m.location.start.column}`;
  const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100);
  return `  ${m.status.padEnd(10)} ${where}  ${m.mutatorName}: ${replacement}${m.static ? '  (static)' : ''}`;
}

/**
 * Static mutants that make a module throw while it loads. Every static mutant runs the folder's whole
 * test list; when a test file cannot be imported, vitest runs none of its tests, and the vitest runner
 * (9.6) reports the mutant as survived because no test failed. Such a mutant ran fewer tests than the
 * full list: it is killed (a test file fails), and counted so.
 */
function findLoadFailures(results: MutantResult[]): Set<MutantResult> {
  const fullList = Math.max(0, ...results.filter((m) => m.static && m.testsCompleted !== undefined).map((m) => m.testsCompleted!));
  return new Set(results.filter((m) => m.status === 'Survived' && m.static && (m.testsCompleted ?? 0) < fullList));
}

function score(results: MutantResult[], loadFailures: Set<MutantResult>) {
  const count = (...statuses: string[]) => results.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout') + loadFailures.size;
  const undetected = count('Survived', 'NoCoverage') - loadFailures.size;
  const valid = detected + undetected;
  return { detected, undetected, valid, ignored: count('Ignored'), errors: count('CompileError', 'RuntimeError'), percent: valid ? (100 * detected) / valid : 100 };
}

async function main() {
  const { selected, force, concurrency } = parseArgs(process.argv.slice(2));
  // Some auth tests need redis-server; the script that installs it for `npm run test:unit` does so here.
  if (selected.some((f) => f.folder === 'server/auth')) execFileSync('bash', ['scripts/ensure-redis.sh'], { cwd: ROOT, stdio: 'inherit' });
  fs.mkdirSync(REPORTS, { recursive: true });
  const summary: string[] = [];
  for (const folder of selected) {
    const name = nameOf(folder);
    const slug = name.replaceAll(/[/:]/g, '-');
    console.log(`\n=== ${name}: mutating ${(folder.mutate ?? ['**/*.ts']).map((glob) => `${folder.folder}/${glob}`).join(' ')} with ${folder.testFiles.join(', ')}`);
    if (folder.excluded) console.log(`Left out: ${folder.excluded}`);
    if (folder.timeZone) console.log(`Time zone of its test runners: ${folder.timeZone}`);
    process.env.NANSEN_MUTATION_TEST_FILES = JSON.stringify(folder.testFiles);
    process.env.NANSEN_MUTATION_VITEST_OPTIONS = JSON.stringify(folder.vitest ?? {});
    const tests = checkTests(folder, slug);
    if (tests.changed && !force) console.log('Its tests changed since the last run: every mutant is tested again.');
    const started = Date.now();
    const zone = process.env.TZ;
    if (folder.timeZone) process.env.TZ = folder.timeZone;
    let results: MutantResult[];
    try {
      results = await new Stryker(optionsFor(folder, slug, force || tests.changed, concurrency)).runMutationTest();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    tests.remember();
    const minutes = (Date.now() - started) / 60_000;
    const loadFailures = findLoadFailures(results);
    const s = score(results, loadFailures);
    const survivors = results.filter((m) => (m.status === 'Survived' || m.status === 'NoCoverage') && !loadFailures.has(m));
    const line = `${name.padEnd(20)} ${s.percent.toFixed(2).padStart(6)} % killed (${s.detected}/${s.valid}${loadFailures.size ? `, ${loadFailures.size} by a failed import` : ''}; ${s.ignored} ignored, ${s.errors} errors) in ${minutes.toFixed(1)} min`;
    summary.push(line);
    console.log(`\n${line}`);
    if (loadFailures.size) {
      console.log(`Killed because a test file then fails to load (reported as survived by the runner):\n${[...loadFailures].map(describeMutant).join('\n')}`);
    }
    if (survivors.length) console.log(`Surviving mutants of ${name}:\n${survivors.map(describeMutant).join('\n')}`);
    console.log(`Report: ${path.relative(ROOT, path.join(REPORTS, `${slug}.html`))}`);
  }
  console.log(`\n=== Mutation scores (goal: at least 90 % per folder; docs/benchmarks.md lists the survivors judged equivalent)\n${summary.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
