import { Fragment } from 'react';
import { parseHighlight } from '../../contract/search-highlight';

/**
 * Text with `<em>` search highlights shown as <mark>; everything else stays plain text (text nodes, so
 * an accessible name computed from it keeps its spaces: "<mark>Liv</mark> Arnesen" is "Liv Arnesen").
 */
export function HighlightedText({ source }: { source: string }) {
  return (
    <>
      {parseHighlight(source).map((segment, i) => (segment.highlighted ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>))}
    </>
  );
}
