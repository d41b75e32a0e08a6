// @vitest-environment jsdom
// The toasts move to the top when at the bottom they would cover the focused control or its message,
// and stay where they are when the focus is clear of them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeClearOfFocus } from './toast-placement';

const rect = (top: number, bottom: number, left = 0, right = 1280) => ({ top, bottom, left, right, width: right - left, height: bottom - top, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

/**
 * A toast region that is 75 px tall at the bottom of a 900 px window, or at the top when data-place="top":
 * 16 px below --toasts-top there, as toast-item.css places it.
 */
function region(): HTMLElement {
  const element = document.createElement('section');
  element.getBoundingClientRect = () => {
    if (element.getAttribute('data-place') !== 'top') return rect(809, 884, 870, 1264);
    const top = 16 + (Number.parseFloat(element.style.getPropertyValue('--toasts-top')) || 0);
    return rect(top, top + 75, 870, 1264);
  };
  document.body.append(element);
  return element;
}

/** The page's header (marked for the toasts to stand below), with its account button at the right. */
function header(at: DOMRect): { bar: HTMLElement; account: HTMLButtonElement } {
  const bar = document.createElement('header');
  bar.setAttribute('data-toasts-below', '');
  bar.getBoundingClientRect = () => at;
  const account = document.createElement('button');
  account.getBoundingClientRect = () => rect(at.top + 12, at.bottom - 12, 1180, 1264);
  bar.append(account);
  document.body.append(bar);
  return { bar, account };
}

const covers = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

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

beforeEach(() => {
  window.innerHeight = 900;
});
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

  it('stand below the header at the top, clear of its account button, when a field at the bottom has the focus', () => {
    const { account } = header(rect(0, 64));
    const toasts = region();
    focused(rect(861, 900, 900, 1200));
    placeClearOfFocus(toasts);
    expect(toasts.getAttribute('data-place')).toBe('top');
    expect(toasts.style.getPropertyValue('--toasts-top')).toBe('64px');
    expect(covers(toasts.getBoundingClientRect(), account.getBoundingClientRect())).toBe(false);
  });

  it('stand below the lowest of the header and the session notice, and at the window’s top once they scrolled away', () => {
    const bar = header(rect(0, 108)).bar;
    const notice = document.createElement('div');
    notice.setAttribute('data-toasts-below', '');
    notice.getBoundingClientRect = () => rect(108, 160.4);
    document.body.append(notice);
    const toasts = region();
    focused(rect(861, 900, 900, 1200));
    placeClearOfFocus(toasts);
    expect(toasts.style.getPropertyValue('--toasts-top')).toBe('161px');
    // A narrow window: the header scrolls away with the page (nav-bar.css); the toasts follow it up.
    bar.getBoundingClientRect = () => rect(-300, -192);
    notice.getBoundingClientRect = () => rect(0, 0, 0, 0);
    placeClearOfFocus(toasts);
    expect(toasts.getAttribute('data-place')).toBe('top');
    expect(toasts.style.getPropertyValue('--toasts-top')).toBe('0px');
  });

  it('stay at the bottom when below the header they would cover the focus more', () => {
    header(rect(0, 64));
    const toasts = region();
    // A tall field from under the header to the window's bottom edge, wider at the top.
    focused(rect(70, 900, 900, 1200), rect(70, 400, 600, 1280));
    placeClearOfFocus(toasts);
    expect(toasts.hasAttribute('data-place')).toBe(false);
  });
});
