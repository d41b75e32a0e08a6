import { describe, expect, it } from 'vitest';
import { partsBetweenBreaks } from './name-breaks';

describe('partsBetweenBreaks', () => {
  it('cuts after underscores, dots and slashes, keeping every character', () => {
    expect(partsBetweenBreaks('snap_apac_chargebacks_funnel')).toEqual(['snap_', 'apac_', 'chargebacks_', 'funnel']);
    expect(partsBetweenBreaks('a.b/c')).toEqual(['a.', 'b/', 'c']);
    expect(partsBetweenBreaks('orders')).toEqual(['orders']);
    expect(partsBetweenBreaks('Revenue by region')).toEqual(['Revenue by region']);
    expect(partsBetweenBreaks('')).toEqual(['']);
    // A part of a name ending in one: a break after it, before the next part.
    expect(partsBetweenBreaks('apac_')).toEqual(['apac_', '']);
  });
});
