import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { MAX_TERM_LENGTH, searchPath } from '../../../app/paths';
import { SEARCH_INPUT_ATTRIBUTE } from '../../../app/shell/keyboard-shortcuts';
import './search.css';

/**
 * A search form that goes to `/search?term=…`. It is a real GET form, so it also works before the
 * script loads; with the script it navigates in-app.
 */
export function SearchBox({ variant, initialTerm = '' }: { variant: 'home' | 'nav'; initialTerm?: string }) {
  const [term, setTerm] = useState(initialTerm);
  const navigate = useNavigate();
  const hintId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = term.trim();
    if (!trimmed) return;
    void navigate(searchPath({ term: trimmed }));
  }

  return (
    <form role="search" action="/search" method="get" className={`search-box search-box--${variant}`} onSubmit={submit}>
      <input
        type="search"
        name="term"
        aria-label="Search the catalog"
        aria-describedby={variant === 'home' ? hintId : undefined}
        data-testid={variant === 'home' ? 'home-search' : 'nav-search'}
        {...{ [SEARCH_INPUT_ATTRIBUTE]: '' }}
        placeholder={variant === 'home' ? 'Search tables by name, column, description or tag' : 'Search'}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_TERM_LENGTH}
        value={term}
        onChange={(event) => setTerm(event.target.value)}
      />
      <button type="submit" className="search-box__submit">
        Search
      </button>
      {variant === 'home' ? (
        <p id={hintId} className="search-box__hint">
          Press Enter to search. Prefixes work: <kbd>cust</kbd> finds <em>customers</em>.
        </p>
      ) : null}
    </form>
  );
}
