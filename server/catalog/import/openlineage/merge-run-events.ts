// Pairs the inputs and outputs of OpenLineage runs over all of a run's events. The specification's
// run cycle: "events describing a single run are accumulative and COMPLETE, ABORT and FAIL are
// terminal events" (openlineage.io/docs/spec/run-cycle) — producers name a run's inputs on START and
// its outputs on COMPLETE, or spread them over RUNNING events. So the events of one `run.runId` are
// merged, as Marquez does: the run's lineage is every input it named × every output it named, in
// whichever events. What earlier requests said of a run comes from `recall` (openlineage-run-memory.ts).
// A JobEvent has no run: its inputs pair with its own outputs.
import type { ReadEvent } from './read-openlineage-event';

export const TERMINAL_EVENT_TYPES: readonly string[] = ['COMPLETE', 'FAIL', 'ABORT'];

/** What the events so far said of one run. */
export interface RunState {
  runId: string;
  /** `namespace/name` of the job, from the run's first event. */
  job: string;
  /** Table keys, each once, in the order the events named them. */
  inputs: string[];
  outputs: string[];
  /** The type of the run's first terminal event (COMPLETE, FAIL, ABORT), once one came. */
  endedAs: string | null;
}

export interface RunWarning {
  run_id: string;
  job: string;
  reason: string;
}

export interface MergedRuns {
  /** Every run the events name: what was remembered of it, with these events' datasets added. */
  runs: Map<string, RunState>;
  /** [upstream key, downstream key]: each run's inputs × outputs and each JobEvent's; never a table with itself. */
  edges: [string, string][];
  warnings: RunWarning[];
}

const listed = (keys: readonly string[], most = 3) =>
  `${keys.slice(0, most).join(', ')}${keys.length > most ? ` and ${keys.length - most} more` : ''}`;

function add(keys: readonly string[], seen: Set<string>, into: string[]) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    into.push(key);
  }
}

export function mergeRunEvents(events: readonly ReadEvent[], recall: (runId: string) => RunState | undefined): MergedRuns {
  const runs = new Map<string, RunState>();
  const seen = new Map<string, { inputs: Set<string>; outputs: Set<string> }>();
  const endedHere = new Map<string, string>();
  const edges = new Map<string, [string, string]>();
  const pair = (inputs: readonly string[], outputs: readonly string[]) => {
    for (const input of inputs) {
      for (const output of outputs) if (input !== output) edges.set(`${input}\n${output}`, [input, output]);
    }
  };

  for (const event of events) {
    if (event.kind === 'JobEvent') pair(event.inputs, event.outputs);
    if (event.kind !== 'RunEvent' || event.runId === null) continue;
    let run = runs.get(event.runId);
    let sets = seen.get(event.runId);
    if (!run || !sets) {
      const before = recall(event.runId);
      run = before
        ? { ...before, inputs: [...before.inputs], outputs: [...before.outputs] }
        : { runId: event.runId, job: event.job ?? '', inputs: [], outputs: [], endedAs: null };
      sets = { inputs: new Set(run.inputs), outputs: new Set(run.outputs) };
      runs.set(event.runId, run);
      seen.set(event.runId, sets);
    }
    add(event.inputs, sets.inputs, run.inputs);
    add(event.outputs, sets.outputs, run.outputs);
    if (event.eventType !== null && TERMINAL_EVENT_TYPES.includes(event.eventType)) {
      run.endedAs ??= event.eventType;
      if (!endedHere.has(event.runId)) endedHere.set(event.runId, event.eventType);
    }
  }
  for (const run of runs.values()) pair(run.inputs, run.outputs);

  const warnings: RunWarning[] = [];
  for (const [runId, eventType] of endedHere) {
    const run = runs.get(runId)!;
    if (run.outputs.length === 0 || run.inputs.length > 0) continue;
    warnings.push({
      run_id: runId,
      job: run.job,
      reason: `the run ended (${eventType}) with outputs (${listed(run.outputs)}) but no inputs the catalog knows of, so no lineage leads to them: `
        + 'its events that named inputs did not reach the catalog or came too long ago to be remembered, or the job reads no dataset',
    });
  }
  return { runs, edges: [...edges.values()], warnings };
}
