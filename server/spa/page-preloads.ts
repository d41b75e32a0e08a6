// Which files the requested page of the SPA needs beyond the app's first script, as <link> tags for the
// page the BFF serves: the browser then downloads (and compiles) the page's module and the modules it
// imports while the first script is still running, instead of asking for them one level at a time
// once the router runs (docs/benchmarks.md, "Search results in the browser").
//
// Every URL comes from Vite's build manifest (dist/client/.vite/manifest.json), never from the
// request: the request's path only picks one of the SPA's fixed pages (contract/spa-pages.ts).
import { escapeHtml } from '../../contract/escape-html';
import { matchSpaPage } from '../../contract/spa-page-at';
import { SPA_PAGES } from '../../contract/spa-pages';

/** One entry of Vite's build manifest (the fields used here). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
export type BuildManifest = Record<string, ManifestChunk>;

/** The manifest key of the app's first script (Vite names the entry by its HTML file). */
const ENTRY_KEY = 'index.html';

/**
 * For a request path, the <link> tags of the page it shows; '' for a path no page but the catch-all
 * matches (the shell's own files are in index.html already).
 */
export function createPagePreloads(manifest: BuildManifest): (pathname: string) => string {
  const shellFiles = filesOf(manifest, [ENTRY_KEY]);
  const pages = SPA_PAGES.filter((page) => page.path !== '*').map((page) => {
    const files = manifest[page.module] ? filesOf(manifest, [page.module]) : { scripts: [], styles: [] };
    const scripts = files.scripts.filter((f) => !shellFiles.scripts.includes(f));
    const styles = files.styles.filter((f) => !shellFiles.styles.includes(f));
    // `crossorigin` as Vite writes it on the entry's tags and on the links its loader adds: the
    // requests then match (mode cors, same-origin credentials) and the browser reuses the responses.
    // Styles are preloaded, not applied: a stylesheet in the head would hold back the first script.
    const links = [
      ...styles.map((f) => `<link rel="preload" as="style" crossorigin href="/${escapeHtml(f)}">`),
      ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(f)}">`),
    ].join('');
    return [page.path, links] as const;
  });
  return linksFor(new Map(pages));
}

/**
 * For a request path, `<link rel="stylesheet">` tags for its page's own styles (those index.html does not
 * load): for a page the BFF sends with content already drawn (decision 023), written in the body just
 * before it. '' for a path only the catch-all matches.
 */
export function createPageStylesheets(manifest: BuildManifest): (pathname: string) => string {
  const shellFiles = filesOf(manifest, [ENTRY_KEY]);
  const pages = SPA_PAGES.filter((page) => page.path !== '*').map((page) => {
    const styles = (manifest[page.module] ? filesOf(manifest, [page.module]).styles : []).filter((f) => !shellFiles.styles.includes(f));
    return [page.path, styles.map((f) => `<link rel="stylesheet" crossorigin href="/${escapeHtml(f)}">`).join('')] as const;
  });
  return linksFor(new Map(pages));
}

/** The JS and CSS files a module loads with it: its own and those of everything it imports statically. */
function filesOf(manifest: BuildManifest, keys: string[]): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    scripts.push(chunk.file);
    for (const css of chunk.css ?? []) if (!styles.includes(css)) styles.push(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return { scripts, styles };
}

/** The links of the page whose route matches a path (as the client's router matches it); '' for the catch-all. */
function linksFor(byPattern: Map<string, string>): (pathname: string) => string {
  return (pathname) => {
    const page = matchSpaPage(pathname);
    return page ? (byPattern.get(page.path) ?? '') : '';
  };
}
