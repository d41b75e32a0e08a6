// The requested page's files as <link> tags: from the build manifest, for the page the path shows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPA_PAGES } from '../../contract/spa-pages';
import { createPagePreloads, createPageStylesheets, type BuildManifest } from './page-preloads';

// The shape Vite writes (dist/client/.vite/manifest.json), cut down to one shared chunk per side.
const MANIFEST: BuildManifest = {
  'index.html': { file: 'assets/index-AAA.js', isEntry: true, imports: ['_shared-SSS.js'], css: ['assets/index-AAA.css'] },
  '_shared-SSS.js': { file: 'assets/shared-SSS.js' },
  '_tabs-TTT.js': { file: 'assets/tabs-TTT.js', imports: ['_shared-SSS.js'], css: ['assets/tabs-TTT.css'] },
  'app/routes/search-route.tsx': { file: 'assets/search-route-QQQ.js', imports: ['_tabs-TTT.js', 'index.html', '_shared-SSS.js'], css: ['assets/search-route-QQQ.css'] },
  'app/routes/table-route.tsx': { file: 'assets/table-route-RRR.js', imports: ['_tabs-TTT.js', 'index.html'] },
  'app/routes/home-route.tsx': { file: 'assets/home-route-HHH.js', imports: ['index.html'] },
  'app/routes/not-found-route.tsx': { file: 'assets/not-found-route-NNN.js', imports: ['index.html'] },
};

const hrefs = (html: string, rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]*? href="([^"]*)">`, 'g'))].map((m) => m[1]);

describe('createPagePreloads', () => {
  const preloads = createPagePreloads(MANIFEST);

  it("preloads a page's module and everything it imports that the shell does not already load", () => {
    const html = preloads('/search');
    expect(hrefs(html, 'modulepreload')).toEqual(['/assets/search-route-QQQ.js', '/assets/tabs-TTT.js']);
    expect(hrefs(html, 'preload')).toEqual(['/assets/search-route-QQQ.css', '/assets/tabs-TTT.css']);
    expect(html).not.toContain('index-AAA');
    expect(html).not.toContain('shared-SSS');
  });

  it('asks for them as the app does (CORS, same-origin credentials), so the browser reuses them', () => {
    for (const tag of preloads('/search').match(/<link [^>]*>/g)!) expect(tag).toMatch(/ crossorigin /);
    expect(preloads('/search')).toMatch(/<link rel="preload" as="style" crossorigin href="\/assets\/tabs-TTT.css">/);
  });

  it('matches paths as the router does: parameters, any case, a trailing slash', () => {
    expect(hrefs(preloads('/table_detail/gold/hive/core/orders'), 'modulepreload')).toEqual(['/assets/table-route-RRR.js', '/assets/tabs-TTT.js']);
    expect(hrefs(preloads('/Search/'), 'modulepreload')[0]).toBe('/assets/search-route-QQQ.js');
    expect(hrefs(preloads('/'), 'modulepreload')).toEqual(['/assets/home-route-HHH.js']);
  });

  it("gives a path no page matches nothing beyond the shell's own files (no catch-all page preloaded)", () => {
    expect(preloads('/no/such/page')).toBe('');
    expect(preloads('/table_detail/gold/hive/core')).toBe('');
    expect(preloads('/search/extra')).toBe('');
  });

  it('preloads nothing for a page the manifest does not know, and nothing at all without a manifest', () => {
    expect(preloads('/browse')).toBe('');
    expect(createPagePreloads({})('/search')).toBe('');
  });
});

describe('createPageStylesheets', () => {
  const stylesheets = createPageStylesheets(MANIFEST);

  it("applies the page's own styles (the same files the preloads name), for content the BFF draws in the page", () => {
    expect(hrefs(stylesheets('/search'), 'stylesheet')).toEqual(['/assets/search-route-QQQ.css', '/assets/tabs-TTT.css']);
    for (const tag of stylesheets('/search').match(/<link [^>]*>/g)!) expect(tag).toMatch(/ crossorigin /);
    expect(stylesheets('/search')).not.toContain('index-AAA');
    expect(stylesheets('/no/such/page')).toBe('');
  });
});

describe('SPA_PAGES', () => {
  it('names modules that exist, as the manifest names them (relative to client/)', () => {
    for (const page of SPA_PAGES) expect(fs.existsSync(path.resolve(import.meta.dirname, '../../client', page.module)), page.module).toBe(true);
  });
});
