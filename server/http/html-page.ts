// Small server-rendered pages for login errors and the signed-out screen: readable, no stack traces,
// no tokens, every dynamic value escaped.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../contract/escape-html';

/** The one escaper (contract/escape-html.ts), re-exported for the pages built on this one. */
export { escapeHtml };

/**
 * The pages' icon, inline (the same blue dot as the web app's, client/index.html): with no icon named,
 * a browser asks for /favicon.ico, a page URL that sends a visitor without a session to log in — a
 * pending login started by an icon. The CSP allows `img-src data:`.
 */
export const PAGE_ICON_HREF =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%232454d6'/%3E%3C/svg%3E";

/**
 * The pages' one stylesheet, inline so that a page needs nothing else from the server (the one saying
 * the web app is not built among them). The CSP allows this `<style>` by its hash (PAGE_STYLE_HASH) and
 * no other inline style (decision 050): change the text here and the hash follows.
 */
export const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c2430;line-height:1.5}
h1{font-size:1.5rem}.button,button{display:inline-block;background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:.55rem 1.1rem;font:inherit;line-height:1.5;text-decoration:none;cursor:pointer}
.button:focus,button:focus,.secondary:focus{outline:3px solid #2454d6;outline-offset:2px}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;margin:1rem 0}.actions>*{margin:0}
.secondary,button.secondary{background:none;color:#1d4ed8;padding:.55rem .25rem;text-decoration:underline}`;

/** PAGE_STYLE as a CSP source: `'sha256-<base64>'` of its exact text. */
export const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')}'`;

export interface PageAction {
  label: string;
  href?: string;
  /** Rendered as a POST form button instead of a link. */
  postTo?: string;
  /** Hidden fields of that form (escaped; never a URL's query). */
  fields?: Readonly<Record<string, string>>;
  /** The page submits that form itself (AUTO_SUBMIT_SCRIPT_PATH, a same-origin script: the CSP allows no inline one); the button stays for a browser without scripts. */
  autoSubmit?: boolean;
  /** A quieter way out beside the main action (a plain link or a plain button). */
  secondary?: boolean;
}

/** The script that submits a page's `autoSubmit` form, served by the login routes. */
export const AUTO_SUBMIT_SCRIPT_PATH = '/logout/auto-submit.js';
export const AUTO_SUBMIT_SCRIPT = "document.querySelector('form[data-auto-submit]')?.submit();\n";

function renderAction(action: PageAction): string {
  const className = action.secondary ? 'secondary' : 'button';
  if (!action.postTo) return `<p><a class="${className}" href="${escapeHtml(action.href ?? '/')}">${escapeHtml(action.label)}</a></p>`;
  const fields = Object.entries(action.fields ?? {}).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
  return `<form method="post" action="${escapeHtml(action.postTo)}"${action.autoSubmit ? ' data-auto-submit' : ''}>${fields}<button type="submit"${action.secondary ? ' class="secondary"' : ''}>${escapeHtml(action.label)}</button></form>`;
}

/** A page with a title, paragraphs and one action, or several side by side (the first is the main one). */
export function renderPage(title: string, paragraphs: string[], action?: PageAction | PageAction[]): string {
  const actions = action === undefined ? [] : Array.isArray(action) ? action : [action];
  const actionHtml = actions.length <= 1 ? actions.map(renderAction).join('') : `<div class="actions">${actions.map(renderAction).join('')}</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="${PAGE_ICON_HREF}">
<title>${escapeHtml(title)} · Nansen</title>
<style>${PAGE_STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${actionHtml}</main>${
    actions.some((a) => a.autoSubmit) ? `<script src="${AUTO_SUBMIT_SCRIPT_PATH}"></script>` : ''
  }</body></html>`;
}
