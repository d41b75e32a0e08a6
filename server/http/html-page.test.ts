import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTO_SUBMIT_SCRIPT, AUTO_SUBMIT_SCRIPT_PATH, escapeHtml, PAGE_ICON_HREF, renderPage } from './html-page';

describe('the server-rendered pages', () => {
  it('escape every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
    expect(escapeHtml('plain text, no change')).toBe('plain text, no change');
  });

  it('show the title in the tab and as the heading, and each paragraph, all escaped', () => {
    const html = renderPage('Login <failed>', ['Provider said: <b>"nope"</b>', 'Try again & again']);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>Login &lt;failed&gt; · Nansen</title>');
    expect(html).toContain('<h1>Login &lt;failed&gt;</h1>');
    expect(html).toContain('<p>Provider said: &lt;b&gt;&quot;nope&quot;&lt;/b&gt;</p><p>Try again &amp; again</p>');
    expect(html).not.toContain('<b>');
  });

  it('offer an action as a link, to the home page when it names no address', () => {
    expect(renderPage('T', [], { label: 'Log in again', href: '/login?returnTo=/a&b' })).toContain(
      '<p><a class="button" href="/login?returnTo=/a&amp;b">Log in again</a></p></main>',
    );
    expect(renderPage('T', [], { label: 'Home' })).toContain('<a class="button" href="/">Home</a>');
  });

  it('offer an action that changes state as a POST form, never as a link', () => {
    const html = renderPage('Log out?', [], { label: 'Log out', postTo: '/logout' });
    expect(html).toContain('<form method="post" action="/logout"><button type="submit">Log out</button></form></main>');
    expect(html).not.toContain('<a ');
  });

  it('show no button when there is no action', () => {
    const html = renderPage('Done', ['All good.']);
    expect(html).toContain('<p>All good.</p></main>');
    expect(html).not.toMatch(/<a |<form|<button/);
  });

  it('name their icon inline, so the browser never asks /favicon.ico (a page that starts a login without a session)', () => {
    const html = renderPage('Done', []);
    expect(html).toContain(`<link rel="icon" href="${PAGE_ICON_HREF}">`);
    // An image the CSP allows (img-src 'self' data:) and the web app's own icon.
    expect(PAGE_ICON_HREF).toMatch(/^data:image\/svg\+xml,/);
    expect(PAGE_ICON_HREF).not.toMatch(/["<>]/);
    expect(fs.readFileSync(new URL('../../client/index.html', import.meta.url), 'utf8')).toContain(`<link rel="icon" href="${PAGE_ICON_HREF}" />`);
  });

  it('offer several actions side by side, the main one first, the others quieter', () => {
    const html = renderPage('Log out?', [], [
      { label: 'Log out', postTo: '/logout' },
      { label: 'Stay <here>', href: '/a?b&c', secondary: true },
    ]);
    expect(html).toContain(
      '<div class="actions"><form method="post" action="/logout"><button type="submit">Log out</button></form><p><a class="secondary" href="/a?b&amp;c">Stay &lt;here&gt;</a></p></div></main>',
    );
    expect(renderPage('T', [], [{ label: 'Home', href: '/' }, { label: 'Log out', postTo: '/logout', secondary: true }])).toContain(
      '<div class="actions"><p><a class="button" href="/">Home</a></p><form method="post" action="/logout"><button type="submit" class="secondary">Log out</button></form></div>',
    );
    // One action in a list is shown as one action alone.
    expect(renderPage('T', [], [{ label: 'Home' }])).toContain('<main><h1>T</h1><p><a class="button" href="/">Home</a></p></main>');
  });

  it('carry hidden form fields escaped, and submit a form by a script of their own origin only when asked to', () => {
    const html = renderPage('Logging out', [], {
      label: 'Log out there',
      postTo: 'https://idp.example.com/logout?x=1&y=2',
      fields: { id_token_hint: 'a"b<c>&d', 'odd"name': "it's" },
      autoSubmit: true,
    });
    expect(html).toContain(
      '<form method="post" action="https://idp.example.com/logout?x=1&amp;y=2" data-auto-submit><input type="hidden" name="id_token_hint" value="a&quot;b&lt;c&gt;&amp;d">' +
        '<input type="hidden" name="odd&quot;name" value="it&#39;s"><button type="submit">Log out there</button></form></main>' +
        `<script src="${AUTO_SUBMIT_SCRIPT_PATH}"></script></body>`,
    );
    expect(AUTO_SUBMIT_SCRIPT).toContain('form[data-auto-submit]');
    // Without autoSubmit: no script at all, and the form is left to the button.
    const plain = renderPage('Log out?', [], { label: 'Log out', postTo: '/logout', fields: { a: 'b' } });
    expect(plain).toContain('<form method="post" action="/logout"><input type="hidden" name="a" value="b"><button type="submit">Log out</button></form>');
    expect(plain).not.toContain('<script');
  });
});
