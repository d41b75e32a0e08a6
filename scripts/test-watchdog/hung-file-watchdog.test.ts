// The hung-file watchdog: its rule with a fake clock, then once for real, on a vitest run of a file that
// blocks its worker for good (fixtures/hangs.fixture.ts, outside the project's test pattern).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule, Vitest } from 'vitest/node';
import projectConfig from '../../vite.config';
import { DEFAULT_TIME_LIMIT_SECONDS, fileTimeLimitMs, HungFileWatchdog, overdueFiles } from './hung-file-watchdog';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const VITEST_CLI = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

const module = (path: string) => ({ moduleId: `/repo/${path}` }) as TestModule;

describe('fileTimeLimitMs', () => {
  it('is ten minutes unless TEST_FILE_TIME_LIMIT_SECONDS says otherwise, and refuses what is not a time', () => {
    expect(fileTimeLimitMs({})).toBe(DEFAULT_TIME_LIMIT_SECONDS * 1000);
    expect(DEFAULT_TIME_LIMIT_SECONDS).toBe(600);
    expect(fileTimeLimitMs({ TEST_FILE_TIME_LIMIT_SECONDS: ' 1.5 ' })).toBe(1500);
    for (const bad of ['0', '-3', 'ten', 'Infinity']) expect(() => fileTimeLimitMs({ TEST_FILE_TIME_LIMIT_SECONDS: bad })).toThrow(`TEST_FILE_TIME_LIMIT_SECONDS must be a number of seconds above 0 (it is "${bad}")`);
  });
});

describe("the project's test config", () => {
  it('keeps the default reporter and adds the watchdog', () => {
    const reporters = projectConfig.test?.reporters;
    expect(Array.isArray(reporters) && reporters[0]).toBe('default');
    expect(Array.isArray(reporters) && reporters.filter((r) => r instanceof HungFileWatchdog)).toHaveLength(1);
  });
});

describe('overdueFiles', () => {
  it('lists the files running longer than the limit, longest first', () => {
    const started = new Map([['a', 0], ['b', 500], ['c', 100]]);
    expect(overdueFiles(started, 1000, 600)).toEqual([{ file: 'a', ms: 1000 }, { file: 'c', ms: 900 }]);
    expect(overdueFiles(started, 600, 600)).toEqual([]);
  });
});

describe('HungFileWatchdog with a fake clock', () => {
  afterEach(() => {
    vi.useRealTimers();
    process.exitCode = undefined;
  });

  function start(limitMs: number) {
    vi.useFakeTimers();
    const logged: string[] = [];
    const cancelCurrentRun = vi.fn(async () => {});
    const exit = vi.fn();
    const watchdog = new HungFileWatchdog({
      limitMs,
      forceAfterMs: 5_000,
      exitAfterMs: 60_000,
      exit,
      clock: { now: () => Date.now(), setInterval: (fn, ms) => setInterval(fn, ms), setTimeout: (fn, ms) => setTimeout(fn, ms), clearInterval: (h) => clearInterval(h) },
    });
    watchdog.onInit({ config: { root: '/repo' }, logger: { error: (text: string) => logged.push(text) }, cancelCurrentRun } as unknown as Vitest);
    watchdog.onTestRunStart();
    return { watchdog, logged, cancelCurrentRun, exit };
  }

  it('names the file still running past the limit, with the hint, and ends the run: cancel, a forced cancel, then exit 1', async () => {
    const { watchdog, logged, cancelCurrentRun, exit } = start(600_000);
    watchdog.onTestModuleQueued(module('server/slow.test.ts'));
    watchdog.onTestModuleQueued(module('client/quick.test.tsx'));
    await vi.advanceTimersByTimeAsync(300_000);
    watchdog.onTestModuleEnd(module('client/quick.test.tsx'));
    await vi.advanceTimersByTimeAsync(299_000);
    expect(logged).toEqual([]);
    expect(cancelCurrentRun).not.toHaveBeenCalled();

    // Checked every 30 s: named within 30 s of the limit (at 630 s; at 600 s it was not over it yet).
    await vi.advanceTimersByTimeAsync(1_000);
    expect(logged).toEqual([]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('Test file running longer than 600 s, ending the run:\n  server/slow.test.ts (running for 630 s)');
    expect(logged[0]).not.toContain('quick');
    expect(logged[0]).toContain('Run the file alone to see where: npx vitest run server/slow.test.ts');
    expect(logged[0]).toContain('TEST_FILE_TIME_LIMIT_SECONDS');
    expect(process.exitCode).toBe(1);
    expect(cancelCurrentRun).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(cancelCurrentRun).toHaveBeenCalledTimes(2);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(54_999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(logged).toHaveLength(1);
  });

  it('says nothing of files that end within the limit, nor after the run has ended', async () => {
    const { watchdog, logged, cancelCurrentRun } = start(1_000);
    watchdog.onTestModuleQueued(module('a.test.ts'));
    await vi.advanceTimersByTimeAsync(900);
    watchdog.onTestModuleEnd(module('a.test.ts'));
    watchdog.onTestModuleQueued(module('b.test.ts'));
    await vi.advanceTimersByTimeAsync(900);
    watchdog.onTestRunEnd();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(logged).toEqual([]);
    expect(cancelCurrentRun).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('HungFileWatchdog in a real vitest run', () => {
  it('ends a run whose file blocks its worker: exit code 1, the file named, its worker stopped, in seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hung-file-'));
    const pidFile = join(dir, 'pid');
    // The child is a vitest of its own: none of this run's worker settings.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS'));
    const started = Date.now();
    const child = spawn(process.execPath, [VITEST_CLI, 'run', '--config', 'vitest.config.ts'], {
      cwd: FIXTURES,
      env: { ...env, TEST_FILE_TIME_LIMIT_SECONDS: '1', HANG_FIXTURE_PID_FILE: pidFile, NO_COLOR: '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: should the watchdog fail, the whole run (the blocked worker too) is killed below.
      detached: true,
    });
    const killAll = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 25_000);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const elapsed = Date.now() - started;
    clearTimeout(killAll);
    try {
      expect(code, output).toBe(1);
      expect(output).toContain('Test file running longer than 1 s, ending the run:\n  hangs.fixture.ts (running for ');
      expect(output).not.toMatch(/passes\.fixture\.ts \(running for/);
      expect(elapsed).toBeLessThan(20_000);
      // The blocked worker did not outlive the run.
      const pid = Number(readFileSync(pidFile, 'utf8'));
      expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
