// A menu button as the WAI-ARIA Authoring Practices describe it: the button opens a menu of links and
// actions; arrow keys, Home and End move through the items, Escape closes and returns focus to the
// button, Tab or a click outside closes. The open menu is menu-popup.tsx, loaded when first needed; keys
// pressed while it loads are kept and played on it as it opens, so a quick Enter, ArrowDown, Enter chooses
// the second item rather than reaching the button.
import { Suspense, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './class-names';
import { lazyPart } from './lazy-part';
import type { MenuItem } from './menu-item';
import './menu.css';

export type { MenuItem } from './menu-item';

export interface MenuButtonProps {
  /** Content of the button that opens the menu. */
  trigger: ReactNode;
  /** The button's accessible name when `trigger` is not text. */
  triggerLabel?: string;
  /** Shown above the items (not an item itself), e.g. who is signed in. */
  header?: ReactNode;
  items: MenuItem[];
  align?: 'start' | 'end';
  className?: string;
  triggerTestId?: string;
}

const loadPopup = () => import('./menu-popup');
// If its code does not arrive, the menu closes again at once; the next press asks for it again.
const MenuPopup = lazyPart(loadPopup, ({ close }) => {
  useEffect(close, [close]);
  return null;
});

/** Keys kept while the open menu's code loads, played on the menu as it opens (menu-popup.tsx). */
const KEPT_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'Enter', ' ']);

export function MenuButton({ trigger, triggerLabel, header, items, align = 'end', className, triggerTestId }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // While the menu is open but not yet shown (its code on the way), the keys pressed on the button; null
  // when closed or shown. The popup takes them as it opens.
  const keptKeys = useRef<string[] | null>(null);
  const close = useCallback(() => {
    keptKeys.current = null;
    setOpen(false);
  }, []);
  const closeToButton = useCallback(() => {
    close();
    button.current?.focus();
  }, [close]);
  const takeKeptKeys = useCallback(() => {
    const keys = keptKeys.current ?? [];
    keptKeys.current = null;
    return keys;
  }, []);

  function openWith(focus: 'first' | 'last') {
    keptKeys.current = [];
    setFocusOnOpen(focus);
    setOpen(true);
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (open && keptKeys.current) {
      // Tab leaves and Escape closes as they would from the open menu; the other keys wait for it (Enter
      // and Space do not press the button again, which would close it).
      if (event.key === 'Tab' || event.key === 'Escape') close();
      else if (KEPT_KEYS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        keptKeys.current.push(event.key);
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openWith(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  // The open menu's code is fetched as the pointer or focus reaches the button, before it is pressed.
  const preload = () => void loadPopup();

  return (
    <div ref={container} className={cx('menu', className)}>
      <button
        ref={button}
        type="button"
        className="menu__trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        data-testid={triggerTestId}
        onClick={() => (open ? close() : openWith('first'))}
        onKeyDown={onButtonKeyDown}
        // Space presses a button as the key comes up: not one kept for the menu.
        onKeyUp={(event) => {
          if (event.key === ' ' && open && keptKeys.current) event.preventDefault();
        }}
        onPointerEnter={preload}
        onFocus={preload}
      >
        {trigger}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <MenuPopup id={menuId} label={triggerLabel} header={header} items={items} align={align} focusOnOpen={focusOnOpen} takeKeptKeys={takeKeptKeys} close={close} closeToButton={closeToButton} container={container} button={button} />
        </Suspense>
      ) : null}
    </div>
  );
}
