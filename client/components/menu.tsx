// A menu button as the WAI-ARIA Authoring Practices describe it: the button opens a menu of links and
// actions; arrow keys, Home and End move through the items, Escape closes and returns focus to the
// button, Tab or a click outside closes.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { cx } from './class-names';
import { useDismiss } from './use-dismiss';
import './menu.css';

export type MenuItem =
  | { kind: 'link'; label: ReactNode; to: string; external?: boolean }
  | { kind: 'action'; label: ReactNode; onSelect: () => void }
  /** A form POST (e.g. log out): a real form, so it works like any other. */
  | { kind: 'post'; label: ReactNode; action: string; /** Runs as the form is sent (the browser then leaves the page). */ onSubmit?: () => void };

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

export function MenuButton({ trigger, triggerLabel, header, items, align = 'end', className, triggerTestId }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, container, close, button);

  useEffect(() => {
    if (!open) return;
    const target = focusOnOpen === 'first' ? itemRefs.current[0] : itemRefs.current[items.length - 1];
    target?.focus();
  }, [open, focusOnOpen, items.length]);

  function openWith(focus: 'first' | 'last') {
    setFocusOnOpen(focus);
    setOpen(true);
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openWith(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const current = itemRefs.current.indexOf(document.activeElement as HTMLElement);
    const count = items.length;
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1 };
    if (event.key in moves) {
      event.preventDefault();
      itemRefs.current[(moves[event.key]! + count) % count]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    } else if (event.key === ' ' && document.activeElement instanceof HTMLAnchorElement) {
      event.preventDefault();
      document.activeElement.click();
    }
  }

  const refFor = (index: number) => (el: HTMLElement | null) => {
    itemRefs.current[index] = el;
  };

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
        onClick={() => (open ? setOpen(false) : openWith('first'))}
        onKeyDown={onButtonKeyDown}
      >
        {trigger}
      </button>
      {open ? (
        <div className={cx('menu__popup', `menu__popup--${align}`)}>
          {header ? <div className="menu__header">{header}</div> : null}
          <ul role="menu" id={menuId} aria-label={triggerLabel} className="menu__list" onKeyDown={onMenuKeyDown}>
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
                      close();
                      button.current?.focus();
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
      ) : null}
    </div>
  );
}
