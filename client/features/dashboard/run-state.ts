// A dashboard's last run state as the catalog spells it ("succeeded", "success", "failed", "error" …)
// sorted into what the page shows.
export type RunOutcome = 'success' | 'failed' | 'other';

export function classifyRunState(state: string | null | undefined): RunOutcome | null {
  if (!state || state.trim() === '') return null;
  const s = state.trim().toLowerCase();
  if (/^(succeeded|success|successful|ok|passed|completed?|finished)$/.test(s)) return 'success';
  if (/fail|error|abort|timed?[ _-]?out|cancel/.test(s)) return 'failed';
  return 'other';
}

export function describeRunState(state: string): string {
  const outcome = classifyRunState(state);
  if (outcome === 'success') return 'Succeeded';
  if (outcome === 'failed') return 'Failed';
  const words = state.replace(/[_-]+/g, ' ').trim();
  return words[0]!.toUpperCase() + words.slice(1);
}
