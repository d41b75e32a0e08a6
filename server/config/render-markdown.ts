// Markdown → HTML for announcements, rendered once at start-up. The operator writes the Markdown, but
// the HTML lands in every user's page, so it is made safe here: raw HTML comes out as text, and links
// and images keep only http(s), mailto and relative URLs (anything else becomes its plain text).
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '../../contract/escape-html';

/**
 * http:, https:, mailto: or a relative URL. Whatever comes before the first ":" (ahead of any / ? #)
 * is read as the scheme and must be one of those exactly, so "java\tscript:" or " javascript:" (which
 * browsers read as javascript:) are refused too.
 */
export function isSafeUrl(href: string): boolean {
  const scheme = /^([^/?#]*?):/.exec(href)?.[1];
  return scheme === undefined || ['http', 'https', 'mailto'].includes(scheme.toLowerCase());
}

const titleAttribute = (title: string | null | undefined) => (title ? ` title="${escapeHtml(title)}"` : '');

const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text, block }: Tokens.HTML | Tokens.Tag) {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      // The href is written exactly as checked: escaping & keeps an entity from turning into a colon.
      return isSafeUrl(href) ? `<a href="${escapeHtml(href)}"${titleAttribute(title)}>${text}</a>` : text;
    },
    image({ href, title, text }: Tokens.Image) {
      return isSafeUrl(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${titleAttribute(title)}>` : escapeHtml(text);
    },
  },
});

export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false }) as string;
}
