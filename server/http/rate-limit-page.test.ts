import { describe, expect, it } from 'vitest';
import { renderLoginRateLimitPage } from './rate-limit-page';

describe('renderLoginRateLimitPage', () => {
  it('says in words that the network made too many login attempts, when to try again, and links to try again', () => {
    const html = renderLoginRateLimitPage({ over: 'address', limit: 4, retryAfter: 35, message: 'unused' }, '/login?returnTo=%2Fsearch');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Too many login attempts · Nansen</title>');
    expect(html).toContain('<h1>Too many login attempts</h1>');
    expect(html).toContain('too many login attempts from your network this minute: Nansen takes at most 4 a minute from one network address');
    expect(html).toContain('<p>Wait 35 seconds, then try again.</p>');
    expect(html).toContain('<p>If this keeps happening, tell your administrator: the limits are the RATE_LIMIT_LOGIN settings.</p>');
    expect(html).toContain('<a class="button" href="/login?returnTo=%2Fsearch">Try again</a>');
  });

  it('speaks of this browser for the per-session limit, and of 1 second in the singular', () => {
    const html = renderLoginRateLimitPage({ over: 'session', limit: 30, retryAfter: 1, message: 'unused' }, '/login');
    expect(html).toContain('This browser has started too many logins this minute: Nansen takes at most 30 a minute from one session.');
    expect(html).not.toContain('network');
    expect(html).toContain('<p>Wait 1 second, then try again.</p>');
  });

  it('escapes the link it is given', () => {
    const html = renderLoginRateLimitPage({ over: 'address', limit: 1, retryAfter: 9, message: 'unused' }, '/login?returnTo="><script>x</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="/login?returnTo=&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});
