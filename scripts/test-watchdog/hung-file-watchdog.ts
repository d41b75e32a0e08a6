// A vitest reporter that ends a run when a test file has been running longer than a limit, naming the
// file. Vitest has no per-file watchdog: a worker stuck in native code (a Node 20 deadlock left one
// fork at 0 % CPU for good) never reaches its own test timeouts, whose timers need its event loop, so
// the run waited until CI's 90-minute limit, with no word of which file. This runs in the main vitest
// process, which is not stuck: it notes when a worker starts a file (`onTestModuleQueued`, before the
// file is imported, so a hang while importing counts) and when the file is done (`onTestModuleEnd`,
// also sent for a file that failed to import).
//
// Past the limit it prints the files still running and what to do, and cancels the run (the run ends
// "interrupted", exit code 1). A worker that cannot answer the cancel is killed by a second cancel
// (vitest's Ctrl+C twice: SIGTERM, then SIGKILL), and if vitest still has not finished after that, the
// process exits with code 1 by itself.
//
// The limit is TEST_FILE_TIME_LIMIT_SECONDS (default 600, ten minutes: generous, a file is not meant to
// take more than a minute or two, even on a loaded machine).
import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export const TIME_LIMIT_ENV = 'TEST_FILE_TIME_LIMIT_SECONDS';
export const DEFAULT_TIME_LIMIT_SECONDS = 600;

/** The limit from the environment, in milliseconds; a value that is not a positive number is an error, not ignored. */
export function fileTimeLimitMs(env: Record<string, string | undefined>): number {
  const raw = env[TIME_LIMIT_ENV]?.trim();
  if (!raw) return DEFAULT_TIME_LIMIT_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${TIME_LIMIT_ENV} must be a number of seconds above 0 (it is "${raw}")`);
  return seconds * 1000;
}

/** The files running longer than `limitMs` at `now`, longest first, with how long they have been running. */
export function overdueFiles(startedAt: ReadonlyMap<string, number>, now: number, limitMs: number): { file: string; ms: number }[] {
  return [...startedAt]
    .map(([file, start]) => ({ file, ms: now - start }))
    .filter((entry) => entry.ms > limitMs)
    .sort((a, b) => b.ms - a.ms);
}

export interface WatchdogClock {
  now: () => number;
  setInterval: (callback: () => void, ms: number) => ReturnType<typeof setInterval>;
  setTimeout: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearInterval: (handle: ReturnType<typeof setInterval>) => void;
}

export interface HungFileWatchdogOptions {
  limitMs: number;
  /** Between the first cancel and the second, which kills the workers that did not stop. */
  forceAfterMs?: number;
  /** After the first cancel: exit with code 1 if vitest has not ended the process by then. */
  exitAfterMs?: number;
  clock?: WatchdogClock;
  exit?: (code: number) => void;
}

const realClock: WatchdogClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle),
};

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export class HungFileWatchdog implements Reporter {
  private vitest: Vitest | undefined;
  private readonly startedAt = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private fired = false;
  private readonly limitMs: number;
  private readonly forceAfterMs: number;
  private readonly exitAfterMs: number;
  private readonly clock: WatchdogClock;
  private readonly exit: (code: number) => void;

  constructor(options: HungFileWatchdogOptions) {
    this.limitMs = options.limitMs;
    this.forceAfterMs = options.forceAfterMs ?? 5_000;
    this.exitAfterMs = options.exitAfterMs ?? 60_000;
    this.clock = options.clock ?? realClock;
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  onInit(vitest: Vitest) {
    this.vitest = vitest;
    this.reset();
  }

  onTestRunStart() {
    this.reset();
  }

  onTestModuleQueued(testModule: TestModule) {
    this.startedAt.set(testModule.moduleId, this.clock.now());
    // Checked ten times per limit (at most every 30 s): a hung file is named within a tenth of the limit after it.
    this.timer ??= this.clock.setInterval(() => this.check(), Math.min(30_000, Math.max(50, this.limitMs / 10)));
  }

  onTestModuleEnd(testModule: TestModule) {
    this.startedAt.delete(testModule.moduleId);
  }

  onTestRunEnd() {
    this.reset();
  }

  private reset() {
    if (this.timer !== undefined) this.clock.clearInterval(this.timer);
    this.timer = undefined;
    this.startedAt.clear();
    this.fired = false;
  }

  private check() {
    const overdue = overdueFiles(this.startedAt, this.clock.now(), this.limitMs);
    if (overdue.length === 0 || this.fired) return;
    this.fired = true;
    const root = this.vitest?.config.root ?? process.cwd();
    const files = overdue.map(({ file, ms }) => `  ${relative(root, file)} (running for ${seconds(ms)})`);
    const message = [
      '',
      `Test file running longer than ${seconds(this.limitMs)}, ending the run:`,
      ...files,
      '',
      'A worker that stays at 0 % CPU is stuck (a deadlock in native code, such as the one seen on Node 20, never reaches',
      `the test timeouts). Run the file alone to see where: npx vitest run ${relative(root, overdue[0]!.file)}`,
      `The limit is ${TIME_LIMIT_ENV} (seconds; ${DEFAULT_TIME_LIMIT_SECONDS} unless set).`,
      '',
    ].join('\n');
    if (this.vitest) this.vitest.logger.error(message);
    else process.stderr.write(`${message}\n`);
    process.exitCode = 1;
    void this.vitest?.cancelCurrentRun('test-failure');
    // A second cancel, as Ctrl+C twice: stops the workers that did not (SIGTERM, then SIGKILL).
    this.clock.setTimeout(() => void this.vitest?.cancelCurrentRun('test-failure'), this.forceAfterMs);
    this.clock.setTimeout(() => this.exit(1), this.exitAfterMs);
  }
}
