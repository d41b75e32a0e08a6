// A few of the side panel's facts near the top of a resource page where the panel stands far below:
// at 820 px and less it comes under the main column (a table's many columns, its lineage), in the
// page's order (decision 087). The end of the page's header, in every width's page order, shows them
// as plain text ("Owners Roald Amundsen, Liv Arnesen · Tags finance, kpi") with one link, "Owners, tags
// and more", that scrolls to the panel and moves the focus there, so Tab goes on from its first
// control. Plain text, not the panel's person and tag links again: one stop more, not a second set.
// Hidden (display: none: not seen, not in Tab's way, not read) where the panel stands beside the
// header (decision 090).
import type { MouseEvent } from 'react';
import './key-facts.css';

/** One fact: its label and the names it lists; `none` when there are none ("No owners"). */
export interface KeyFact {
  label: string;
  names: readonly string[];
  none: string;
  /** Names shown before "and N more" (3 unless told). */
  shown?: number;
}

/** A person as the key facts name them: as the panel's link does, saying when they are no longer active. */
export function personInWords(user: { user_id: string; display_name?: string | null; is_active?: boolean }): string {
  const name = user.display_name || user.user_id;
  return user.is_active === false ? `${name} (no longer active)` : name;
}

/** "Roald Amundsen, Liv Arnesen and 2 more"; `none` for no names. */
export function namesInWords(names: readonly string[], none: string, shown = 3): string {
  if (names.length === 0) return none;
  const rest = names.length - shown;
  return rest > 0 ? `${names.slice(0, shown).join(', ')} and ${rest} more` : names.join(', ');
}

export interface KeyFactsProps {
  facts: readonly KeyFact[];
  /** What the link to the panel says ("Owners, tags and more"). */
  linkText: string;
  /** The side panel's id: it takes the focus (tabindex -1). */
  sideId: string;
}

export function KeyFacts({ facts, linkText, sideId }: KeyFactsProps) {
  function toSide(event: MouseEvent<HTMLAnchorElement>) {
    const side = document.getElementById(sideId);
    if (!side) return; // the link's own #id then
    event.preventDefault();
    side.focus({ preventScroll: true });
    side.scrollIntoView?.({ block: 'start' });
  }
  return (
    <div className="key-facts" data-testid="key-facts">
      <dl className="key-facts__list">
        {facts.map((fact) => (
          <div key={fact.label} className="key-facts__item">
            <dt>{fact.label}</dt>
            <dd className={fact.names.length === 0 ? 'muted' : undefined}>{namesInWords(fact.names, fact.none, fact.shown)}</dd>
          </div>
        ))}
      </dl>
      <a href={`#${sideId}`} className="key-facts__more" onClick={toSide}>
        {linkText}
        <span aria-hidden="true"> ↓</span>
      </a>
    </div>
  );
}
