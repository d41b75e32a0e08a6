// A column's "joins schema.table" hints as links in its rendered Markdown (column-description.tsx):
// the text the sanitizer let through is searched, and each hint's `schema.table` becomes a link to
// where joinLinkFor says — not in code (`joins a.b` there is code), nor inside a link the text made.
import { splitJoinHints, type JoinHint } from './join-hints';

export type JoinLinkFor = (hint: JoinHint) => { to: string; direct: boolean };

/** What a join link's title says: straight to the table, or to a search for it. */
export const joinLinkTitle = (text: string, direct: boolean) => (direct ? `Open the table ${text}` : `Search for the table ${text}`);

const NOT_IN = 'a, code, pre';

/** Makes each hint in the text of `root` (sanitized HTML) a link within the app, class `join-link`. */
export function linkJoinHints(root: DocumentFragment | Element, joinLinkFor: JoinLinkFor): void {
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(NOT_IN) && /joins/i.test(node.nodeValue ?? '')) texts.push(node as Text);
  }
  for (const text of texts) {
    const segments = splitJoinHints(text.data);
    if (!segments.some((s) => s.kind === 'join')) continue;
    text.replaceWith(
      ...segments.map((segment) => {
        if (segment.kind === 'text') return segment.text;
        const { to, direct } = joinLinkFor(segment.hint);
        const link = document.createElement('a');
        link.setAttribute('href', to);
        link.className = 'join-link';
        link.dataset.testid = 'join-link';
        // An app link (app-link.tsx): a plain click moves within the app, as the shell's one handler does for all.
        link.setAttribute('data-app-link', '');
        link.title = joinLinkTitle(segment.text, direct);
        link.textContent = segment.text;
        return link;
      }),
    );
  }
}
