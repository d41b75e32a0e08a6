// @vitest-environment jsdom
// jsdom has no layout: each block's widths are stubbed, as a browser would report them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markScrollingBlocks, watchScrollingBlocks, watchScrollingBox } from './scrolling-blocks';

function setWidths(element: Element, scrollWidth: number, clientWidth: number) {
  Object.defineProperty(element, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: clientWidth });
}

function makeContainer(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

const attributes = (element: Element) => ({ tabindex: element.getAttribute('tabindex'), role: element.getAttribute('role'), label: element.getAttribute('aria-label') });

afterEach(() => vi.unstubAllGlobals());

describe('markScrollingBlocks', () => {
  it('makes a code block or table that overflows sideways a named Tab stop, and leaves those that fit alone', () => {
    const container = makeContainer('<pre><code>long</code></pre><pre>short</pre><table><tr><td>wide</td></tr></table><blockquote><table><tr><td>fits</td></tr></table></blockquote><p>text</p>');
    const [longCode, shortCode] = container.querySelectorAll('pre');
    const [wideTable, narrowTable] = container.querySelectorAll('table');
    setWidths(longCode!, 900, 300);
    setWidths(shortCode!, 300, 300);
    setWidths(wideTable!, 301, 300);
    setWidths(narrowTable!, 120, 300);
    markScrollingBlocks(container);
    expect(attributes(longCode!)).toEqual({ tabindex: '0', role: 'group', label: 'Code, scrolls sideways' });
    expect(attributes(wideTable!)).toEqual({ tabindex: '0', role: null, label: 'Table, scrolls sideways' });
    expect(attributes(shortCode!)).toEqual({ tabindex: null, role: null, label: null });
    expect(attributes(narrowTable!)).toEqual({ tabindex: null, role: null, label: null });
    expect(container.querySelector('p')!.hasAttribute('tabindex')).toBe(false);
  });

  it('takes the Tab stop and name away again when the block fits after all', () => {
    const container = makeContainer('<pre>code</pre><table><tr><td>cell</td></tr></table>');
    const pre = container.querySelector('pre')!;
    const table = container.querySelector('table')!;
    setWidths(pre, 900, 300);
    setWidths(table, 900, 300);
    markScrollingBlocks(container);
    setWidths(pre, 900, 900);
    setWidths(table, 900, 1000);
    markScrollingBlocks(container);
    expect(attributes(pre)).toEqual({ tabindex: null, role: null, label: null });
    expect(attributes(table)).toEqual({ tabindex: null, role: null, label: null });
  });
});

describe('watchScrollingBlocks', () => {
  it('marks the blocks at once, checks again when the container or a block is resized, and stops when told', () => {
    const observed: Element[] = [];
    let onResize = () => {};
    const disconnect = vi.fn();
    vi.stubGlobal('ResizeObserver', class {
      constructor(callback: () => void) { onResize = callback; }
      observe(element: Element) { observed.push(element); }
      disconnect = disconnect;
    });
    const container = makeContainer('<p>x</p><pre>code</pre>');
    const pre = container.querySelector('pre')!;
    setWidths(pre, 300, 300);
    const stop = watchScrollingBlocks(container);
    expect(pre.hasAttribute('tabindex')).toBe(false);
    expect(observed).toEqual([container, pre]);
    setWidths(pre, 600, 300); // the window got narrower
    onResize();
    expect(pre.getAttribute('tabindex')).toBe('0');
    setWidths(pre, 600, 700);
    onResize();
    expect(pre.hasAttribute('tabindex')).toBe(false);
    stop();
    expect(disconnect).toHaveBeenCalledOnce();
  });

  it('still marks the blocks once where there is no ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const container = makeContainer('<pre>code</pre>');
    setWidths(container.querySelector('pre')!, 600, 300);
    const stop = watchScrollingBlocks(container);
    expect(container.querySelector('pre')!.getAttribute('tabindex')).toBe('0');
    expect(stop).not.toThrow();
  });
});

describe('watchScrollingBox', () => {
  function setHeights(element: Element, scrollHeight: number, clientHeight: number) {
    Object.defineProperty(element, 'scrollHeight', { configurable: true, value: scrollHeight });
    Object.defineProperty(element, 'clientHeight', { configurable: true, value: clientHeight });
  }

  it('makes a box a named Tab stop (a group) while it scrolls either way, and takes both away when it fits', () => {
    let onResize: () => void = () => {};
    const disconnect = vi.fn();
    vi.stubGlobal('ResizeObserver', class {
      constructor(callback: () => void) {
        onResize = callback;
      }
      observe() {}
      disconnect = disconnect;
    });
    const box = document.createElement('div');
    setHeights(box, 900, 256);
    const stop = watchScrollingBox(box, 'Theirs, scrolls');
    expect(attributes(box)).toEqual({ tabindex: '0', role: 'group', label: 'Theirs, scrolls' });
    // Wider now: it fits.
    setHeights(box, 256, 256);
    onResize();
    expect(attributes(box)).toEqual({ tabindex: null, role: null, label: null });
    // Sideways counts too.
    setWidths(box, 500, 300);
    onResize();
    expect(attributes(box)).toEqual({ tabindex: '0', role: 'group', label: 'Theirs, scrolls' });
    stop();
    expect(disconnect).toHaveBeenCalled();
  });
});
