import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../http/logger';
import { describeEmptyCatalog, serveCatalog } from './serve-catalog';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-serve-catalog-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The catalog served on free ports (port 0), its info lines kept. */
async function startUpLines(dbPath: string, demoTables: number): Promise<string[]> {
  const lines: string[] = [];
  const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
  const served = await serveCatalog(
    { dbPath, demoTables, issuer: 'http://127.0.0.1:1/', audience: undefined, allowInsecureHttp: true, host: '127.0.0.1', metadataPort: 0, searchPort: 0, machineClients: [] },
    logger,
  );
  await served.close();
  return lines;
}

describe('the embedded catalog at start-up', () => {
  it('says once, when it has no tables, which commands load some into its file', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const lines = await startUpLines(dbPath, 0);
    expect(lines).toEqual([describeEmptyCatalog(dbPath)]);
    expect(lines[0]).toBe(
      `catalog: ${dbPath} has no tables yet, so searches find nothing; load some with npm run catalog:import -- dbt --manifest target/manifest.json --db ${dbPath} ` +
        `(or postgres, sqlite, openlineage), or npm run catalog:ingest -- --db ${dbPath} records.ndjson (docs/ingest.md)`,
    );
    expect(describeEmptyCatalog('/srv/my catalog/c.sqlite')).toContain('--db "/srv/my catalog/c.sqlite"');
  });

  it('says nothing of the kind when it has tables', async () => {
    const lines = await startUpLines(join(dir, 'catalog.sqlite'), 5);
    expect(lines.filter((l) => l.includes('has no tables'))).toEqual([]);
  });
});
