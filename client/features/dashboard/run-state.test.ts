import { describe, expect, it } from 'vitest';
import { classifyRunState, describeRunState } from './run-state';

describe('run state', () => {
  it('sorts the spellings of success and failure', () => {
    for (const s of ['succeeded', 'Success', ' ok ', 'completed']) expect(classifyRunState(s)).toBe('success');
    for (const s of ['failed', 'FAILURE', 'error', 'timed_out', 'cancelled']) expect(classifyRunState(s)).toBe('failed');
    expect(classifyRunState('running')).toBe('other');
    expect(classifyRunState(null)).toBeNull();
    expect(classifyRunState(' ')).toBeNull();
  });

  it('names the state for people', () => {
    expect(describeRunState('succeeded')).toBe('Succeeded');
    expect(describeRunState('failed')).toBe('Failed');
    expect(describeRunState('in_progress')).toBe('In progress');
  });
});
