// npm run bench:lineage — how fast the lineage graph of a big lineage answer is ready.
//
// 1. In Node: building the graph from a synthetic answer of `--size` entities (default 500; about
//    1.5 parents each, listed once per parent as Amundsen's Neo4j proxy does) and laying it out with
//    dagre, again and again.
// 2. In Chromium: builds scripts/lineage-bench (the real LineageGraphView) with Vite into
//    .bench/lineage, serves it on a free port and opens it in a fresh page per run, timing the layout
//    in the browser and the whole render (build + layout + React Flow) until the first view is on
//    screen and a frame is painted (a graph of LARGE_GRAPH tables or more draws only those in view),
//    with the longest main-thread task during that render and the blocking time (each long task's
//    time past 50 ms): while a task runs, the page answers no click, key or scroll.
// A benchmark, not a test: it prints figures and exits 0.
//
//   npm run bench:lineage                  # 500 entities, 10 runs in Node, 5 in Chromium
//   npm run bench:lineage -- --size 1000 --runs 3
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'vite';
import { buildLineageGraph } from '../client/features/lineage/build-lineage-graph';
import { layoutLineageGraph } from '../client/features/lineage/layout-lineage-graph';
import { CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config';
import { buildSyntheticLineage } from './lineage-bench/synthetic-lineage';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.bench/lineage');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? NaN : Number(process.argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

function row(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${label.padEnd(40)}${[sorted[0]!, percentile(sorted, 50), percentile(sorted, 90)].map((v) => v.toFixed(0).padStart(7)).join('  ')}`;
}

function timeInNode(size: number, runs: number): string[] {
  const lineage = buildSyntheticLineage(size);
  const builds: number[] = [];
  const layouts: number[] = [];
  let shape = '';
  for (let run = -2; run < runs; run++) {
    const t0 = performance.now();
    const graph = buildLineageGraph(lineage, { kind: 'table' });
    const t1 = performance.now();
    layoutLineageGraph(graph);
    const t2 = performance.now();
    shape = `${graph.nodes.length} nodes, ${graph.edges.length} edges`;
    if (run < 0) continue; // warm-up
    builds.push(t1 - t0);
    layouts.push(t2 - t1);
  }
  return [`Node ${process.version}: ${shape}, ${runs} runs after 2 warm-up runs`, row('  build the graph from the answer', builds), row('  layout (dagre)', layouts)];
}

function serve(dir: string): Promise<http.Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function timeInChromium(size: number, runs: number): Promise<string[]> {
  await build({
    root: path.join(ROOT, 'scripts/lineage-bench'),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    // One chunk for the whole page (React, React Flow, dagre): no size warning wanted.
    build: { outDir: OUT, emptyOutDir: true, modulePreload: { polyfill: false }, chunkSizeWarningLimit: 2000 },
  });
  const server = await serve(OUT);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const { port } = server.address() as AddressInfo;
    const layouts: number[] = [];
    const renders: number[] = [];
    const longest: number[] = [];
    const blocking: number[] = [];
    let shape = '';
    for (let run = -1; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/?size=${size}`);
      await page.waitForFunction(() => window.__lineageBench?.renderMs !== undefined, undefined, { timeout: 60_000 });
      const result = await page.evaluate(() => window.__lineageBench!);
      await page.close();
      shape = `${result.nodes} nodes (${result.drawn} drawn in the first view), ${result.edges} edges`;
      if (run < 0) continue; // warm-up: the browser's caches
      layouts.push(result.layoutMs);
      renders.push(result.renderMs!);
      longest.push(result.longestTaskMs!);
      blocking.push(result.blockingMs!);
    }
    return [
      `Chromium ${browser.version()}: ${shape}, ${runs} runs after 1 warm-up run, a fresh page each`,
      row('  layout (dagre)', layouts),
      row('  render: answer → first view painted', renders),
      row('  longest main-thread task in the render', longest),
      row('  blocking time in the render (tasks > 50)', blocking),
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

declare global {
  interface Window {
    __lineageBench?: { nodes: number; edges: number; layoutMs: number; renderMs?: number; drawn?: number; longestTaskMs?: number; blockingMs?: number };
  }
}

async function main() {
  const size = option('size', 500);
  const runs = option('runs', 0);
  console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the start`);
  console.log(`Lineage graph of ${size} entities; times in ms${' '.repeat(8)}    min   median     p90`);
  for (const line of timeInNode(size, runs || 10)) console.log(line);
  for (const line of await timeInChromium(size, runs || 5)) console.log(line);
}

await main();
