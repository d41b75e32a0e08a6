// Merging the events of OpenLineage runs: read from spec-shaped events, paired per run.
import { describe, expect, it } from 'vitest';
import { mergeRunEvents, type RunState } from './merge-run-events';
import { readOpenLineageEvent, type ReadEvent } from './read-openlineage-event';
import { jobEvent, PG, runEvent } from './openlineage-test-events';

const ds = (table: string) => ({ namespace: PG, name: `shop.public.${table}` });
const key = (table: string) => `postgres://shop.public/${table}`;
function read(raw: unknown): ReadEvent {
  const result = readOpenLineageEvent(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}
const ev = (eventType: string, runId: string, inputs: string[], outputs: string[]) =>
  read(runEvent({ eventType, runId, inputs: inputs.map(ds), outputs: outputs.map(ds) }));
const nothingRemembered = () => undefined;

describe('merging the events of OpenLineage runs', () => {
  it('pairs every input of a run with every output, whichever events named them; runs stay apart', () => {
    const merged = mergeRunEvents([
      ev('START', 'r1', ['a'], []), ev('START', 'r2', ['x'], []), ev('RUNNING', 'r1', ['b'], ['c']), ev('COMPLETE', 'r1', [], ['d']), ev('COMPLETE', 'r2', [], ['y']),
    ], nothingRemembered);
    expect(merged.edges).toEqual([[key('a'), key('c')], [key('a'), key('d')], [key('b'), key('c')], [key('b'), key('d')], [key('x'), key('y')]]);
    expect(merged.runs.get('r1')).toEqual({ runId: 'r1', job: 'airflow-prod/orders_etl.load_orders', inputs: [key('a'), key('b')], outputs: [key('c'), key('d')], endedAs: 'COMPLETE' });
    expect(merged.warnings).toEqual([]);
  });

  it('starts from what is remembered of a run', () => {
    const remembered: RunState = { runId: 'r1', job: 'airflow-prod/orders_etl.load_orders', inputs: [key('a')], outputs: [], endedAs: null };
    const merged = mergeRunEvents([ev('COMPLETE', 'r1', [], ['b'])], (id) => (id === 'r1' ? remembered : undefined));
    expect(merged.edges).toEqual([[key('a'), key('b')]]);
    expect(remembered.outputs).toEqual([]); // not changed in place
  });

  it('never pairs a table with itself, keeps the first terminal type, and pairs a JobEvent on its own', () => {
    const merged = mergeRunEvents([
      ev('START', 'r1', ['a'], ['a']), ev('FAIL', 'r1', [], []), ev('COMPLETE', 'r1', [], []),
      read(jobEvent([ds('j_in')], [ds('j_out')])),
    ], nothingRemembered);
    expect(merged.edges).toEqual([[key('j_in'), key('j_out')]]);
    expect(merged.runs.get('r1')?.endedAs).toBe('FAIL');
  });

  it('warns of a run that ends with outputs but no inputs, not of one still running or one with inputs', () => {
    const merged = mergeRunEvents([
      ev('COMPLETE', 'only-outputs', [], ['b', 'c', 'd', 'e']), ev('RUNNING', 'running', [], ['b']), ev('COMPLETE', 'with-inputs', ['a'], ['b']),
    ], nothingRemembered);
    expect(merged.warnings.map((w) => w.run_id)).toEqual(['only-outputs']);
    expect(merged.warnings[0].reason).toContain(`(COMPLETE) with outputs (${key('b')}, ${key('c')}, ${key('d')} and 1 more)`);
  });
});
