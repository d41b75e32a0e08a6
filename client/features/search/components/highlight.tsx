import { Fragment } from 'react';
import { partsBetweenBreaks } from '../../../../contract/name-breaks';
import { parseHighlight } from '../../../../contract/search-highlight';
import { HighlightedText } from '../../../components/highlighted-text';

/** A field as the search highlighted it (`fragment`, the contract's format), else its plain text. */
export function Highlight({ fragment, text }: { fragment: string | undefined; text: string }) {
  return fragment ? <HighlightedText source={fragment} /> : <>{text}</>;
}

/** Text with a <wbr> after each `_`, `.` and `/`: an identifier wraps there, not inside a word. */
function Breakable({ text }: { text: string }) {
  return partsBetweenBreaks(text).map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

/**
 * A result's name as Highlight shows it, free to wrap after `_`, `.` and `/` (contract/name-breaks.ts),
 * as the BFF's preview writes it: a long table name does not break one letter from its end.
 */
export function HighlightedName({ fragment, text }: { fragment: string | undefined; text: string }) {
  const segments = fragment ? parseHighlight(fragment) : [{ text, highlighted: false }];
  return segments.map((segment, i) =>
    segment.highlighted ? (
      <mark key={i}>
        <Breakable text={segment.text} />
      </mark>
    ) : (
      <Breakable key={i} text={segment.text} />
    ),
  );
}
