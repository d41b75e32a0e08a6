import { describe, expect, it } from 'vitest';
import { checkPruneSize, isLargePrune, PruneRefusedError } from './prune-guard';

describe('a prune large enough to be confirmed', () => {
  it('is one of every table, or of more than half of ten or more', () => {
    expect(isLargePrune(4, 4)).toBe(true);
    expect(isLargePrune(1, 1)).toBe(true);
    expect(isLargePrune(4, 3)).toBe(false);
    expect(isLargePrune(10, 6)).toBe(true);
    expect(isLargePrune(10, 5)).toBe(false);
    expect(isLargePrune(0, 0)).toBe(false);
    expect(isLargePrune(60, 1)).toBe(false);
  });

  it('is refused with the option that confirms it, as the caller names its options', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const check = { held: 7, removing: keys, scopeName: 'dbt project "acme"' };
    expect(() => checkPruneSize(check, false)).toThrow(PruneRefusedError);
    expect(() => checkPruneSize(check, false)).toThrow(
      'refused to prune: it would remove all 7 tables an earlier import of dbt project "acme" made (a, b, c, d, e and 2 more), as the source no longer has them. ',
    );
    expect(() => checkPruneSize(check, false)).toThrow(/run again with --allow-large-prune \(--dry-run --prune --allow-large-prune lists/);
    expect(() => checkPruneSize({ ...check, held: 12, style: 'query' }, false)).toThrow(/remove 7 of the 12 tables .* run again with allow_large_prune=true/);
    expect(() => checkPruneSize(check, true)).not.toThrow();
  });
});
