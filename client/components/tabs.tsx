// Tabs as the WAI-ARIA Authoring Practices describe them: a tablist with one tab in the tab order
// (arrow keys, Home and End move between tabs and select them), and the selected tab's panel.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
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
  const selectedIndex = Math.max(0, items.findIndex((item) => item.value === value));

  function select(index: number) {
    const item = items[(index + items.length) % items.length];
    if (!item) return;
    tabRefs.current[items.indexOf(item)]?.focus();
    if (item.value !== value) onChange(item.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowRight: selectedIndex + 1, ArrowLeft: selectedIndex - 1, Home: 0, End: items.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  }

  const tabId = (v: string) => `${baseId}-tab-${v}`;
  const panelId = `${baseId}-panel`;
  return (
    <div className={cx('tabs', className)}>
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
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
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(items[selectedIndex]?.value ?? '')} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
