import { parseHighlight } from '../../contract/search-highlight';

/** Text with `<em>` search highlights shown as <mark>; everything else stays plain text. */
export function HighlightedText({ source }: { source: string }) {
  return (
    <>
      {parseHighlight(source).map((segment, i) =>
        segment.highlighted ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
