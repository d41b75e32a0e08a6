// Search highlights arrive as text with `<em>…</em>` around matches. They are split into plain
// segments so React renders them as text: no HTML from the server is ever interpreted.

export interface HighlightSegment {
  text: string;
  highlighted: boolean;
}

const EM_TAG = /<(\/?)em>/gi;

export function splitHighlight(source: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let highlighted = false;
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const previous = segments[segments.length - 1];
    if (previous && previous.highlighted === highlighted) previous.text += text;
    else segments.push({ text, highlighted });
  };
  for (const match of source.matchAll(EM_TAG)) {
    push(source.slice(last, match.index));
    highlighted = match[1] !== '/';
    last = match.index + match[0].length;
  }
  push(source.slice(last));
  return segments;
}
