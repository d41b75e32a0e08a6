// Small server-rendered pages for login errors and the signed-out screen: readable, no stack traces,
// no tokens, every dynamic value escaped.
import { escapeHtml } from '../../contract/escape-html';

/** The one escaper (contract/escape-html.ts), re-exported for the pages built on this one. */
export { escapeHtml };

export interface PageAction {
  label: string;
  href?: string;
  /** Rendered as a POST form button instead of a link. */
  postTo?: string;
}

export function renderPage(title: string, paragraphs: string[], action?: PageAction): string {
  const actionHtml = !action
    ? ''
    : action.postTo
      ? `<form method="post" action="${escapeHtml(action.postTo)}"><button type="submit">${escapeHtml(action.label)}</button></form>`
      : `<p><a class="button" href="${escapeHtml(action.href ?? '/')}">${escapeHtml(action.label)}</a></p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Nansen</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c2430;line-height:1.5}
h1{font-size:1.5rem}.button,button{display:inline-block;background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:.55rem 1.1rem;font-size:1rem;text-decoration:none;cursor:pointer}
.button:focus,button:focus{outline:3px solid #93c5fd;outline-offset:2px}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${actionHtml}</main></body></html>`;
}
