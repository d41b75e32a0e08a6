// A column's description as the columns table shows it: its "joins schema.table" hints as links to
// the joined table, its line breaks kept (Shift+Enter makes one in the editor), clamped when long,
// and "No description" when there is none or only white space.
import { Link } from 'react-router';
import { ClampedText } from '../../../components/clamped-text';
import { NO_DESCRIPTION, shownDescription } from '../../../lib/description-text';
import { splitJoinHints, type JoinHint } from '../join-hints';
import './column-description.css';

export function ColumnDescription({ text, columnName, joinLinkFor }: { text: string | null; columnName: string; joinLinkFor: (hint: JoinHint) => { to: string; direct: boolean } }) {
  const shown = shownDescription(text);
  if (!shown) return <span className="muted">{NO_DESCRIPTION}</span>;
  return (
    <ClampedText size="short" label={`the description of ${columnName}`}>
      <span className="column-description">
      {splitJoinHints(shown).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
        const link = joinLinkFor(segment.hint);
        return (
          <Link key={i} to={link.to} className="join-link" data-testid="join-link" title={link.direct ? `Open the table ${segment.text}` : `Search for the table ${segment.text}`}>
            {segment.text}
          </Link>
        );
      })}
      </span>
    </ClampedText>
  );
}
