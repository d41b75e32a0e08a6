// A search box as a real GET form to /search (it works as a plain form too), that becomes a search as
// you type once its suggestions code has loaded. That code (the combobox, the search schema) is not
// part of the first page: it loads when the browser is idle or on the first focus, pointer or key,
// and the plain input is swapped for the combobox in place, keeping its text, caret and focus.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ComponentType } from 'react';
import { useNavigate } from 'react-router';
import { MAX_TERM_LENGTH } from '../../../app/paths';
import { SEARCH_INPUT_ATTRIBUTE } from '../../../app/shell/search-input-attribute';
import type { SuggestionsInputProps } from './search-suggestions';
import './search-form.css';

type Suggestions = ComponentType<SuggestionsInputProps>;
let loading: Promise<Suggestions> | undefined;
let loaded: Suggestions | undefined;
const whenIdle = (callback: () => void) => (window.requestIdleCallback ?? setTimeout)(callback, { timeout: 3000 });

/** Loads the search-as-you-type code once; a failed load (offline) is tried again next time. */
export function loadSuggestions(): Promise<Suggestions> {
  return (loading ??= import('./search-suggestions').then(
    (module) => (loaded = module.SuggestionsInput),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

export interface SearchFormProps {
  variant: 'nav' | 'home';
  /** The input's accessible name. */
  label: string;
  placeholder: string;
  /** The term the box shows; it follows this when it changes (the search page's term). */
  term?: string;
  /** Where searching for a term goes (the search page, with what it keeps). */
  searchPathFor: (term: string) => string;
  /** Whether an empty box may be submitted (on the search page: every result matching the filters). */
  allowEmpty?: boolean;
  /** A sentence under the box, read with it. */
  hint?: string;
}

export function SearchForm({ variant, label, placeholder, term = '', searchPathFor, allowEmpty, hint }: SearchFormProps) {
  const [value, setValue] = useState(term);
  const [Enhanced, setEnhanced] = useState(() => loaded);
  const navigate = useNavigate();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<[number | null, number | null]>(undefined);

  useEffect(() => setValue(term), [term]);

  // Text typed into the plain box while it has focus: the combobox opens its list at once (focus alone
  // opens none, decision 111; the person has typed, and would otherwise see no suggestions until the next key).
  const [typedBefore, setTypedBefore] = useState(false);
  const enhance = () => {
    loadSuggestions().then((component) => {
      setTypedBefore(document.activeElement === input.current && !!input.current?.value.trim());
      setEnhanced(() => component);
    }, () => {});
  };

  // The plain input is about to be replaced: note its caret if it has focus (the combobox's input
  // takes both over below). Runs while the element is still in the page.
  const plainRef = useCallback((element: HTMLInputElement | null) => {
    if (!element) return;
    input.current = element;
    return () => {
      caret.current = document.activeElement === element ? [element.selectionStart, element.selectionEnd] : undefined;
    };
  }, []);

  useEffect(() => {
    if (!Enhanced) whenIdle(enhance);
  }, []);

  useLayoutEffect(() => {
    const range = caret.current;
    if (!Enhanced || !range) return;
    caret.current = undefined;
    input.current?.focus();
    input.current?.setSelectionRange(...range);
  }, [Enhanced]);

  function search(text: string) {
    const trimmed = text.trim();
    if (trimmed || allowEmpty) void navigate(searchPathFor(trimmed));
  }

  const inputProps = {
    name: 'term',
    placeholder,
    maxLength: MAX_TERM_LENGTH,
    'aria-describedby': hint && hintId,
    'data-testid': `${variant}-search`,
    [SEARCH_INPUT_ATTRIBUTE]: '',
  };

  return (
    <form
      role="search"
      action="/search"
      className={`search-form search-form--${variant}`}
      onSubmit={(event) => {
        event.preventDefault();
        search(value);
      }}
    >
      {Enhanced ? (
        <Enhanced ref={input} className="search-form__field" label={label} value={value} onValueChange={setValue} onSubmitValue={search} inputProps={inputProps} defaultOpen={typedBefore} />
      ) : (
        <div className="search-form__field">
          <input
            ref={plainRef}
            type="search"
            aria-label={label}
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onFocus={enhance}
            onPointerEnter={enhance}
            {...inputProps}
          />
        </div>
      )}
      <button className="search-form__submit">Search</button>
      {hint ? (
        <p id={hintId} className="search-form__hint">
          {hint}
        </p>
      ) : null}
    </form>
  );
}
