// Serves the built SPA. Hashed assets are public and cached forever; every page URL returns
// index.html to signed-in users, and sends signed-out visitors to log in and back.
// The build writes .br and .gz twins of the text files (scripts/vite-precompress.ts): the one the
// request accepts is sent as it is, so nothing is compressed per request.
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import { NotFoundError } from '../http/errors';
import { BOOTSTRAP_ELEMENT_ID, type Bootstrap } from '../../contract/bootstrap';
import type { ClientConfig } from '../../contract/client-config';
import { renderPage } from '../http/html-page';
import { chooseEncoding, type ContentCoding } from './choose-encoding';
import type { User } from '../../contract/api-common';
import { createPagePreloads, createPageStylesheets, type BuildManifest } from './page-preloads';
import { spaPageAt } from '../../contract/spa-page-at';
import { isImpossibleUserId } from '../../contract/impossible-user-id';
import { withOpenSearchTitle } from './serve-opensearch';

/** Files that may have precompressed twins: their responses vary with Accept-Encoding. */
const NEGOTIABLE_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json']);
const TWIN_SUFFIX: Record<Exclude<ContentCoding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

/** The built files. Mounted before the session middleware: assets need no session lookup. */
export function createSpaAssetRoutes(distDir: string): Router {
  const router = express.Router();
  router.use('/assets', serveBuiltFiles(path.join(distDir, 'assets'), { cacheControl: 'public, max-age=31536000, immutable', whenMissing: 'not-found' }));
  // Other top-level files (favicon and the like); index.html goes through the page routes below.
  // /api belongs to the API: looking for its paths in the build cost a file-system stat per call.
  const topLevel = serveBuiltFiles(distDir, { cacheControl: 'public, max-age=3600', whenMissing: 'next', except: ['/index.html'] });
  router.use((req, res, next) => (req.path === '/api' || req.path.startsWith('/api/') ? next() : topLevel(req, res, next)));
  return router;
}

interface ServeOptions {
  cacheControl: string;
  /** Under /assets a missing file is a 404; elsewhere the URL may be a page of the SPA. */
  whenMissing: 'not-found' | 'next';
  except?: string[];
}

function serveBuiltFiles(root: string, options: ServeOptions): RequestHandler {
  const missing = (next: NextFunction) =>
    options.whenMissing === 'next' ? next() : next(new NotFoundError('No such file in the web app; reload the page to get the current version.', 'asset_not_found'));

  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = options.except?.includes(req.path) ? undefined : resolveInside(root, req.path);
    if (!file || !(await isFile(file))) return missing(next);

    let sent = file;
    if (NEGOTIABLE_EXTENSIONS.has(path.extname(file).toLowerCase())) {
      res.vary('Accept-Encoding');
      const twins = (['br', 'gzip'] as const).map((coding) => ({ coding, file: file + TWIN_SUFFIX[coding] }));
      const available = await Promise.all(twins.map(async (twin) => ((await isFile(twin.file)) ? twin : undefined)));
      const coding = chooseEncoding(req.headers['accept-encoding'], available.flatMap((twin) => (twin ? [twin.coding] : [])));
      if (coding !== 'identity') {
        sent = file + TWIN_SUFFIX[coding];
        res.set('Content-Encoding', coding);
      }
    }
    // The original's type, whichever bytes are sent; Content-Length, ETag and Last-Modified are the sent file's.
    res.type(path.extname(file)).set('Cache-Control', options.cacheControl);
    res.sendFile(sent, { dotfiles: 'allow', acceptRanges: false, cacheControl: false }, (err?: Error & { status?: number; code?: string }) => {
      // Sent, or the browser went away first (a page left while it loads): no one to answer, nothing to log.
      if (!err || res.headersSent || err.code === 'ECONNABORTED') return;
      for (const header of ['Content-Encoding', 'Content-Type', 'Cache-Control', 'Vary']) res.removeHeader(header);
      if (err.status === 404) missing(next);
      else next(err);
    });
  };
}

/** The file a URL path names inside `root`; undefined for dot-files, `..` and undecodable paths. */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.length === 0 || segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'))) return undefined;
  return path.join(root, ...segments);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The shell's first data (the signed-in user and the UI config) as a JSON data block in the page, so the
 * app renders without asking for them first. A data block is never executed (the CSP still allows no
 * inline script); `<` is escaped so no value can close the block. No token is ever in it.
 */
export function withBootstrap(indexHtml: string, bootstrap: Bootstrap, headLinks = ''): string {
  // A function, so `$&` and the like in a value are not read as replacement patterns.
  return indexHtml.replace('</head>', () => `${headLinks}${jsonDataBlock(BOOTSTRAP_ELEMENT_ID, bootstrap)}</head>`);
}

/**
 * A `<script type="application/json">` element holding `value`: never executed, and no value can
 * close it (`<` is written as \u003c) or end a line of it in older parsers (U+2028, U+2029).
 * `id` is one of the app's constants, never from a request.
 */
export function jsonDataBlock(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** What the /search page carries of its first search (server/spa/first-search.ts): the data block for the app, the results drawn for #root; '' when none. */
export interface FirstSearchParts {
  dataBlock: string;
  previewHtml: string;
}

/** The app's mount point as index.html has it. */
const ROOT_ELEMENT = '<div id="root"></div>';

export interface SpaPageOptions {
  clientConfig: ClientConfig;
  /**
   * The `/search` page's first answer as a data block (server/spa/first-search.ts), or '' when there is
   * none; never rejects. The page's head is sent first, the rest when this settles.
   */
  firstSearch?: (req: Request, user: User) => Promise<FirstSearchParts>;
}

/**
 * 404 for a path where the SPA shows its "Page not found" (contract/spa-page-at.ts, which the pages read
 * their paths with): one no page matches, one whose key cannot be read, or a page a UI setting turns
 * off (profiles, dashboards, announcements); and a person's id no one can have. The page is sent all the same. A well-formed key of a table
 * or person the catalog does not have is 200: the page says so itself (decision 091).
 */
export function spaPageStatus(pathname: string, config: ClientConfig): 200 | 404 {
  const at = spaPageAt(pathname, config);
  // A person's id no one can have (a line break in it, or longer than any email) is "No such person" with a 404 (decision 101).
  return at.page === 'not-found' || (at.page === 'user' && isImpossibleUserId(at.userId)) ? 404 : 200;
}

/**
 * The path as the browser will hold it in `location.pathname`, which the app reads: "." and ".." segments
 * resolved and "\\" read as "/", as a browser does before it sends a URL (other clients may not).
 */
export function browserPathname(originalUrl: string): string {
  try {
    return new URL(`http://nansen.invalid${originalUrl}`).pathname;
  } catch {
    return originalUrl.split('?')[0] ?? '/';
  }
}

/** Every other page URL: index.html for signed-in users, a login redirect for everyone else. */
export function createSpaPageRoutes(distDir: string, options: SpaPageOptions): Router {
  const router = express.Router();
  const indexPath = path.join(distDir, 'index.html');
  let indexHtml: string | undefined;
  // The requested page's files, preloaded (server/spa/page-preloads.ts); none without a manifest.
  let pagePreloads: ((pathname: string) => string) | undefined;
  // The same page's styles applied, for a page that comes with its results drawn (decision 023).
  let pageStylesheets: ((pathname: string) => string) | undefined;

  router.get(/.*/, async (req, res) => {
    const user = req.session.user;
    if (!user) {
      return res.redirect(303, `/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
    }
    indexHtml ??= fs.existsSync(indexPath) ? withOpenSearchTitle(fs.readFileSync(indexPath, 'utf8'), options.clientConfig.documentTitle) : undefined;
    if (!indexHtml) {
      return res.status(503).type('html').send(renderPage('Nansen is not built yet', ['The web app has not been built on this server. Run: npm run build, then restart.']));
    }
    pagePreloads ??= createPagePreloads(readManifest(distDir));
    pageStylesheets ??= createPageStylesheets(readManifest(distDir));
    const page = withBootstrap(indexHtml, { user, config: options.clientConfig }, pagePreloads(req.path));
    res.status(spaPageStatus(browserPathname(req.originalUrl), options.clientConfig)).set('Cache-Control', 'no-store').type('html');
    const headEnd = page.indexOf('</head>') + '</head>'.length;
    if (!options.firstSearch || req.method !== 'GET' || req.path !== '/search' || headEnd < '</head>'.length) {
      res.send(page);
      return;
    }
    // The head (preloads, the entry script's tag) at once: the browser fetches and compiles the app's
    // files while the search runs. Module scripts run only once the whole page is in, data block included.
    res.write(page.slice(0, headEnd));
    const { dataBlock, previewHtml } = await options.firstSearch(req, user);
    let rest = page.slice(headEnd);
    // The results drawn into #root, the page's styles just before it (so they apply to it; outside
    // #root, so React's first render, which replaces #root's content, keeps them).
    if (previewHtml && rest.includes(ROOT_ELEMENT)) {
      rest = rest.replace(ROOT_ELEMENT, () => `${pageStylesheets!(req.path)}<div id="root">${previewHtml}</div>`);
    }
    res.end(dataBlock && rest.includes('</body>') ? rest.replace('</body>', () => `${dataBlock}</body>`) : rest + dataBlock);
  });
  return router;
}

/** Vite's build manifest (never served: a dot-folder); an empty one when missing or unreadable. */
function readManifest(distDir: string): BuildManifest {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as BuildManifest;
  } catch {
    return {};
  }
}
