// A text input with a list of suggestions below it, as the WAI-ARIA Authoring Practices' "combobox
// with listbox popup" describes: typing shows suggestions, arrow keys move the active suggestion
// (aria-activedescendant; focus stays in the input), Enter picks it (or submits what was typed),
// Escape closes the list, then clears the text — or, with `escape` 'passes' (a box that Escape
// closes, such as the Add tag box), leaves the second Escape to the box around it, or with 'keeps' (a
// search page's filter field, whose text is a filter applied) does nothing more. Alt+↓ opens the
// list without choosing, Alt+↑ closes it; a click reopens it. Focus alone (Tab) does not open it: Tab
// through a form of boxes would flash each list and have each announced (decision 111). With `listEmpty`
// (a filter field's most used values) the list opens with nothing typed too: on a click or ↓. A group marked
// `stale` (kept from an answer for other text while the next one loads) is shown dimmed, the list is
// aria-busy, and its options cannot be chosen: the arrows pass them by, and Enter acts on what is typed.
import { useId, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { cx } from './class-names';
import './combobox.css';

export interface ComboboxOption {
  id: string;
  label: ReactNode;
  onSelect: () => void;
}

export interface ComboboxGroup {
  id: string;
  label: string;
  options: ComboboxOption[];
  /**
   * Its options answer other text than the box holds (the last answer, kept while the next loads):
   * shown dimmed, not counted, and not choosable by arrow, Enter or click.
   */
  stale?: boolean;
}

export interface ComboboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onSubmit'> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  groups: ComboboxGroup[];
  /** Options after the groups (e.g. "All results for …"). */
  footer?: ComboboxOption[];
  /**
   * Whether the footer's options count in the spoken number of suggestions: not a search's "All results
   * for …" (a way to search, not a suggestion), but the Add tag box's "Add new tag “x”" and the Add owner
   * box's "Add “x” as a user id", which are ones.
   */
  countFooter?: boolean;
  /** Announced and shown in the popup when there is nothing to list ("Searching…", "No matches"). */
  status?: ReactNode;
  /**
   * A line atop the open list, not an option, said before the count (the Add tag box's "Tags are lower
   * case: Enter adds “finance”.", which the list would cover where it shows under the box).
   */
  note?: string;
  /**
   * Why what was typed cannot be taken, shown as the note is (atop the open list, which would cover the
   * message under the box: the Add tag box's "Already tagged kpi.") in the error colour, and said before
   * the count; the box's own message stays its aria-describedby. Takes the note's place.
   */
  problem?: string;
  /**
   * The problem was announced already, where it arose (a write the server refused: its toast is an
   * alert): shown atop the open list as ever, but not said again by the list's status.
   */
  problemAnnounced?: boolean;
  /** Enter with no active option. */
  onSubmitValue: (value: string) => void;
  /**
   * What Escape does with the list closed: 'clears' the text (the default: the search box); 'passes' it
   * to the element around the box (not default-prevented), so one more Escape closes that; 'keeps' the
   * text and does nothing (default-prevented, so the browser's own clearing of a search field does not
   * run either: a filter field, where clearing would drop a filter unseen, decision 106).
   */
  escape?: 'clears' | 'passes' | 'keeps';
  /** The list opens with nothing typed as well (the options then say what can be typed). */
  listEmpty?: boolean;
  /** Open from the start: the box replaces one the person was typing in (the search form's plain input). */
  defaultOpen?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function Combobox({ label, value, onValueChange, groups, footer = [], countFooter = false, status, note: hint, problem, problemAnnounced = false, onSubmitValue, escape = 'clears', listEmpty, defaultOpen = false, ref, className, ...input }: ComboboxProps) {
  const baseId = useId();
  const [open, setOpen] = useState(defaultOpen);
  const [activeIndex, setActiveIndex] = useState(-1);
  // What can be chosen: the options of the groups that answer what is typed, and the footer's.
  const options = [...groups.flatMap((g) => (g.stale ? [] : g.options)), ...footer];
  const busy = groups.some((g) => g.stale && g.options.length > 0);
  // The footer's rows ("All results for …") are ways to search, not suggestions: not counted unless said.
  const suggestions = countFooter ? options.length : options.length - footer.length;
  const hasContent = options.length > 0 || busy || !!status;
  const expanded = open && (listEmpty || value.trim() !== '') && hasContent;
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const listboxId = `${baseId}-listbox`;
  const note = problem ?? hint;
  const spokenNote = problem && problemAnnounced ? undefined : note;

  function close() {
    setOpen(false);
    setActiveIndex(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (event.altKey && event.key === 'ArrowUp') return close();
      setOpen(true);
      if (options.length === 0 || event.altKey) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = activeIndex === -1 && step < 0 ? options.length - 1 : (activeIndex + step + options.length) % options.length;
      setActiveIndex(next);
      // Focus stays in the input, so nothing scrolls by itself: the chosen row is brought into view
      // (below the window's edge, or past the popup's own scroll), once the popup is drawn.
      requestAnimationFrame(() => document.getElementById(optionId(next))?.scrollIntoView?.({ block: 'nearest' }));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = expanded ? options[activeIndex] : undefined;
      close();
      if (option) option.onSelect();
      else onSubmitValue(value);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        close();
      } else if (escape === 'keeps') {
        event.preventDefault();
      } else if (value && escape === 'clears') {
        event.preventDefault();
        onValueChange('');
      }
    }
  }

  let index = -1;
  const renderOption = (option: ComboboxOption) => {
    index += 1;
    const i = index;
    return (
      <li
        key={option.id}
        id={optionId(i)}
        role="option"
        aria-selected={i === activeIndex}
        className={cx('combobox__option', i === activeIndex && 'combobox__option--active')}
        // Keep focus in the input while clicking.
        onMouseDown={(event) => event.preventDefault()}
        onMouseMove={() => setActiveIndex(i)}
        onClick={() => {
          close();
          option.onSelect();
        }}
      >
        {option.label}
      </li>
    );
  };

  // Out of date: seen (dimmed) but not choosable, and not in the count of options the arrows go through.
  const renderStaleOption = (option: ComboboxOption) => (
    <li key={option.id} role="option" aria-disabled="true" aria-selected={false} className="combobox__option" onMouseDown={(event) => event.preventDefault()}>
      {option.label}
    </li>
  );

  return (
    <div className={cx('combobox', className)}>
      <input
        ref={ref}
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        className="combobox__input"
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
          setActiveIndex(-1);
        }}
        onClick={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
        {...input}
      />
      <div className={cx('combobox__popup', !expanded && 'combobox__popup--hidden')}>
        {expanded && note ? (
          <div className={cx('combobox__status combobox__note', problem && 'combobox__note--problem')} aria-hidden="true">
            {note}
          </div>
        ) : null}
        <ul id={listboxId} role="listbox" aria-label={`${label}: suggestions`} aria-busy={busy || undefined} className="combobox__listbox">
          {groups.map((group) =>
            group.options.length === 0 ? null : (
              <li key={group.id} role="presentation" className={cx(group.stale && 'combobox__stale')}>
                <div id={`${baseId}-group-${group.id}`} className="combobox__group-label" aria-hidden="true">
                  {group.label}
                </div>
                <ul role="group" aria-labelledby={`${baseId}-group-${group.id}`} className="combobox__group">
                  {group.options.map(group.stale ? renderStaleOption : renderOption)}
                </ul>
              </li>
            ),
          )}
          {footer.map(renderOption)}
        </ul>
        {expanded && status ? <div className="combobox__status">{status}</div> : null}
      </div>
      <div role="status" className="visually-hidden">
        {expanded ? <>{spokenNote ? `${spokenNote} ` : ''}{announcement(suggestions, status)}</> : ''}
      </div>
    </div>
  );
}

/**
 * What the hidden status says: how many suggestions, else the status ("No matches …"), else that there
 * are none. A status shown beside counted suggestions ("Nobody found" over the Add owner box's "Add “x”
 * as a user id") is said first, as it is shown.
 */
function announcement(suggestions: number, status: ReactNode): ReactNode {
  if (suggestions === 0) return status ?? 'No suggestions.';
  const count = `${suggestions} ${suggestions === 1 ? 'suggestion' : 'suggestions'}; use the arrow keys to choose one.`;
  if (status === undefined || status === null || status === '') return count;
  return typeof status === 'string' ? `${status}${/[.!?…]$/.test(status) ? '' : '.'} ${count}` : <>{status} {count}</>;
}
