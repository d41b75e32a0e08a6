// `npm run catalog:demo -- --now TIME`: the demo's times counted back from a given instant (decision 112).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const DEMO_DATA = join(import.meta.dirname, 'demo-data.ts');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-demo-now-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tablesIn = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n')
  .map((line) => JSON.parse(line) as { type: string; name?: string; last_updated_timestamp?: number })
  .filter((r) => r.type === 'table');

describe('catalog:demo --now', () => {
  it('dates the demo back from the time given, and says what --now takes in its help', async () => {
    const out = join(dir, 'demo.ndjson');
    const run = await runCli(DEMO_DATA, ['--tables', '20', '--ndjson', out, '--now', '2026-12-01T09:00:00Z']);
    expect(run.code, run.stderr).toBe(0);
    const now = Date.parse('2026-12-01T09:00:00Z') / 1000;
    const tables = tablesIn(out);
    expect(tables.find((t) => t.name === 'customers')!.last_updated_timestamp).toBe(now - 47 * 60);
    for (const t of tables) expect(t.last_updated_timestamp!).toBeLessThan(now);
    const help = await runCli(DEMO_DATA, ['--help']);
    expect(help.stdout).toContain('\n       --now TIME: ');
  }, 30_000);

  it('refuses a time without a zone and one after the clock, naming --now, and writes nothing', async () => {
    const out = join(dir, 'demo.ndjson');
    const noZone = await runCli(DEMO_DATA, ['--tables', '5', '--ndjson', out, '--now', '2026-12-01']);
    expect(noZone.code).toBe(1);
    expect(noZone.stderr).toBe('demo-data: --now must be a time with its zone, like 2026-12-08T09:00:00Z, got "2026-12-01"\n');
    const future = await runCli(DEMO_DATA, ['--tables', '5', '--ndjson', out, '--now', new Date(Date.now() + 86_400_000).toISOString()]);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/^demo-data: --now must not be later than the clock \(.*\): the demo's times would be in the future\n$/);
    expect(() => readFileSync(out)).toThrow();
  }, 30_000);
});
