// The one format of search highlights, decided once for the catalog, the BFF and the SPA:
// a fragment is HTML-escaped text (`&amp; &lt; &gt; &quot; &#39;`) in which matches are wrapped in
// `<em>…</em>` — what Elasticsearch's `html` encoder produces. The catalog writes it with
// `escapeHighlightText`; the SPA reads it with `parseHighlight`, which yields plain text segments, so no
// markup from the server is ever interpreted.
import { escapeHtml } from './escape-html';

export interface HighlightSegment {
  text: string;
  highlighted: boolean;
}

/** Escape text for a highlight fragment (everything but the `<em>` markers goes through this). */
export const escapeHighlightText: (text: string) => string = escapeHtml;

const ENTITY = /&(amp|lt|gt|quot|#39|#x27|#x2F|#47|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'", '#x2f': '/', '#47': '/' };

function unescapeHighlightText(text: string): string {
  return text.replace(ENTITY, (_match, name: string) => NAMED[name.toLowerCase()] ?? _match);
}

const EM_TAG = /<(\/?)em>/gi;

/** Split a fragment into plain-text segments, marking the highlighted ones. */
export function parseHighlight(fragment: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let highlighted = false;
  let last = 0;
  const push = (raw: string) => {
    const text = unescapeHighlightText(raw);
    if (!text) return;
    const previous = segments[segments.length - 1];
    if (previous && previous.highlighted === highlighted) previous.text += text;
    else segments.push({ text, highlighted });
  };
  for (const match of fragment.matchAll(EM_TAG)) {
    push(fragment.slice(last, match.index));
    highlighted = match[1] !== '/';
    last = match.index + match[0].length;
  }
  push(fragment.slice(last));
  return segments;
}

/** The fragment's text without markers or escapes (to compare a highlight with the field it marks). */
export function highlightToPlainText(fragment: string): string {
  return parseHighlight(fragment)
    .map((s) => s.text)
    .join('');
}
