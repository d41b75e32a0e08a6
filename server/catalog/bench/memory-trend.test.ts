import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeVerdict, judgeMemory, lastHeap, type MemoryPoint } from './memory-trend';

/** A sample every 5 s over `seconds`, memory from `mibAt(t)`. */
const run = (seconds: number, mibAt: (t: number) => number): MemoryPoint[] =>
  Array.from({ length: seconds / 5 + 1 }, (_, i) => ({ at: i * 5, mib: mibAt(i * 5) }));

describe('judgeMemory', () => {
  it('calls memory that rises steadily after the warm-up growing', () => {
    const v = judgeMemory(run(300, (t) => 200 + t * 0.5), 300); // +30 MiB a minute
    expect(v.verdict).toBe('grows');
    if (v.verdict === 'too few samples') return;
    expect(v.growthMiB).toBeGreaterThan(50);
    expect(v.slopeMiBPerMin).toBeCloseTo(30, 5);
  });

  it('leaves out the warm-up: a climb in the first sixth then a plateau is stable', () => {
    const v = judgeMemory(run(300, (t) => (t < 50 ? 100 + t * 4 : 300)), 300);
    expect(v).toMatchObject({ verdict: 'stable', warmUpSeconds: 50, growthMiB: 0 });
  });

  it('calls a saw-tooth around a flat line stable (medians, not the last sample)', () => {
    const v = judgeMemory(run(300, (t) => (t % 20 === 0 ? 260 : 200)), 300);
    expect(v.verdict).toBe('stable');
  });

  it('needs both limits: +20 MiB on 1 GiB (2 %) and +12 % on 100 MiB (12 MiB) are both stable', () => {
    expect(judgeMemory(run(120, (t) => 1024 + (t >= 80 ? 20 : 0)), 120).verdict).toBe('stable');
    expect(judgeMemory(run(120, (t) => 100 + (t >= 80 ? 12 : 0)), 120).verdict).toBe('stable');
    expect(judgeMemory(run(120, (t) => 100 + (t >= 80 ? 20 : 0)), 120).verdict).toBe('grows');
  });

  it('calls falling memory stable', () => {
    expect(judgeMemory(run(120, (t) => 800 - t * 2), 120).verdict).toBe('stable');
  });

  it('takes one sample in each third when told to (the live heap, read after each full collection)', () => {
    const points = [{ at: 20, mib: 50 }, { at: 110, mib: 90 }];
    expect(judgeMemory(points, 120).verdict).toBe('too few samples');
    expect(judgeMemory(points, 120, 1)).toMatchObject({ verdict: 'grows', growthMiB: 40 });
  });

  it('gives no verdict without two samples in the first and the last third', () => {
    expect(judgeMemory(run(20, () => 100), 20)).toEqual({ verdict: 'too few samples', samples: 3 });
    expect(describeVerdict(judgeMemory(run(20, () => 100), 20))).toMatch(/^too few samples/);
  });
});

describe('lastHeap', () => {
  it("reads the heap in use and the live heap of the probe's last complete line, skipping one cut short", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-memory-trend-'));
    try {
      expect(lastHeap(dir, 42)).toBeUndefined();
      const line = (t: number, heapUsed: number, liveHeap: number | null, fullCollections = 0) =>
        `${JSON.stringify({ t, heapUsed: heapUsed * 1024 * 1024, liveHeap: liveHeap && liveHeap * 1024 * 1024, fullCollections })}\n`;
      fs.writeFileSync(path.join(dir, '42.ndjson'), `${line(1, 10, null)}${line(2, 12, null)}{"t":3,"heapU`);
      expect(lastHeap(dir, 42)).toEqual({ inUse: 12, live: undefined, fullCollections: 0 });
      fs.appendFileSync(path.join(dir, '42.ndjson'), `sed":1}\n${line(4, 30, 8, 3)}`);
      expect(lastHeap(dir, 42)).toEqual({ inUse: 30, live: 8, fullCollections: 3 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
