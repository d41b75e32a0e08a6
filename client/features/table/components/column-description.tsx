import { Link } from 'react-router';
import { splitJoinHints, type JoinHint } from '../join-hints';

/** A column description as text, its "joins schema.table" hints as links to the joined table. */
export function ColumnDescription({ text, joinLinkFor }: { text: string; joinLinkFor: (hint: JoinHint) => { to: string; direct: boolean } }) {
  return (
    <>
      {splitJoinHints(text).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
        const link = joinLinkFor(segment.hint);
        return (
          <Link key={i} to={link.to} className="join-link" data-testid="join-link" title={link.direct ? `Open the table ${segment.text}` : `Search for the table ${segment.text}`}>
            {segment.text}
          </Link>
        );
      })}
    </>
  );
}
