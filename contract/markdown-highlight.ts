// A search highlight of a Markdown field (a description) as plain text, the matches still marked: the
// search result shows it as the list pages show a description (markdown-plain-text.ts). Apart from
// markdown-plain-text.ts so that the lists, on the first page, do not load the highlight parser.
import { parseHighlight, type HighlightSegment } from './search-highlight';
import { MARK_END, MARK_START, markdownToPlainText } from './markdown-plain-text';

/**
 * A search highlight of a Markdown field (contract/search-highlight.ts) as plain-text segments, the
 * matches still marked: the Markdown is taken out around the marks, which move with their words.
 */
export function markdownHighlightToSegments(fragment: string): HighlightSegment[] {
  const marked = parseHighlight(fragment)
    .map((segment) => (segment.highlighted ? `${MARK_START}${segment.text}${MARK_END}` : segment.text))
    .join('');
  const segments: HighlightSegment[] = [];
  let highlighted = false;
  // A fragment may start or end inside a link: its address goes, its text stays.
  const plain = markdownToPlainText(marked)
    .replace(/^([^[]*?)\]\((?:[^()\s]|\([^)]*\))*\)/, '$1')
    .replace(/\[([^\]]*)\]\([^)]*$/, '$1');
  for (const part of plain.split(/([\uE000\uE001])/)) {
    if (part === MARK_START || part === MARK_END) {
      highlighted = part === MARK_START;
      continue;
    }
    if (!part) continue;
    const previous = segments.at(-1);
    if (previous && previous.highlighted === highlighted) previous.text += part;
    else segments.push({ text: part, highlighted });
  }
  return segments;
}
