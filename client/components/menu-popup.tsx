// The open menu of a MenuButton (menu.tsx): its items as WAI-ARIA menu items, arrow keys, Home and
// End moving through them, focus on the first or last item as it opens. A file of its own, loaded the
// first time a menu opens (or the pointer or focus reaches its button), so the first page does not
// carry it (decision 007's budget), nor what closes an open menu (use-dismiss.ts).
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { cx } from './class-names';
import type { MenuItem } from './menu-item';
import { useDismiss } from './use-dismiss';
import './menu-popup.css';

export interface MenuPopupProps {
  header?: ReactNode;
  items: MenuItem[];
  id: string;
  label: string | undefined;
  align: 'start' | 'end';
  /** Which item has focus as the menu opens. */
  focusOnOpen: 'first' | 'last';
  /** The keys pressed on the button while this code loaded, to play as the menu opens (menu.tsx). */
  takeKeptKeys: () => string[];
  close: () => void;
  /** Closes the menu and gives focus back to its button (an action item was chosen). */
  closeToButton: () => void;
  /** The menu button and what holds it and the menu: a pointer or focus outside it, or Escape, closes the menu. */
  container: RefObject<HTMLDivElement | null>;
  button: RefObject<HTMLButtonElement | null>;
}

export default function MenuPopup({ id, label, header, items, align, focusOnOpen, takeKeptKeys, close, closeToButton, container, button }: MenuPopupProps) {
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const popup = useRef<HTMLDivElement>(null);
  useDismiss(true, container, close, button);
  // Drawn under its button, it may reach past the window's edge (a menu button at the left of a narrow
  // window, the popup aligned to its right edge): moved sideways to keep it inside, before it shows.
  useLayoutEffect(() => {
    if (popup.current) keepInsideWindow(popup.current);
  }, []);

  useEffect(() => {
    const target = focusOnOpen === 'first' ? itemRefs.current[0] : itemRefs.current[items.length - 1];
    target?.focus();
    // Keys pressed before the menu was here, as they would have acted on it: moves, then Enter or Space
    // presses the item with focus (what follows it is dropped: the menu has closed).
    for (const key of takeKeptKeys()) {
      if (moveFocus(key)) continue;
      (document.activeElement as HTMLElement | null)?.click();
      break;
    }
    // Only as the menu opens (this component mounts when it does).
  }, []);

  /** Moves focus for an arrow key, Home or End; false for any other key. */
  function moveFocus(key: string): boolean {
    const current = itemRefs.current.indexOf(document.activeElement as HTMLElement);
    const count = items.length;
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1 };
    if (!(key in moves)) return false;
    itemRefs.current[(moves[key]! + count) % count]?.focus();
    return true;
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (moveFocus(event.key)) {
      event.preventDefault();
    } else if (event.key === 'Tab') {
      close();
    } else if (event.key === ' ' && document.activeElement instanceof HTMLAnchorElement) {
      event.preventDefault();
      document.activeElement.click();
    }
  }

  const refFor = (index: number) => (el: HTMLElement | null) => {
    itemRefs.current[index] = el;
  };

  return (
    <div ref={popup} className={cx('menu__popup', `menu__popup--${align}`)}>
      {header ? <div className="menu__header">{header}</div> : null}
      <ul role="menu" id={id} aria-label={label} className="menu__list" onKeyDown={onMenuKeyDown}>
        {items.map((item, index) => (
          <li role="none" key={index}>
            {item.kind === 'link' ? (
              item.external ? (
                <a ref={refFor(index)} role="menuitem" tabIndex={-1} className="menu__item" href={item.to} target="_blank" rel="noopener noreferrer" onClick={close}>
                  {item.label}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                <Link ref={refFor(index)} role="menuitem" tabIndex={-1} className="menu__item" to={item.to} onClick={close}>
                  {item.label}
                </Link>
              )
            ) : item.kind === 'action' ? (
              <button
                ref={refFor(index)}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu__item"
                onClick={() => {
                  closeToButton();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            ) : (
              <form method="post" action={item.action} onSubmit={item.onSubmit}>
                <button ref={refFor(index)} type="submit" role="menuitem" tabIndex={-1} className="menu__item">
                  {item.label}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The margin kept between an open menu and the window's edges, in CSS pixels. */
const EDGE = 8;

/** Moves `element` sideways (a transform) so that it lies inside the window, `EDGE` from its sides where it can. */
export function keepInsideWindow(element: HTMLElement) {
  const { left, right } = element.getBoundingClientRect();
  const width = document.documentElement.clientWidth || window.innerWidth;
  const shift = left < EDGE ? EDGE - left : right > width - EDGE ? Math.max(EDGE - left, width - EDGE - right) : 0;
  element.style.transform = shift ? `translateX(${Math.round(shift)}px)` : '';
}
