// Memory over a load run (bench:load): RSS of a process from /proc, its V8 heap from the
// benchmark-only probe (memory-probe.mjs), and the verdict on whether it grew. The verdict is on the
// RSS and on the live heap (in use after a full collection): the heap in use at any moment is a
// saw-tooth that says more about when V8 last collected than about a leak. The live heap counts
// only when a full collection happened since the sample before (one in each third is enough): one
// read long ago, e.g. the catalog's after building the demo data, says nothing about this run.
//
// The verdict: the samples of the warm-up (the first sixth of the run, at least 10 s: caches fill,
// the catalog hands back what building the demo took) are left out; the rest is cut in three by
// time, and the median of the last third is compared with the median of the first. Medians, as the
// V8 heap is a saw-tooth between collections. Memory "grows" when that rise is more than
// GROWTH_LIMIT_MIB *and* more than GROWTH_LIMIT_SHARE of the first third's median; falling is fine.
// The least-squares slope over the same samples is printed beside it (MiB per minute).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const GROWTH_LIMIT_MIB = 16;
export const GROWTH_LIMIT_SHARE = 0.1;
const MIB = 1024 * 1024;

/** The environment that loads memory-probe.mjs into Nansen's processes, writing into `dir` every `everyMs`. */
export function memoryProbeEnv(dir: string, everyMs = 1000): Record<string, string> {
  const probe = pathToFileURL(path.join(import.meta.dirname, 'memory-probe.mjs')).href;
  return { NODE_OPTIONS: `--import=${probe}`, NANSEN_BENCH_MEMORY_DIR: dir, NANSEN_BENCH_MEMORY_MS: String(everyMs) };
}

export interface HeapReading {
  /** V8 heap in use now, MiB. */
  inUse: number;
  /** V8 heap in use after the last full collection, MiB; undefined before the first. */
  live: number | undefined;
  /** Full collections so far: `live` is new when this went up. */
  fullCollections: number;
}

/** The V8 heap in the probe's last line for `pid`; undefined when there is none yet. */
export function lastHeap(dir: string, pid: number): HeapReading | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, `${pid}.ndjson`), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const { heapUsed, liveHeap, fullCollections } = JSON.parse(lines[i]!) as { heapUsed?: unknown; liveHeap?: unknown; fullCollections?: unknown };
      if (typeof heapUsed === 'number') {
        return { inUse: heapUsed / MIB, live: typeof liveHeap === 'number' ? liveHeap / MIB : undefined, fullCollections: typeof fullCollections === 'number' ? fullCollections : 0 };
      }
    } catch {
      // a line cut short while being written: take the one before
    }
  }
  return undefined;
}

export interface MemoryPoint {
  /** Seconds since the load started. */
  at: number;
  mib: number;
}

export type MemoryVerdict =
  | { verdict: 'too few samples'; samples: number }
  | { verdict: 'stable' | 'grows'; warmUpSeconds: number; firstMiB: number; lastMiB: number; growthMiB: number; growthShare: number; slopeMiBPerMin: number; samples: number };

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Least-squares slope of MiB over time, per minute. */
function slopePerMinute(points: readonly MemoryPoint[]): number {
  const n = points.length;
  const meanT = points.reduce((s, p) => s + p.at, 0) / n;
  const meanM = points.reduce((s, p) => s + p.mib, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.at - meanT) * (p.mib - meanM);
    den += (p.at - meanT) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

export const warmUpSeconds = (runSeconds: number) => Math.max(10, runSeconds / 6);

/**
 * The verdict on one process's memory over a run of `runSeconds` (see the top of this file); none
 * without `minimum` samples in the first and in the last third.
 */
export function judgeMemory(points: readonly MemoryPoint[], runSeconds: number, minimum = 2): MemoryVerdict {
  const warmUp = warmUpSeconds(runSeconds);
  const kept = points.filter((p) => p.at >= warmUp && Number.isFinite(p.mib));
  const span = runSeconds - warmUp;
  const first = kept.filter((p) => p.at < warmUp + span / 3);
  const last = kept.filter((p) => p.at >= warmUp + (2 * span) / 3);
  if (first.length < minimum || last.length < minimum) return { verdict: 'too few samples', samples: kept.length };
  const firstMiB = median(first.map((p) => p.mib));
  const lastMiB = median(last.map((p) => p.mib));
  const growthMiB = lastMiB - firstMiB;
  const growthShare = growthMiB / firstMiB;
  const grows = growthMiB > GROWTH_LIMIT_MIB && growthShare > GROWTH_LIMIT_SHARE;
  return { verdict: grows ? 'grows' : 'stable', warmUpSeconds: warmUp, firstMiB, lastMiB, growthMiB, growthShare, slopeMiBPerMin: slopePerMinute(kept), samples: kept.length };
}

/** One line for the printout, e.g. `stable: 212 → 215 MiB (+3 MiB, +1.4 %; +0.9 MiB/min over 10 samples)`. */
export function describeVerdict(v: MemoryVerdict): string {
  if (v.verdict === 'too few samples') return `too few samples for a verdict (${v.samples} after the warm-up: run longer or sample more often)`;
  const sign = (n: number) => (n >= 0 ? '+' : '−');
  return `${v.verdict.toUpperCase()}: median ${v.firstMiB.toFixed(0)} → ${v.lastMiB.toFixed(0)} MiB (${sign(v.growthMiB)}${Math.abs(v.growthMiB).toFixed(0)} MiB, ${sign(v.growthShare)}${Math.abs(v.growthShare * 100).toFixed(1)} %; slope ${sign(v.slopeMiBPerMin)}${Math.abs(v.slopeMiBPerMin).toFixed(1)} MiB/min over ${v.samples} samples)`;
}
