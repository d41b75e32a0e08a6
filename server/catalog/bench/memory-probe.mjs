// BENCHMARK ONLY — never loaded by `npm start`. bench:load (load-sessions.ts) loads it into Nansen's
// processes (the BFF and, through the inherited environment, the catalog's) with
// NODE_OPTIONS=--import=<this file> and NANSEN_BENCH_MEMORY_DIR set: every NANSEN_BENCH_MEMORY_MS
// (default 1000) it appends the process's memory, process.memoryUsage() in bytes, as one JSON line
// to <dir>/<pid>.ndjson, so that the benchmark can print each process's V8 heap next to the RSS it
// reads from /proc. The heap in use is a saw-tooth (it climbs until V8 collects, and with little
// traffic that can take minutes), so it also writes `liveHeap`: the heap in use just after the last
// full (mark-compact) collection, seen through a PerformanceObserver — it forces no collection.
// Without NANSEN_BENCH_MEMORY_DIR it does nothing. Plain JavaScript: loaded before tsx's loader.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const dir = process.env.NANSEN_BENCH_MEMORY_DIR;
if (dir) {
  const file = join(dir, `${process.pid}.ndjson`);
  const every = Math.max(100, Number(process.env.NANSEN_BENCH_MEMORY_MS) || 1000);
  let liveHeap = null;
  let fullCollections = 0;
  new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) return;
    fullCollections++;
    liveHeap = process.memoryUsage().heapUsed;
  }).observe({ entryTypes: ['gc'] });
  const write = () => {
    const m = process.memoryUsage();
    const line = { t: Date.now(), rss: m.rss, heapUsed: m.heapUsed, liveHeap, fullCollections, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // The benchmark removed its directory: it is over.
    }
  };
  write();
  setInterval(write, every).unref();
}
