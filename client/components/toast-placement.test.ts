// @vitest-environment jsdom
// The toasts move to the top when at the bottom they would cover the focused control or its message,
// and stay where they are when the focus is clear of them.
import { afterEach, describe, expect, it } from 'vitest';
import { placeClearOfFocus } from './toast-placement';

const rect = (top: number, bottom: number, left = 0, right = 1280) => ({ top, bottom, left, right, width: right - left, height: bottom - top, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

/** A toast region that is 75 px tall at the bottom of a 900 px window, or at the top when data-place="top". */
function region(): HTMLElement {
  const element = document.createElement('section');
  element.getBoundingClientRect = () => (element.getAttribute('data-place') === 'top' ? rect(16, 91, 870, 1264) : rect(809, 884, 870, 1264));
  document.body.append(element);
  return element;
}

function focused(at: DOMRect, message?: DOMRect): HTMLInputElement {
  const input = document.createElement('input');
  input.getBoundingClientRect = () => at;
  if (message) {
    const p = document.createElement('p');
    p.id = 'message';
    p.getBoundingClientRect = () => message;
    document.body.append(p);
    input.setAttribute('aria-describedby', 'message');
  }
  document.body.append(input);
  input.focus();
  return input;
}

afterEach(() => document.body.replaceChildren());

describe('toasts clear of the focus', () => {
  it('move to the top when at the bottom they cover the focused input', () => {
    const toasts = region();
    focused(rect(861, 900, 900, 1200));
    placeClearOfFocus(toasts);
    expect(toasts.getAttribute('data-place')).toBe('top');
  });

  it('move to the top when they cover the focused input’s message', () => {
    const toasts = region();
    focused(rect(700, 740, 900, 1200), rect(800, 830, 900, 1200));
    placeClearOfFocus(toasts);
    expect(toasts.getAttribute('data-place')).toBe('top');
  });

  it('stay at the bottom when the focus is elsewhere, and at the top once there while it is clear', () => {
    const toasts = region();
    focused(rect(300, 340, 900, 1200));
    placeClearOfFocus(toasts);
    expect(toasts.hasAttribute('data-place')).toBe(false);
    toasts.setAttribute('data-place', 'top');
    placeClearOfFocus(toasts);
    expect(toasts.getAttribute('data-place')).toBe('top');
  });

  it('stay where they cover less when both edges cover the focus', () => {
    const toasts = region();
    focused(rect(0, 900, 900, 1200));
    placeClearOfFocus(toasts);
    expect(toasts.hasAttribute('data-place')).toBe(false);
  });

  it('stay where they are while the focus is in a toast (its Dismiss button, focused as it is pressed)', () => {
    const toasts = region();
    const dismiss = document.createElement('button');
    dismiss.getBoundingClientRect = () => rect(820, 850, 1200, 1250);
    toasts.append(dismiss);
    dismiss.focus();
    placeClearOfFocus(toasts);
    expect(toasts.hasAttribute('data-place')).toBe(false);
  });
});
