import { describe, expect, it } from 'vitest';
import { escapeHtml, renderPage } from './html-page';

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
});
