// The memory of OpenLineage runs on a real catalog file: what it keeps, for how long, and how many.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from '../../store/open-catalog-database';
import type { RunState } from './merge-run-events';
import { createRunMemory, RUN_MEMORY_LIMITS } from './openlineage-run-memory';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-12-07T04:00:00Z');

let dir: string;
let db: CatalogDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-ol-runs-'));
  db = openCatalogDatabase(join(dir, 'catalog.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (runId: string, inputs: string[], outputs: string[] = [], endedAs: string | null = null): RunState => ({ runId, job: 'airflow/etl.load', inputs, outputs, endedAs });
const stored = () => db.prepare('SELECT run_id FROM openlineage_runs ORDER BY run_id').pluck().all();

describe('the memory of OpenLineage runs', () => {
  it('gives back what it was told of a run', () => {
    const memory = createRunMemory(db);
    expect(memory.remember([run('r1', ['a', 'b'], ['c'], 'COMPLETE')], T0)).toEqual([]);
    expect(memory.recall('r1', T0 + 1000)).toEqual(run('r1', ['a', 'b'], ['c'], 'COMPLETE'));
    expect(memory.recall('r2', T0)).toBeUndefined();
  });

  it('forgets an open run 7 days after it last changed, an ended one after 1 day', () => {
    const memory = createRunMemory(db);
    memory.remember([run('open', ['a']), run('ended', ['a'], ['b'], 'COMPLETE')], T0);
    expect(memory.recall('ended', T0 + DAY - 1)).toBeDefined();
    expect(memory.recall('ended', T0 + DAY + 1)).toBeUndefined();
    expect(memory.recall('open', T0 + 7 * DAY - 1)).toBeDefined();
    expect(memory.recall('open', T0 + 7 * DAY + 1)).toBeUndefined();

    memory.remember([], T0 + DAY + 1);
    expect(stored()).toEqual(['open']);
    memory.remember([], T0 + 7 * DAY + 1);
    expect(stored()).toEqual([]);
  });

  it('does not keep a run alive with events that add nothing to it', () => {
    const memory = createRunMemory(db);
    memory.remember([run('r1', ['a'])], T0);
    memory.remember([run('r1', ['a'])], T0 + 6 * DAY);
    expect(memory.recall('r1', T0 + 7 * DAY + 1)).toBeUndefined();
    memory.remember([run('r2', ['a'])], T0);
    memory.remember([run('r2', ['a'], ['b'])], T0 + 6 * DAY);
    expect(memory.recall('r2', T0 + 7 * DAY + 1)).toEqual(run('r2', ['a'], ['b']));
  });

  it('keeps the runs changed last when there are more than it keeps', () => {
    const memory = createRunMemory(db, { ...RUN_MEMORY_LIMITS, maxRuns: 3 });
    for (const [i, id] of ['r1', 'r2', 'r3', 'r4'].entries()) memory.remember([run(id, ['a'])], T0 + i);
    expect(stored()).toEqual(['r2', 'r3', 'r4']);
    memory.remember([run('r2', ['a', 'b'])], T0 + 10);
    memory.remember([run('r5', ['a'])], T0 + 11);
    expect(stored()).toEqual(['r2', 'r4', 'r5']);
  });

  it('keeps the first datasets of a run with too many, and names the run', () => {
    const memory = createRunMemory(db, { ...RUN_MEMORY_LIMITS, maxDatasetsPerSide: 2 });
    const big = run('big', ['a', 'b', 'c'], ['x']);
    expect(memory.remember([big, run('small', ['a'], ['x'])], T0)).toEqual([big]);
    expect(memory.recall('big', T0)).toEqual(run('big', ['a', 'b'], ['x']));
    // The same run again changes nothing, so it is not named again.
    expect(memory.remember([big], T0 + 1)).toEqual([]);
  });
});
