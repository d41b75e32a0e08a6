import { describe, expect, it } from 'vitest';
import { isImpossibleUserId } from './impossible-user-id';

describe('isImpossibleUserId (decision 101)', () => {
  it('is true for a line break or other control character inside the id, or an id longer than any email', () => {
    for (const userId of ['ro\r\nald', 'a\nb@x.org', ' a\tb ', 'x\u2028y', 'x\u0000y', 'x'.repeat(321)]) expect(isImpossibleUserId(userId), JSON.stringify(userId)).toBe(true);
  });
  it('is false for one only around the id, which decision 093 trims, and for any other id', () => {
    for (const userId of ['roald\n', '\r\nroald', ' roald ', "o'brien/ä#1?x=y z", 'x'.repeat(320)]) expect(isImpossibleUserId(userId), JSON.stringify(userId)).toBe(false);
  });
});
