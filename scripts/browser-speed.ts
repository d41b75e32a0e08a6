// npm run bench:browser — how soon a signed-in person sees search results in a real browser.
//
// Starts Nansen as the e2e tests do (e2e/start-nansen.ts: dev IdP, embedded catalog with demo data,
// the BFF serving the built SPA from dist/client — run `npm run build` first), signs in through the
// dev IdP's login form in Chromium, then opens /search?term=orders in a fresh tab again and again and
// measures from the start of the navigation until the first result is on screen (in the DOM, visible,
// and a frame later, so painted). First with the browser's cache warm (a person coming back: the
// hashed assets are cached), then with a new browser context per run (cold cache, still signed in).
// Playwright's contexts are off the record (memory caches only); a third series runs in a browser
// profile on disk, as a person's browser is, for comparison (the target is judged on the first).
// A benchmark, not a test: it prints figures and exits 0.
//
//   npm run bench:browser                  # 15 runs each, after 3 warm-up runs
//   npm run bench:browser -- --runs 30 --term customers
//   npm run bench:browser -- --timeline    # also the median time of each step of the critical path
// Each series also prints the main thread's CPU time until the result was on screen (Chromium's
// counters in thread time): the work the page made, which the machine's load does not stretch.
//   npm run bench:browser -- --compare ../other-worktree   # this build against another checkout's
//       (its server/main.ts and its built dist/client), warm series only, runs alternating between the
//       two so both see the same machine load; build both first
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logInAtDevIdp } from '../e2e/login';
import { startNansen, type NansenServer } from '../e2e/start-nansen';
import { CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config';

const ROOT = path.resolve(import.meta.dirname, '..');
const TARGET_MS = 300;
const WARM_UP = 3;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Run {
  /** Navigation start → first result painted (the BFF's HTML preview of it, when the page has one: decision 023). */
  firstResult: number;
  /** Navigation start → the app's own (React-rendered) first result painted. */
  appResult: number;
  /** Navigation start → the search API's answer fully received. */
  searchResponse: number | null;
  /** CPU time of the page's main thread from the navigation until just after the app's first result was painted. */
  mainThreadCpu?: number | null;
  /** CPU time of the tab's renderer process (all its threads, since it started), at the same moment. */
  rendererCpu?: number | null;
  /** Milestones of the run (ms after navigation start; null when absent), for --timeline. */
  milestones: Record<Milestone, number | null>;
}

/** A step of the critical path (Chromium's navigation, paint, resource and long-animation-frame timing), by name. */
type Milestone = string;

// Runs in the page before its scripts: notes when the first result is on screen, and when the app's
// own first result is (the BFF's preview of the results, decision 023, is marked data-first-results-preview).
const WATCH_FIRST_RESULT = `(() => {
  const seen = (selector, name) => {
    const result = document.querySelector(selector);
    if (!result || !result.checkVisibility()) return false;
    requestAnimationFrame(() => { window[name] = performance.now(); });
    return true;
  };
  let first = false;
  new MutationObserver((_, observer) => {
    first = first || seen('[data-search-result]', '__firstResultAt');
    if (first && seen(':not([data-first-results-preview]) > main [data-search-result]', '__appResultAt')) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
  window.__longestFrame = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longestFrame = Math.max(window.__longestFrame, e.duration);
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

// Runs in the page once the result is painted: the run's figures. (A string: functions passed to
// page.evaluate get tsx's __name helpers, which the page does not have.)
const READ_RUN = `(() => {
  const resources = performance.getEntriesByType('resource');
  const find = (test) => resources.find((e) => test(new URL(e.name).pathname));
  const search = find((p) => p === '/api/search/v1/search');
  const entry = find((p) => /^\\/assets\\/index-[^/]*\\.js$/.test(p));
  const chunk = find((p) => /^\\/assets\\/search-route-[^/]*\\.js$/.test(p));
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const milestones = {
    'page received': nav ? nav.responseEnd : null,
    'entry script requested': entry ? entry.startTime : null,
    'entry script received': entry ? entry.responseEnd : null,
    'search chunk requested': chunk ? chunk.startTime : null,
    'search chunk received': chunk ? chunk.responseEnd : null,
    'DOMContentLoaded': nav ? nav.domContentLoadedEventEnd : null,
    'first contentful paint': paint ? paint.startTime : null,
    'longest frame (duration)': window.__longestFrame,
  };
  // Which script came last (its name without the hash): what the results waited for, if anything.
  const scripts = resources.filter((e) => e.name.endsWith('.js')).sort((a, b) => a.responseEnd - b.responseEnd);
  const last = scripts[scripts.length - 1];
  if (last) milestones['last chunk received (' + new URL(last.name).pathname.split('/').pop().split('-')[0] + ')'] = last.responseEnd;
  const seen = {};
  for (const e of resources) {
    const p = new URL(e.name).pathname;
    if (!p.startsWith('/api/')) continue;
    seen[p] = (seen[p] || 0) + 1;
    const name = seen[p] > 1 ? p + ' #' + seen[p] : p;
    milestones[name + ' sent'] = e.startTime;
    milestones[name + ' answered'] = e.responseEnd;
  }
  return { firstResult: window.__firstResultAt, appResult: window.__appResultAt, searchResponse: search ? search.responseEnd : null, milestones };
})()`;

async function measure(context: BrowserContext, url: string): Promise<Run> {
  const page = await context.newPage();
  try {
    await page.addInitScript(WATCH_FIRST_RESULT);
    // Chromium's counters of the tab's main-thread work, in CPU time ("threadTicks"): other programs'
    // load does not stretch them as it does the wall-clock figures.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __appResultAt?: number }).__appResultAt !== undefined, undefined, { timeout: 15_000 });
    const run = (await page.evaluate(READ_RUN)) as Run;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const cpu = (name: string) => {
      const seconds = metrics.find((m) => m.name === name)?.value;
      return seconds === undefined ? null : seconds * 1000;
    };
    const [tasks, devTools] = [cpu('TaskDuration'), cpu('DevToolsCommandDuration')];
    // Without the benchmark's own DevTools commands (its watching for the result).
    run.mainThreadCpu = tasks === null ? null : tasks - (devTools ?? 0);
    for (const name of ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']) run.milestones[`CPU: ${name.replace('Duration', '')} (duration)`] = cpu(name);
    // Every thread of the tab's renderer process since it started (10 ms steps): work moved off the
    // main thread (a script compiled in the background) still counts here.
    run.rendererCpu = cpu('ProcessTime');
    return run;
  } finally {
    await page.close();
  }
}

/** Median of each milestone over the runs, in the order of the critical path. */
function timeline(label: string, runs: Run[]): string {
  const median = (values: (number | null | undefined)[]) => {
    const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
    return { value: present.length ? percentile(present, 50) : null, count: present.length };
  };
  const steps = [...new Set(runs.flatMap((r) => Object.keys(r.milestones)))]
    .map((name) => ({ name, ...median(runs.map((r) => r.milestones[name])) }))
    .concat([{ name: 'first result painted', ...median(runs.map((r) => r.firstResult)) }, { name: "app's first result painted", ...median(runs.map((r) => r.appResult)) }])
    .sort((a, b) => (a.name.endsWith('(duration)') ? 1 : 0) - (b.name.endsWith('(duration)') ? 1 : 0) || (a.value ?? 0) - (b.value ?? 0));
  const lines = steps.map(
    ({ name, value, count }) =>
      `  ${name.padEnd(44)}${value === null ? '     –' : value.toFixed(0).padStart(6)}${count < runs.length ? `  (in ${count} of ${runs.length} runs)` : ''}`,
  );
  return [`Timeline, ${label} (median ms after navigation start):`, ...lines].join('\n');
}

function summarize(label: string, runs: Run[]): string {
  const row = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [sorted[0]!, percentile(sorted, 50), percentile(sorted, 90)].map((v) => v.toFixed(0).padStart(6)).join('   ');
  };
  const responses = runs.map((r) => r.searchResponse).filter((v): v is number => v !== null);
  const cpu = runs.map((r) => r.mainThreadCpu).filter((v): v is number => typeof v === 'number');
  const renderer = runs.map((r) => r.rendererCpu).filter((v): v is number => typeof v === 'number');
  return [
    `${label.padEnd(34)}${row(runs.map((r) => r.firstResult))}`,
    `${"  (the app's result painted)".padEnd(34)}${row(runs.map((r) => r.appResult))}`,
    `${'  (search API answered at)'.padEnd(34)}${responses.length === runs.length ? row(responses) : '     –'}`,
    `${'  (main thread CPU until then)'.padEnd(34)}${cpu.length === runs.length ? row(cpu) : '     –'}`,
    `${'  (renderer CPU, all threads)'.padEnd(34)}${renderer.length === runs.length ? row(renderer) : '     –'}`,
  ].join('\n');
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Signs in as roald through the dev IdP's login form; the session's cookies. */
async function signIn(browser: Browser, server: NansenServer): Promise<StorageState> {
  const login = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const page = await login.newPage();
    await page.goto('/');
    await logInAtDevIdp(page, server.idpOrigin, 'roald');
    await page.waitForURL((u) => u.origin === server.baseUrl);
    await page.getByTestId('current-user').waitFor();
    return await login.storageState();
  } finally {
    await login.close();
  }
}

function hasBuild(root: string): boolean {
  if (fs.existsSync(path.join(root, 'dist', 'client', 'index.html'))) return true;
  console.error(`No built SPA in ${path.join(root, 'dist', 'client')}: run \`npm run build\` there first.`);
  process.exitCode = 1;
  return false;
}

// The default budget for the first search in the page, not the e2e servers' 5 s.
const SERVER_ENV = { FIRST_SEARCH_BUDGET_MS: '250' };

/**
 * This checkout against another one: both servers run (on two host names, so their cookies stay
 * apart), one warm context each, the runs alternate (this, other, this, …) so a change of the
 * machine's load hits both alike.
 */
async function compare(otherRoot: string, runs: number, url: string) {
  if (!hasBuild(ROOT) || !hasBuild(otherRoot)) return;
  console.log(`Starting two Nansens: this checkout and ${otherRoot}…`);
  const mine = await startNansen({ name: 'browser-speed', env: SERVER_ENV });
  // The first one stops when the second cannot start (a port taken in between, say).
  const other = await startNansen({ name: 'browser-speed-other', env: SERVER_ENV, host: '127.0.0.1', cwd: otherRoot }).catch(async (error: unknown) => {
    await mine.stop();
    throw error;
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const contexts = await Promise.all(
      [mine, other].map(async (server) => browser.newContext({ baseURL: server.baseUrl, storageState: await signIn(browser, server) })),
    );
    const series: [Run[], Run[]] = [[], []];
    for (let i = 0; i < WARM_UP + runs; i += 1) {
      for (const side of [0, 1] as const) {
        const run = await measure(contexts[side]!, url);
        if (i >= WARM_UP) series[side].push(run);
      }
    }
    const labels = ['this checkout, warm', `${path.basename(otherRoot)}, warm`];
    console.log(
      [
        '',
        `Signed-in navigation to ${url} until the first result is on screen (Chromium, ${runs} runs each, alternating, after ${WARM_UP} warm-up runs)`,
        `${''.padEnd(34)}${['min', 'median', 'p90'].map((h) => h.padStart(6)).join('   ')}   (ms)`,
        summarize(labels[0]!, series[0]),
        summarize(labels[1]!, series[1]),
        ...(process.argv.includes('--timeline') ? ['', timeline(labels[0]!, series[0]), timeline(labels[1]!, series[1])] : []),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await Promise.all([mine.stop(), other.stop()]);
  }
}

async function main() {
  const runs = Number(option('runs', '15'));
  const term = option('term', 'orders');
  const url = `/search?term=${encodeURIComponent(term)}`;
  const otherRoot = option('compare', '');
  if (otherRoot) return compare(path.resolve(otherRoot), runs, url);
  if (!hasBuild(ROOT)) return;

  console.log('Starting Nansen (dev IdP, demo catalog, BFF)…');
  const server = await startNansen({ name: 'browser-speed', env: SERVER_ENV });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const storageState = await signIn(browser, server);

    const warmContext = await browser.newContext({ baseURL: server.baseUrl, storageState });
    for (let i = 0; i < WARM_UP; i += 1) await measure(warmContext, url);
    const warm: Run[] = [];
    for (let i = 0; i < runs; i += 1) warm.push(await measure(warmContext, url));
    await warmContext.close();

    // A profile on disk: the HTTP cache on disk and Chromium's compiled-code cache, which an
    // off-the-record context does not keep. Same cookies, a browser of its own.
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-browser-speed-'));
    const profile: Run[] = [];
    try {
      const persistent = await chromium.launchPersistentContext(profileDir, { ...CHROMIUM_LAUNCH_OPTIONS, baseURL: server.baseUrl });
      try {
        await persistent.addCookies(storageState.cookies);
        for (let i = 0; i < WARM_UP; i += 1) await measure(persistent, url);
        for (let i = 0; i < runs; i += 1) profile.push(await measure(persistent, url));
      } finally {
        await persistent.close();
      }
    } finally {
      fs.rmSync(profileDir, { recursive: true, force: true });
    }

    const cold: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ baseURL: server.baseUrl, storageState });
      cold.push(await measure(context, url));
      await context.close();
    }

    const median = percentile(
      warm.map((r) => r.firstResult).sort((a, b) => a - b),
      50,
    );
    console.log(
      [
        '',
        `Signed-in navigation to ${url} until the first result is on screen (Chromium, ${runs} runs each, after ${WARM_UP} warm-up runs)`,
        `${''.padEnd(34)}${['min', 'median', 'p90'].map((h) => h.padStart(6)).join('   ')}   (ms)`,
        summarize('warm browser cache (fresh tab)', warm),
        summarize('cold browser cache (new context)', cold),
        summarize('warm, profile on disk', profile),
        '',
        `Target: ≤ ${TARGET_MS} ms (warm cache, median): ${median.toFixed(0)} ms, ${median <= TARGET_MS ? 'PASS' : 'FAIL'}`,
        ...(process.argv.includes('--timeline')
          ? ['', timeline('warm cache', warm), timeline('cold cache', cold), timeline('warm cache, profile on disk', profile)]
          : []),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
