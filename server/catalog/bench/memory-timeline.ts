// bench:load's memory samples: every few seconds of the load, the RSS (from /proc) and V8 heap
// (from memory-probe.mjs) of each of Nansen's processes and the requests answered so far; then the
// timeline as a table and a verdict per process and measure (memory-trend.ts).
import { rssMiB } from './bench-app';
import { describeVerdict, GROWTH_LIMIT_MIB, GROWTH_LIMIT_SHARE, judgeMemory, lastHeapMiB, warmUpSeconds, type MemoryVerdict } from './memory-trend';

export interface WatchedProcess {
  name: string;
  pid: number;
}

interface Sample {
  /** Seconds since the load started. */
  at: number;
  requests: number;
  rss: (number | undefined)[];
  heap: (number | undefined)[];
}

const readRss = (pid: number) => {
  try {
    return rssMiB(pid);
  } catch {
    return undefined; // the process is gone
  }
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
      rss: this.processes.map((p) => readRss(p.pid)),
      heap: this.processes.map((p) => lastHeapMiB(this.probeDir, p.pid)),
    });
  }

  /** The timeline (Markdown), then one verdict line per process and measure. Answers whether any grew. */
  report(runSeconds: number, print: (line: string) => void): { grows: boolean; verdicts: MemoryVerdict[] } {
    const mib = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(0)}`);
    const columns = this.processes.flatMap((p) => [`${p.name} RSS`, `${p.name} heap`]);
    print(`\nmemory during the load, MiB (RSS from /proc; heap = V8 heap in use, from memory-probe.mjs):`);
    print(`| s | req/s | ${columns.join(' | ')} |\n|---|---|${columns.map(() => '---|').join('')}`);
    this.samples.forEach((s, i) => {
      const before = this.samples[i - 1];
      const rate = before && s.at > before.at ? ((s.requests - before.requests) / (s.at - before.at)).toFixed(0) : '';
      const cells = this.processes.flatMap((_, k) => [mib(s.rss[k]), mib(s.heap[k])]);
      print(`| ${s.at.toFixed(0)} | ${rate} | ${cells.join(' | ')} |`);
    });
    print(`\nverdict (first ${warmUpSeconds(runSeconds).toFixed(0)} s left out as warm-up; median of the last third of the rest vs. its first third; ` +
      `"grows" = up by more than ${GROWTH_LIMIT_MIB} MiB and more than ${GROWTH_LIMIT_SHARE * 100} %):`);
    const verdicts: MemoryVerdict[] = [];
    this.processes.forEach((p, k) => {
      for (const [measure, values] of [['RSS', this.samples.map((s) => s.rss[k])], ['V8 heap', this.samples.map((s) => s.heap[k])]] as const) {
        const points = this.samples.flatMap((s, i) => (values[i] === undefined ? [] : [{ at: s.at, mib: values[i]! }]));
        const verdict = judgeMemory(points, runSeconds);
        verdicts.push(verdict);
        print(`  ${p.name} ${measure}: ${describeVerdict(verdict)}`);
      }
    });
    return { grows: verdicts.some((v) => v.verdict === 'grows'), verdicts };
  }
}
