// The problems a ConfigError lists, for tests of the configuration: fails the test when loading works.
import { ConfigError, loadConfig } from '../load-config';

export function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

/** The problems loadConfig finds in this environment. */
export const envProblemsOf = (env: Record<string, string>): string[] => problemsOf(() => loadConfig(env));
