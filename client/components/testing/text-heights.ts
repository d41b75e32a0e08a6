// jsdom lays nothing out: every element is 0 px tall. For tests of what depends on a text's height
// (clamped-text.tsx), this models one: one pixel per 10 characters of its text. The clamp of a long
// description (18rem at 16 px: 288 px) then takes a text over 3,840 characters; a column's (6rem) one
// over 1,280.
import { afterAll, beforeAll } from 'vitest';

export function modelTextHeights(): void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return Math.round((this.textContent ?? '').length / 10);
      },
    });
  });
  afterAll(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'scrollHeight', original);
  });
}
