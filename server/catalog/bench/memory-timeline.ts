// bench:load's memory samples: every few seconds of the load, the RSS (from /proc) and V8 heap
// (from memory-probe.mjs) of each of Nansen's processes, the CPU time each (and this load client)
// has used, and the requests answered so far; then the timeline as a table and a verdict per process
// and measure (memory-trend.ts). The CPU columns say which process the load saturates.
import { cpuSeconds, rssMiB } from './bench-app';
import { describeVerdict, GROWTH_LIMIT_MIB, GROWTH_LIMIT_SHARE, judgeMemory, lastHeap, warmUpSeconds, type HeapReading, type MemoryVerdict } from './memory-trend';

export interface WatchedProcess {
  name: string;
  pid: number;
}

interface Sample {
  /** Seconds since the load started. */
  at: number;
  requests: number;
  rss: (number | undefined)[];
  heap: (HeapReading | undefined)[];
  /** CPU seconds used so far by each process, then by this client. */
  cpu: (number | undefined)[];
}

const orNothing = <T>(read: () => T) => {
  try {
    return read();
  } catch {
    return undefined; // the process is gone
  }
};
const clientCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export class MemoryTimeline {
  readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private started = 0;

  constructor(
    private readonly processes: readonly WatchedProcess[],
    private readonly probeDir: string,
    private readonly requestsSoFar: () => number,
  ) {}

  /** Samples now and then every `seconds` until stop(). */
  start(seconds: number): void {
    this.started = performance.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), seconds * 1000);
  }

  /** The last sample, at the end of the load. */
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    this.samples.push({
      at: (performance.now() - this.started) / 1000,
      requests: this.requestsSoFar(),
      rss: this.processes.map((p) => orNothing(() => rssMiB(p.pid))),
      heap: this.processes.map((p) => lastHeap(this.probeDir, p.pid)),
      cpu: [...this.processes.map((p) => orNothing(() => cpuSeconds(p.pid))), clientCpuSeconds()],
    });
  }

  /** The timeline (Markdown), then one verdict line per process and measure. Answers whether any grew. */
  report(runSeconds: number, print: (line: string) => void): { grows: boolean; verdicts: MemoryVerdict[] } {
    const mib = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(0)}`);
    const cpuNames = [...this.processes.map((p) => p.name), 'client'];
    /** CPU use between two samples, % of one core. */
    const cpuShare = (from: Sample, to: Sample, k: number) => {
      const [a, b] = [from.cpu[k], to.cpu[k]];
      return a === undefined || b === undefined || to.at <= from.at ? '–' : `${(((b - a) / (to.at - from.at)) * 100).toFixed(0)} %`;
    };
    const columns = [...this.processes.flatMap((p) => [`${p.name} RSS`, `${p.name} heap`, `${p.name} live`]), ...cpuNames.map((n) => `${n} CPU`)];
    print('\nmemory during the load, MiB: RSS from /proc; heap = V8 heap in use and live = in use after the last full collection');
    print('(memory-probe.mjs; – before the first); CPU since the sample before, % of one core:');
    print(`| s | req/s | ${columns.join(' | ')} |\n|---|---|${columns.map(() => '---|').join('')}`);
    this.samples.forEach((s, i) => {
      const before = this.samples[i - 1];
      const rate = before && s.at > before.at ? ((s.requests - before.requests) / (s.at - before.at)).toFixed(0) : '';
      const cells = this.processes.flatMap((_, k) => [mib(s.rss[k]), mib(s.heap[k]?.inUse), mib(s.heap[k]?.live)]);
      const cpu = cpuNames.map((_, k) => (before ? cpuShare(before, s, k) : ''));
      print(`| ${s.at.toFixed(0)} | ${rate} | ${[...cells, ...cpu].join(' | ')} |`);
    });
    const [first, last] = [this.samples[0], this.samples.at(-1)];
    if (first && last && last !== first) print(`CPU over the whole load: ${cpuNames.map((n, k) => `${n} ${cpuShare(first, last, k)}`).join(', ')} of one core`);
    print(`\nverdict (first ${warmUpSeconds(runSeconds).toFixed(0)} s left out as warm-up; median of the last third of the rest vs. its first third; ` +
      `"grows" = up by more than ${GROWTH_LIMIT_MIB} MiB and more than ${GROWTH_LIMIT_SHARE * 100} %):`);
    const verdicts: MemoryVerdict[] = [];
    this.processes.forEach((p, k) => {
      const rss = this.samples.flatMap((s) => (s.rss[k] === undefined ? [] : [{ at: s.at, mib: s.rss[k]! }]));
      // A live heap reading counts once, in the first sample after the full collection that made it.
      const live = this.samples.flatMap((s, i) => {
        const [now, before] = [s.heap[k], this.samples[i - 1]?.heap[k]];
        return now?.live !== undefined && before && now.fullCollections > before.fullCollections ? [{ at: s.at, mib: now.live }] : [];
      });
      for (const [measure, points, minimum] of [['RSS', rss, 2], ['live V8 heap', live, 1]] as const) {
        const verdict = judgeMemory(points, runSeconds, minimum);
        verdicts.push(verdict);
        print(`  ${p.name} ${measure}: ${describeVerdict(verdict)}`);
      }
    });
    return { grows: verdicts.some((v) => v.verdict === 'grows'), verdicts };
  }
}
