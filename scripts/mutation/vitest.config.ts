// The vitest config of a mutation run (scripts/mutation-test.ts): the project's config, with only the
// test files of the folder under test (a JSON list of globs in NANSEN_MUTATION_TEST_FILES), and the
// folder's own runner options, if it has any (a JSON object in NANSEN_MUTATION_VITEST_OPTIONS; see
// `vitest` in scripts/mutation-test.ts).
//
// The list is set here rather than with Stryker's `testFiles` option: with `testFiles`, Stryker 9.6
// activates a static mutant (code that runs when a module loads) only after the module has loaded, so
// every static mutant survives whatever the tests do (stryker-js issue 6144).
import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

const listed = process.env.NANSEN_MUTATION_TEST_FILES;
if (!listed) throw new Error('scripts/mutation/vitest.config.ts is for scripts/mutation-test.ts, which sets NANSEN_MUTATION_TEST_FILES');

const folderOptions = JSON.parse(process.env.NANSEN_MUTATION_VITEST_OPTIONS ?? '{}') as { isolate?: boolean; testTimeout?: number };

export default defineConfig({ ...base, test: { ...base.test, include: JSON.parse(listed) as string[], ...folderOptions } });
