// A Markdown description as plain text, for the places that show the start of one in a line or two
// (the home page's lists, a person's lists, search results, the BFF's first-results preview): no "#",
// "**", "|---|" or link addresses; a link keeps its text, a table its cells. The page of the table or
// dashboard renders the Markdown itself (client/components/markdown-renderer.tsx). Not a Markdown
// parser: marked (16.5 kB gzip) does not fit in the first page's budget, and a preview needs only the
// syntax taken out, line by line, which also works on a search highlight cut out of the middle of a
// description (markdown-highlight.ts). In the contract because the SPA and the BFF's preview of the
// first results (server/spa/first-results-html.ts) must show the same text. Decision 029.

/** Mark a highlight's start and end while the Markdown is taken out (markdown-highlight.ts). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Lines with no text: code fences, link definitions, rules, setext underlines, table delimiter rows. */
const NO_TEXT = /^\s{0,3}(?:```|~~~|\[[^\]]+\]:\s*\S)|^[\s|:-]*-[\s|:-]*$|^\s*([*_=])(?:\s*\1)*\s*$/;
/** Quote marks, then a heading's hashes or a list item's marker (and task box). */
const LINE_START = /^(?:\s{0,3}>\s?)*\s*(?:#{1,6}(?:\s+|$)|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/;

const INLINE: readonly [RegExp, string][] = [
  // A link, image or reference link: its text (alt text).
  [/!?\[([^\]]*)\](?:\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)|\[[^\]]*\])/g, '$1'],
  [/<((?:https?|mailto):[^>\s]+)>/g, '$1'],
  [/(`+)(.+?)\1/g, '$2'],
  [/(?<!\\)(\*\*?|~~)(?=[^\s*~])(.*?[^\s*~\\])\1/g, '$2'],
  // `_` emphasis only at word edges, so snake_case names stay whole; never an escaped `\*` or `\_`.
  [/(?<![\p{L}\p{N}_\\])(__?)(?=[^\s_])(.*?[^\s_])\1(?![\p{L}\p{N}_])/gu, '$2'],
];

function lineText(raw: string): string {
  if (NO_TEXT.test(raw.replace(/[\uE000\uE001]/g, ''))) return '';
  const line = raw.replace(LINE_START, '');
  if (!line.includes('|')) return line;
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(' · ');
}

/** The text a reader sees of Markdown `source`, on one line (blocks joined by spaces). */
export function markdownToPlainText(source: string): string {
  let text = source.split(/\r\n?|\n/).map(lineText).join(' ');
  for (const [pattern, replacement] of INLINE) text = text.replace(pattern, replacement);
  // A backslash escape shows the character it escapes.
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\s+/g, ' ').trim();
}
