// A description edit: the words removed and added, in place in the text (struck through and
// underlined, and said as "removed" and "added" to screen readers), and on demand the whole text
// before and after side by side. A long unchanged stretch shows only its ends next to the changes,
// the rest folded into a button, "… 3,100 unchanged characters …", that unfolds it in place (a
// 3,239-character description changed at its end printed every character of it for each edit). Long
// added or removed text (a first description, a text replaced whole) is clamped likewise: its first
// ~400 characters and a button, "Show all 3,239 added characters", that shows the rest in place.
import { Fragment, useId, useMemo, useRef, useState } from 'react';
import { DisclosureButton } from '../../../components/disclosure';
import { diffWords, runsIntoPrevious } from '../../../components/word-diff';
import { countCharacters } from '../../../../contract/text-length';

/** A change's text split into its words and the spaces around them (only the words are marked). */
function trimmed(text: string): [string, string, string] {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return [match[1]!, match[2]!, match[3]!];
}

/** An unchanged stretch longer than this is folded. */
const FOLD_OVER = 400;
/** How much of a folded stretch shows beside a change, about (cut at a space near it). */
const CONTEXT = 120;

/** The first `about` characters of `text`, ending at a space when one is near (never inside an emoji). */
function headOf(text: string, about: number): string {
  const space = text.lastIndexOf(' ', about);
  if (space > about / 2) return text.slice(0, space + 1);
  const unit = text.charCodeAt(about - 1);
  return text.slice(0, unit >= 0xd800 && unit <= 0xdbff ? about - 1 : about);
}

/** The last `about` characters of `text`, starting after a space when one is near. */
function tailOf(text: string, about: number): string {
  const space = text.indexOf(' ', text.length - about);
  return text.slice(space !== -1 && space < text.length - about / 2 ? space : text.length - about);
}

/** Added or removed text longer than this is clamped to its first CLAMP_TO characters, about. */
const CLAMP_OVER = 500;
const CLAMP_TO = 400;

/**
 * Words removed or added, marked. A long one (a first description, a text replaced whole) shows its
 * first ~400 characters and a button, "Show all 3,239 added characters", that shows the rest in place.
 */
function Change({ kind, text }: { kind: 'removed' | 'added'; text: string }) {
  const [expanded, setExpanded] = useState(false);
  const revealed = useRef<HTMLSpanElement>(null);
  const [lead, words, trail] = trimmed(text);
  if (!words) return <span>{text}</span>;
  const Mark = kind === 'removed' ? 'del' : 'ins';
  const clamped = words.length > CLAMP_OVER;
  const head = clamped ? headOf(words, CLAMP_TO) : words;
  return (
    <>
      {lead}
      <Mark>
        <span className="visually-hidden">[{kind}: </span>
        {/* Cut at a space: not marked after the last word shown. */}
        {clamped && !expanded ? head.trimEnd() : head}
        {clamped && expanded ? (
          // The button goes; the text it held takes the focus, so the keyboard is where the reader is.
          <span ref={revealed} tabIndex={-1} className="description-change__unfolded">
            {words.slice(head.length)}
          </span>
        ) : null}
        <span className="visually-hidden">]</span>
      </Mark>
      {clamped && !expanded ? (
        <>
          {'… '}
          <button
            type="button"
            className="description-change__fold"
            onClick={() => {
              setExpanded(true);
              requestAnimationFrame(() => revealed.current?.focus());
            }}
          >
            Show all {countCharacters(words).toLocaleString('en-US')} {kind} characters
          </button>
        </>
      ) : null}
      {trail}
    </>
  );
}

/** Text no edit touched: whole when short, else its ends beside the changes and a button for the rest. */
function Unchanged({ text, first, last }: { text: string; first: boolean; last: boolean }) {
  const [unfolded, setUnfolded] = useState(false);
  const revealed = useRef<HTMLSpanElement>(null);
  if (text.length <= FOLD_OVER) return <span>{text}</span>;
  const head = first ? '' : headOf(text, CONTEXT);
  const tail = last ? '' : tailOf(text, CONTEXT);
  const folded = text.slice(head.length, text.length - tail.length);
  return (
    <span>
      {head}
      {unfolded ? (
        // The button goes; the text it held takes the focus, so the keyboard is where the reader is.
        <span ref={revealed} tabIndex={-1} className="description-change__unfolded">
          {folded}
        </span>
      ) : (
        <button
          type="button"
          className="description-change__fold"
          onClick={() => {
            setUnfolded(true);
            requestAnimationFrame(() => revealed.current?.focus());
          }}
        >
          … {folded.length.toLocaleString('en-US')} unchanged characters …
        </button>
      )}
      {tail}
    </span>
  );
}

function FullText({ title, text }: { title: string; text: string | null }) {
  return (
    <section className="description-change__side">
      <h4 className="description-change__side-title">{title}</h4>
      {text ? <p className="description-change__text">{text}</p> : <p className="muted">No description</p>}
    </section>
  );
}

export function DescriptionChange({ before, after }: { before: string | null; after: string | null }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  const [open, setOpen] = useState(false);
  const sidesId = useId();
  return (
    <div className="description-change">
      <p className="description-change__text description-change__diff" data-testid="description-diff">
        {parts.length === 0 ? <span className="muted">No description</span> : null}
        {parts.map((part, i) => {
          if (part.kind === 'same') return <Unchanged key={i} text={part.text} first={i === 0} last={i === parts.length - 1} />;
          const gap = runsIntoPrevious(parts, i);
          return (
            <Fragment key={i}>
              {gap ? <span aria-hidden="true"> </span> : null}
              <Change kind={part.kind} text={part.text} />
            </Fragment>
          );
        })}
      </p>
      <DisclosureButton expanded={open} onToggle={() => setOpen((o) => !o)} controls={sidesId} className="description-change__toggle">
        Before and after
      </DisclosureButton>
      {open ? (
        <div id={sidesId} className="description-change__sides">
          <FullText title="Before" text={before} />
          <FullText title="After" text={after} />
        </div>
      ) : null}
    </div>
  );
}
