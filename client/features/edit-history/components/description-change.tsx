// A description edit: the words removed and added, in place in the text (struck through and
// underlined, and said as "removed" and "added" to screen readers), and on demand the whole text
// before and after side by side.
import { useId, useMemo, useState } from 'react';
import { DisclosureButton } from '../../../components/disclosure';
import { diffWords } from '../../../components/word-diff';

/** A change's text split into its words and the spaces around them (only the words are marked). */
function trimmed(text: string): [string, string, string] {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return [match[1]!, match[2]!, match[3]!];
}

function Change({ kind, text }: { kind: 'removed' | 'added'; text: string }) {
  const [lead, words, trail] = trimmed(text);
  if (!words) return <span>{text}</span>;
  const Mark = kind === 'removed' ? 'del' : 'ins';
  return (
    <>
      {lead}
      <Mark>
        <span className="visually-hidden">[{kind}: </span>
        {words}
        <span className="visually-hidden">]</span>
      </Mark>
      {trail}
    </>
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
        {parts.map((part, i) =>
          part.kind === 'same' ? <span key={i}>{part.text}</span> : <Change key={i} kind={part.kind} text={part.text} />,
        )}
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
