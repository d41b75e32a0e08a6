// Tabs as the WAI-ARIA Authoring Practices describe them: a tablist with one tab in the tab order
// (arrow keys, Home and End move between tabs and select them), and the selected tab's panel. In a
// narrow window the tabs wrap onto more rows (tabs.css); a tab too wide for the window alone makes the
// list scroll sideways: the selected tab is scrolled into it, and a fade at an edge says that more lies past it.
// A panel with nothing in it that Tab reaches ("No edits yet", a loading skeleton) is a Tab stop itself,
// as the pattern says, so Tab from the tab list lands in it rather than past it; it stops being one
// when what it holds gains something focusable (decision 111).
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './class-names';
import './tabs.css';
import { formatWholeNumber } from '../lib/format-number';

export interface TabItem<V extends string> {
  value: V;
  label: ReactNode;
  /** Shown as a badge after the label; a count that is still loading is `undefined`. A string is shown as it is ("10,000+"). */
  count?: number | string;
}

export interface TabsProps<V extends string> {
  /** Names the tab list for screen readers ("Resource types"). */
  label: string;
  items: TabItem<V>[];
  value: V;
  onChange: (value: V) => void;
  /** The selected tab's panel. */
  children: ReactNode;
  className?: string;
}

export function Tabs<V extends string>({ label, items, value, onChange, children, className }: TabsProps<V>) {
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const list = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [bare, setBare] = useState(false);
  const selectedIndex = Math.max(0, items.findIndex((item) => item.value === value));

  // Again when a count comes in and widens the tabs before it.
  const widths = items.map((item) => item.count).join();
  useLayoutEffect(() => {
    const tab = tabRefs.current[selectedIndex];
    if (list.current && tab) revealSideways(list.current, tab);
  }, [selectedIndex, widths]);
  useEffect(() => {
    const update = () => list.current && markHiddenTabs(list.current);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  // Again as the panel's content changes (a skeleton, then the content). A panel focused while it gets
  // something focusable stays a Tab stop until focus leaves it: taking away its tabindex would drop focus.
  const checkBare = () => {
    const el = panel.current;
    if (el) setBare(el === document.activeElement || !hasTabStop(el));
  };
  useLayoutEffect(() => {
    checkBare();
    const observer = new MutationObserver(checkBare);
    if (panel.current) observer.observe(panel.current, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'disabled', 'href', 'tabindex'] });
    return () => observer.disconnect();
  }, []);

  function select(index: number) {
    const item = items[(index + items.length) % items.length];
    if (!item) return;
    tabRefs.current[items.indexOf(item)]?.focus();
    if (item.value !== value) onChange(item.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // From the tab that has focus: a second arrow pressed before the first one's choice has rendered
    // (a slow page, a held key) goes on from where the first one went, not from the selected tab again.
    const focused = tabRefs.current.indexOf(document.activeElement as HTMLButtonElement);
    const from = focused === -1 ? selectedIndex : focused;
    const moves: Record<string, number> = { ArrowRight: from + 1, ArrowLeft: from - 1, Home: 0, End: items.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  }

  const tabId = (v: string) => `${baseId}-tab-${v}`;
  const panelId = `${baseId}-panel`;
  return (
    <div className={cx('tabs', className)}>
      <div ref={list} role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown} onScroll={(event) => markHiddenTabs(event.currentTarget)}>
        {items.map((item, index) => {
          const selected = index === selectedIndex;
          return (
            <button
              key={item.value}
              ref={(el) => {
                tabRefs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={tabId(item.value)}
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              className="tabs__tab"
              onClick={() => select(index)}
            >
              {item.label}
              {item.count !== undefined ? <span className="count">{typeof item.count === 'number' ? formatWholeNumber(item.count) : item.count}</span> : null}
            </button>
          );
        })}
      </div>
      <div ref={panel} role="tabpanel" id={panelId} aria-labelledby={tabId(items[selectedIndex]?.value ?? '')} className="tabs__panel" tabIndex={bare ? 0 : undefined} onBlur={checkBare}>
        {children}
      </div>
    </div>
  );
}

const FOCUSABLE = 'a[href],button:enabled,input:enabled:not([type=hidden]),select:enabled,textarea:enabled,summary,iframe,[tabindex]:not([tabindex="-1"])';

/** Whether Tab reaches something in `panel`: not in a part hidden (a resource page keeps its overview, hidden, beside another tab's panel). */
function hasTabStop(panel: HTMLElement) {
  return [...panel.querySelectorAll(FOCUSABLE)].some((el) => el.checkVisibility?.() ?? !el.closest('[hidden]'));
}

/** Room kept beside a tab scrolled into the list, where the fade is (tabs.css). */
const FADE = 32;

/** Scrolls the tab list sideways, only as far as it takes, to show `tab` whole (not the page: no scrollIntoView). */
function revealSideways(list: HTMLElement, tab: HTMLElement) {
  const box = list.getBoundingClientRect();
  const { left, right } = tab.getBoundingClientRect();
  const by = right > box.right - FADE ? right - box.right + FADE : left < box.left + FADE ? left - box.left - FADE : 0;
  if (by) list.scrollLeft = Math.max(0, Math.min(list.scrollLeft + by, list.scrollWidth - list.clientWidth));
  markHiddenTabs(list);
}

/** `data-more` on the list: "start" and/or "end" where tabs lie past its edge, for the fade there. */
function markHiddenTabs(list: HTMLElement) {
  const more = [list.scrollLeft > 1 && 'start', list.scrollLeft + list.clientWidth < list.scrollWidth - 1 && 'end'].filter(Boolean).join(' ');
  if (more) list.dataset.more = more;
  else delete list.dataset.more;
}
