// Forks the embedded catalog into its own process (catalog-main.ts) so that its synchronous SQLite
// work never stalls the BFF's event loop, and keeps it on a short leash: settings over IPC, its log
// lines forwarded with a "[catalog]" prefix (with LOG_FORMAT=json: as JSON objects with "source":"catalog"), resolved only once it is serving (the "ready" message),
// a crash reported through `onCrash`, and a stop by pid (SIGTERM, then SIGKILL after a grace period).
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { redactSecrets, type Logger, type LogFormat } from '../http/logger';
import { StartUpError } from '../start-up/start-up-error';
import { isFromCatalogProcess, type CatalogProcessSettings, type ToCatalogProcess } from './catalog-process-protocol';

const ENTRY = fileURLToPath(new URL('./catalog-main.ts', import.meta.url));
const STOP_GRACE_MS = 8_000;

export interface CatalogProcess {
  pid: number;
  /** SIGTERM to the catalog's pid; SIGKILL if it has not exited within the grace period. */
  stop(): Promise<void>;
}

/** Settings that hold secrets the catalog never needs (it checks tokens with the issuer's public keys). */
const SECRET_SETTING = /SECRET|PASSWORD|PRIVATE_KEY|_TOKEN$|REDIS_URL/;

/** The environment for the catalog's process: Nansen's, without its secrets. */
export function catalogProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_SETTING.test(name)));
}

export interface StartCatalogProcessOptions {
  settings: CatalogProcessSettings;
  /** The catalog process's environment (pass it through catalogProcessEnv); its settings come over IPC. */
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Called once if the catalog exits after it was ready and before stop() was called. */
  onCrash(description: string): void;
  /** Where the catalog's output goes, one line at a time; default the parent's stderr. */
  writeLine?: (line: string) => void;
  /** LOG_FORMAT: the catalog's process logs in it too; with json every line it writes is passed on as a JSON object. Default text. */
  logFormat?: LogFormat;
}

/** Which of the catalog process's streams a line came from. */
export type CatalogStream = 'stdout' | 'stderr';

/**
 * A line of the catalog process's output as the BFF writes it. Text: prefixed `[catalog]`. JSON: the
 * catalog's own JSON line (its time, level, message and request id kept) with `"source":"catalog"`;
 * anything else it printed (Node's warnings, a crash's stack) wrapped in one, line by line, so that
 * with LOG_FORMAT=json every line of Nansen's output is a JSON object.
 */
export function catalogLogLine(line: string, stream: CatalogStream, format: LogFormat, now: () => Date = () => new Date()): string {
  if (format === 'text') return `[catalog] ${line}`;
  const parsed = parseJsonObject(line);
  if (parsed) {
    const { time, level, ...rest } = parsed;
    return JSON.stringify({ time, level, source: 'catalog', ...rest });
  }
  return redactSecrets(JSON.stringify({ time: now().toISOString(), level: stream === 'stderr' ? 'warn' : 'info', source: 'catalog', msg: line }));
}

function parseJsonObject(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function forward(input: Readable, stream: CatalogStream, format: LogFormat, writeLine: (line: string) => void) {
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) => writeLine(catalogLogLine(line, stream, format)));
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

export function startCatalogProcess({ settings, env, logger, onCrash, writeLine = (line) => process.stderr.write(`${line}\n`), logFormat = 'text' }: StartCatalogProcessOptions): Promise<CatalogProcess> {
  // tsx's loader for the .ts entry; the settings go over IPC.
  const child: ChildProcess = fork(ENTRY, [], {
    env,
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  const whereItsLinesAre = logFormat === 'json' ? 'with "source":"catalog"' : 'prefixed [catalog]';
  logger.info(`starting the embedded catalog (pid ${child.pid}); the BFF listens once it is ready`);
  forward(child.stdout!, 'stdout', logFormat, writeLine);
  forward(child.stderr!, 'stderr', logFormat, writeLine);
  let ready = false;
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If Nansen exits without stopping it (a failed start, a signal while a big demo catalog is still
  // being built — the child is busy in synchronous work then and would notice the closed IPC channel
  // only when done), it goes too. A half-built demo catalog is never renamed into place, so this is safe.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));

  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<CatalogProcess>((resolve, reject) => {
    child.once('error', (err) => {
      if (!ready) reject(new Error(`The embedded catalog's process could not be started: ${err.message}`));
    });
    child.on('message', (message: unknown) => {
      if (!isFromCatalogProcess(message)) return;
      if (message.type === 'failed') {
        reject(new StartUpError(`The embedded catalog could not start: ${message.message}`));
      } else if (!ready) {
        ready = true;
        resolve({ pid: child.pid!, stop });
      }
    });
    child.once('exit', (code, signal) => {
      if (!ready) {
        reject(new StartUpError(`The embedded catalog's process (pid ${child.pid}) ${describeExit(code, signal)} before it was ready; its messages are above, ${whereItsLinesAre}.`));
      } else if (!stopping) {
        const description = `The embedded catalog's process (pid ${child.pid}) ${describeExit(code, signal)} unexpectedly; its last messages are above, ${whereItsLinesAre}.`;
        logger.error(description);
        onCrash(description);
      }
    });
    const start: ToCatalogProcess = { type: 'start', settings: { ...settings, logFormat } };
    child.send(start);
  });
}
