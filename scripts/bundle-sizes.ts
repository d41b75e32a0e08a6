// npm run bench:bundle — what a first visit to each page downloads: builds the SPA with its manifest,
// then for the entry and each lazy route module (client/app/routes/*.tsx, listed with their URLs in contract/spa-pages.ts)
// sums the gzip (level 9) and brotli (quality 11) sizes of every JS and CSS file the visit loads:
// the entry and its static imports, transitively, plus the route chunk, its static imports and
// their CSS. Prints a table per route and the budget of the first page; a benchmark: it exits 0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { SPA_PAGES } from '../contract/spa-pages';
import { compressBrotli, compressGzip } from './vite-precompress';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The first page's budget: the home route, gzip, in kB of 1000 bytes (as Vite prints them). */
export const HOME_BUDGET_GZIP_BYTES = 115_000;

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The JS and CSS files loading these chunks fetches: each chunk, its static imports (transitively) and their CSS. */
export function collectFiles(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files].filter((file) => /\.(m?js|css)$/.test(file));
}

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function measure(outDir: string, file: string, cache: Map<string, Sizes>): Promise<Sizes> {
  const known = cache.get(file);
  if (known) return known;
  const data = fs.readFileSync(path.join(outDir, file));
  const sizes = { raw: data.length, gzip: (await compressGzip(data)).length, brotli: (await compressBrotli(data)).length };
  cache.set(file, sizes);
  return sizes;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ')).join('\n');
}

async function main() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-bundle-'));
  try {
    await build({
      root: path.join(ROOT, 'client'),
      configFile: path.join(ROOT, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true, manifest: true },
      logLevel: 'warn',
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
    if (!entryKey) throw new Error('the manifest has no entry chunk');
    const routePaths = new Map<string, string>(SPA_PAGES.map((page) => [page.module, page.path]));
    const routeOrder = (key: string) => {
      const index = [...routePaths.keys()].indexOf(key);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    const routeKeys = Object.keys(manifest)
      .filter((key) => manifest[key]!.isDynamicEntry && /^app\/routes\/[^/]+\.tsx$/.test(manifest[key]!.src ?? ''))
      .sort((a, b) => routeOrder(a) - routeOrder(b) || a.localeCompare(b));

    const cache = new Map<string, Sizes>();
    const visits = [{ name: 'entry only', key: undefined as string | undefined }, ...routeKeys.map((key) => ({ name: routePaths.get(key) ?? '(not in contract/spa-pages.ts)', key }))];
    const summary: string[][] = [['first visit to', 'files', 'raw', 'gzip', 'brotli']];
    let homeGzip: number | undefined;
    for (const visit of visits) {
      const files = collectFiles(manifest, visit.key ? [entryKey, visit.key] : [entryKey]);
      const rows: string[][] = [['file', 'raw', 'gzip', 'brotli']];
      const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
      for (const file of files) {
        const sizes = await measure(outDir, file, cache);
        rows.push([file, kB(sizes.raw), kB(sizes.gzip), kB(sizes.brotli)]);
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
      }
      rows.push(['total', kB(total.raw), kB(total.gzip), kB(total.brotli)]);
      console.log(`\n${visit.name}${visit.key ? `  (${visit.key})` : ''}\n${table(rows)}`);
      summary.push([`${visit.name}${visit.key ? `  ${path.basename(visit.key, '.tsx')}` : ''}`, String(files.length), kB(total.raw), kB(total.gzip), kB(total.brotli)]);
      if (visit.key && routePaths.get(visit.key) === '/') homeGzip = total.gzip;
    }
    console.log(`\nSummary (JS + CSS, each file compressed on its own; 1 kB = 1000 bytes)\n${table(summary)}\n`);
    if (homeGzip === undefined) console.log('Budget: no route module serves / in contract/spa-pages.ts; nothing to check');
    else
      console.log(
        `Budget: the first page (/) loads ${kB(homeGzip)} gzip (${homeGzip} bytes); the budget is ${kB(HOME_BUDGET_GZIP_BYTES)}: ${homeGzip <= HOME_BUDGET_GZIP_BYTES ? 'PASS' : 'FAIL'}`,
      );
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
