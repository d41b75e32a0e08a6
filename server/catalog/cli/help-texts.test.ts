// What `--help` prints for the catalog commands: how npm runs them, what each option does, where the docs are.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const entry = (...parts: string[]) => join(import.meta.dirname, '..', ...parts);

describe('catalog command help', () => {
  it('catalog:ingest says what each option does and points to docs/ingest.md', async () => {
    const { code, stdout } = await runCli(entry('cli', 'ingest.ts'), ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run catalog:ingest -- /);
    for (const option of ['--batch-size N: ', '--max-batch-ms N: ', '--progress-every N: ', '--quiet: ', '--db FILE: ']) expect(stdout).toContain(`\n       ${option}`);
    expect(stdout).toContain('docs/ingest.md');
  });

  it('catalog:import says what the dbt options do and points to docs/ingest.md', async () => {
    const { code, stdout } = await runCli(entry('import', 'import-cli.ts'), ['--help']);
    expect(code).toBe(0);
    for (const option of ['--name-from name|alias: ', '--tags-as tag|badge: ', '--database ENGINE: ', '--cluster NAME: ', '--dry-run: ']) expect(stdout).toContain(option);
    expect(stdout).toContain('docs/ingest.md');
  }, 20_000);

  it('catalog:demo shows how npm runs it', async () => {
    const { code, stdout } = await runCli(entry('cli', 'demo-data.ts'), ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run catalog:demo -- --tables N/);
  });
});
