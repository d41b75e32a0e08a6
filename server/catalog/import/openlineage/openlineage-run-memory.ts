// The catalog's memory of OpenLineage runs: which tables each run named as inputs and outputs so far,
// so that an event posted later — the COMPLETE that names the outputs after the START that named the
// inputs — is paired with them (merge-run-events.ts). Kept in a table of its own in the catalog file,
// `openlineage_runs`, created on the first import that writes (as import-state.ts does for the other
// importers; the store's numbered migrations are left alone). A cache with bounds (decision 060), not
// catalog content:
// - an open run is forgotten 7 days after an event last added to it (a re-sent event adds nothing,
//   so it does not keep a run alive); an ended one (COMPLETE, FAIL, ABORT) 1 day after its end,
//   which leaves time for the transport's retries and for late OTHER events;
// - at most 100 000 runs: past that, those changed longest ago are forgotten first;
// - at most 1 000 inputs and 1 000 outputs a run (the first ones named).
// A forgotten run's lineage stays in the catalog; only a later event of it no longer finds its datasets.
import type { CatalogDatabase } from '../../store/open-catalog-database';
import type { RunState } from './merge-run-events';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunMemoryLimits {
  /** An open run is forgotten this long after an event last added to it. */
  openRunMs: number;
  /** An ended run is forgotten this long after its end (or a later event that added to it). */
  endedRunMs: number;
  /** The most runs kept; beyond it, the runs changed longest ago are forgotten first. */
  maxRuns: number;
  /** The most inputs, and the most outputs, kept of one run. */
  maxDatasetsPerSide: number;
}

export const RUN_MEMORY_LIMITS: Readonly<RunMemoryLimits> = Object.freeze({
  openRunMs: 7 * DAY_MS,
  endedRunMs: DAY_MS,
  maxRuns: 100_000,
  maxDatasetsPerSide: 1_000,
});

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS openlineage_runs (
    run_id TEXT PRIMARY KEY,
    job TEXT NOT NULL,
    inputs TEXT NOT NULL,        -- JSON array of table keys
    outputs TEXT NOT NULL,       -- JSON array of table keys
    ended_as TEXT,               -- COMPLETE, FAIL or ABORT once a terminal event came
    changed_at INTEGER NOT NULL  -- ms since 1970: when an event last added to the run
  );
  CREATE INDEX IF NOT EXISTS openlineage_runs_by_changed_at ON openlineage_runs(changed_at);`;

interface RunRow {
  run_id: string;
  job: string;
  inputs: string;
  outputs: string;
  ended_as: string | null;
  changed_at: number;
}

function prepareStatements(db: CatalogDatabase) {
  return {
    select: db.prepare('SELECT run_id, job, inputs, outputs, ended_as, changed_at FROM openlineage_runs WHERE run_id = ?'),
    upsert: db.prepare(`INSERT INTO openlineage_runs (run_id, job, inputs, outputs, ended_as, changed_at)
      VALUES (@run_id, @job, @inputs, @outputs, @ended_as, @changed_at)
      ON CONFLICT (run_id) DO UPDATE SET job = excluded.job, inputs = excluded.inputs, outputs = excluded.outputs,
        ended_as = excluded.ended_as, changed_at = excluded.changed_at`),
    forgetOpen: db.prepare('DELETE FROM openlineage_runs WHERE changed_at < ?'),
    forgetEnded: db.prepare('DELETE FROM openlineage_runs WHERE changed_at < ? AND ended_as IS NOT NULL'),
    count: db.prepare('SELECT count(*) FROM openlineage_runs').pluck(),
    forgetOldest: db.prepare(`DELETE FROM openlineage_runs WHERE run_id IN
      (SELECT run_id FROM openlineage_runs ORDER BY changed_at, rowid LIMIT ?)`),
  };
}

export function createRunMemory(db: CatalogDatabase, limits: Readonly<RunMemoryLimits> = RUN_MEMORY_LIMITS) {
  let statements: ReturnType<typeof prepareStatements> | undefined;
  /** The statements, when the table exists. */
  const existing = () => {
    if (!statements && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'openlineage_runs'").get() !== undefined) {
      statements = prepareStatements(db);
    }
    return statements;
  };
  /** The statements, the table created when it does not exist. */
  const created = () => {
    if (existing()) return statements!;
    db.exec(SCHEMA);
    return (statements = prepareStatements(db));
  };

  const expired = (row: RunRow, now: number) => row.changed_at < now - (row.ended_as === null ? limits.openRunMs : limits.endedRunMs);
  const toRow = (run: RunState, now: number): RunRow => ({
    run_id: run.runId,
    job: run.job,
    inputs: JSON.stringify(run.inputs.slice(0, limits.maxDatasetsPerSide)),
    outputs: JSON.stringify(run.outputs.slice(0, limits.maxDatasetsPerSide)),
    ended_as: run.endedAs,
    changed_at: now,
  });
  const read = (runId: string, now: number) => {
    const row = existing()?.select.get(runId) as RunRow | undefined;
    return row && !expired(row, now) ? row : undefined;
  };

  return {
    /** What earlier events said of the run, unless it is forgotten (or past its time at `now`). */
    recall(runId: string, now = Date.now()): RunState | undefined {
      const row = read(runId, now);
      if (!row) return undefined;
      return { runId: row.run_id, job: row.job, inputs: JSON.parse(row.inputs), outputs: JSON.parse(row.outputs), endedAs: row.ended_as };
    },

    /**
     * Stores the runs that differ from what is remembered of them (`changed_at` = `now`), then
     * forgets the runs past their time and those beyond the most kept. A new run that named no
     * dataset is not stored. Answers the runs whose inputs or outputs were cut to the limit.
     */
    remember(runs: Iterable<RunState>, now = Date.now()): RunState[] {
      const toStore = [...runs].filter((run) => run.inputs.length + run.outputs.length > 0 || read(run.runId, now));
      if (toStore.length === 0 && !existing()) return [];
      const { upsert, forgetOpen, forgetEnded, count, forgetOldest } = created();
      const cut: RunState[] = [];
      let added = false;
      for (const run of toStore) {
        const row = toRow(run, now);
        const before = read(run.runId, now);
        if (before && before.job === row.job && before.inputs === row.inputs && before.outputs === row.outputs && before.ended_as === row.ended_as) continue;
        if (Math.max(run.inputs.length, run.outputs.length) > limits.maxDatasetsPerSide) cut.push(run);
        added ||= !before;
        upsert.run(row);
      }
      forgetOpen.run(now - limits.openRunMs);
      forgetEnded.run(now - limits.endedRunMs);
      if (added) {
        const over = (count.get() as number) - limits.maxRuns;
        if (over > 0) forgetOldest.run(over);
      }
      return cut;
    },
  };
}
