import { createHash } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PAGE_STYLE_HASH, renderPage } from './html-page';
import { securityHeaders } from './security-headers';

const IDP_ORIGIN = 'https://login.example.com';

function getHeaders(options: { https: boolean; formTargets?: string[] }) {
  const app = express();
  app.use(securityHeaders({ https: options.https, formTargets: options.formTargets ?? [IDP_ORIGIN] }));
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  return request(app).get('/');
}

/** The policy as directive → sources, so a test reads one directive exactly. */
function parsePolicy(header: string | undefined): Record<string, string[]> {
  expect(header).toBeTypeOf('string');
  const directives = header!.split(';').map((d) => d.trim().split(/\s+/));
  const policy = Object.fromEntries(directives.map(([name, ...sources]) => [name!, sources]));
  expect(Object.keys(policy)).toHaveLength(directives.length); // no directive twice
  return policy;
}

async function getPolicy(options: { https: boolean; formTargets?: string[] } = { https: true }) {
  return parsePolicy((await getHeaders(options)).headers['content-security-policy']);
}

describe('the content security policy', () => {
  it('lets scripts come only from Nansen itself: no inline scripts, no eval, no other host', async () => {
    expect((await getPolicy())['script-src']).toEqual(["'self'"]);
  });

  it('falls back to our own origin for every kind of resource it does not name', async () => {
    expect((await getPolicy())['default-src']).toEqual(["'self'"]);
  });

  it('lets styles come from Nansen\'s stylesheets and the one <style> of its own pages, by hash: no other inline style', async () => {
    const policy = await getPolicy();
    expect(policy['style-src']).toEqual(["'self'", PAGE_STYLE_HASH]);
    // Neither 'unsafe-inline' anywhere, nor a directive that would allow style attributes or elements apart.
    expect(Object.values(policy).flat()).not.toContain("'unsafe-inline'");
    expect(Object.values(policy).flat()).not.toContain("'unsafe-hashes'");
    expect(Object.keys(policy).filter((name) => name.startsWith('style-src-'))).toEqual([]);
  });

  it('allows exactly the <style> the server\'s pages carry: its hash is the one in the policy', async () => {
    const page = renderPage('Cannot log in', ['Something went wrong.'], [{ label: 'Log in again', href: '/login' }, { label: 'Home', href: '/', secondary: true }]);
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(`'sha256-${createHash('sha256').update(styles[0]!, 'utf8').digest('base64')}'`).toBe(PAGE_STYLE_HASH);
    expect((await getPolicy())['style-src']).toContain(PAGE_STYLE_HASH);
    // And no style attribute, which the policy would refuse.
    expect(page).not.toMatch(/\sstyle=/);
  });

  it('forbids plugins, <base> and being framed by any page', async () => {
    const policy = await getPolicy();
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });

  it('lets forms lead to Nansen and to the identity provider (the log-out redirect), nowhere else', async () => {
    expect((await getPolicy())['form-action']).toEqual(["'self'", IDP_ORIGIN]);
    expect((await getPolicy({ https: false, formTargets: [] }))['form-action']).toEqual(["'self'"]);
  });

  it('is exactly this policy, on http as on https', async () => {
    const expected = {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", PAGE_STYLE_HASH],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'font-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'", IDP_ORIGIN],
      'frame-ancestors': ["'none'"],
    };
    expect(await getPolicy({ https: true })).toEqual(expected);
    expect(await getPolicy({ https: false })).toEqual(expected);
  });
});

describe('the other security headers', () => {
  it('forbid framing and MIME sniffing, keep the referrer on our origin and isolate the window and resources', async () => {
    for (const https of [true, false]) {
      const { headers } = await getHeaders({ https });
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('are exactly these headers, HSTS only over https, and nothing else', async () => {
    const plain = express();
    plain.get('/', (_req, res) => {
      res.send('ok');
    });
    const bare = new Set(Object.keys((await request(plain).get('/')).headers));
    const added = async (https: boolean) => Object.keys((await getHeaders({ https })).headers).filter((name) => !bare.has(name)).sort();
    const always = ['content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options'];
    expect(await added(false)).toEqual(always);
    expect(await added(true)).toEqual([...always, 'strict-transport-security'].sort());
  });

  it('ask browsers to use https for a year, subdomains included, only when Nansen is served over https', async () => {
    expect((await getHeaders({ https: true })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await getHeaders({ https: false })).headers['strict-transport-security']).toBeUndefined();
  });
});
