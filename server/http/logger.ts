// A tiny logger: one line per event, never a token. Anything that looks like a bearer token or JWT
// is redacted before it is written. Text lines for people (the default in development), or one JSON
// object per line for log collectors (LOG_FORMAT=json, the default in production). A line written
// while a request is handled carries that request's id (request-context.ts).
import { describeUpstreamError, UpstreamError } from './errors';
import { currentRequestId } from './request-context';

export interface Logger {
  info(message: string, fields?: LogFields): void;
  /** `fields` as info's: a warning that is one structured line rather than an error's stack. */
  warn(message: string, err?: unknown, fields?: LogFields): void;
  error(message: string, err?: unknown): void;
}

/** Extra fields for a JSON line (in text, `key=value` after the message); never headers or bodies. */
export type LogFields = Record<string, string | number | boolean | null>;

export type LogFormat = 'json' | 'text';

const SECRETISH = /(Bearer\s+)[^\s"']+|eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

export function redactSecrets(text: string): string {
  return text.replace(SECRETISH, (match, bearer: string | undefined) => (bearer ? `${bearer}[redacted]` : '[redacted-jwt]'));
}

// An UpstreamError (a timeout, a refused connection, a 5xx) is an expected operational failure: one
// line, no stack, wherever it is logged (decision 031). Anything else may be a bug and keeps its stack.
function describe(err: unknown): string {
  if (err instanceof UpstreamError) return describeUpstreamError(err);
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `\ncaused by ${err.cause.name}: ${err.cause.message}` : '';
    return `${err.name}: ${err.message}${err.stack ? `\n${err.stack.split('\n').slice(1, 6).join('\n')}` : ''}${cause}`;
  }
  return String(err);
}

function errorFields(err: unknown): LogFields {
  if (err instanceof UpstreamError) return { error: describeUpstreamError(err) };
  if (err instanceof Error) {
    return { error: `${err.name}: ${err.message}`, ...(err.stack ? { stack: err.stack.split('\n').slice(1, 6).map((l) => l.trim()).join(' | ') } : {}) };
  }
  return { error: String(err) };
}

function textFields(fields: LogFields | undefined): string {
  if (!fields) return '';
  return Object.entries(fields).map(([k, v]) => ` ${k}=${typeof v === 'string' && /[\s"=]/.test(v) ? JSON.stringify(v) : String(v)}`).join('');
}

/** Past this many characters pending, lines are written at once rather than when the batch's time is up. */
const BATCH_MAX_CHARS = 64 * 1024;

/** How long the first line of a batch may wait for others before they are written together. */
export const BATCH_MAX_WAIT_MS = 20;

/**
 * Lines are written in batches: the first line of a batch waits at most BATCH_MAX_WAIT_MS for others, and
 * all go out in one write. Writes to a pipe or file are synchronous system calls, and under load the
 * access log wrote about one per request (a batch per event-loop turn did not help: a turn under load
 * holds about one request). The pending lines are also written when the process exits (process.exit,
 * an uncaught exception); only a kill -9 or a crash of Node itself can lose the last batch's lines.
 */
export function createBatchedWrite(
  stream: { write(text: string): unknown } = process.stderr,
  onExit: (flush: () => void) => void = (flush) => process.on('exit', flush),
): (line: string) => void {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const text = pending;
    pending = '';
    stream.write(text);
  };
  onExit(flush);
  return (line) => {
    // Unref'd: a batch waiting to be written never keeps the process alive; the exit flush writes it.
    if (!pending) timer = setTimeout(flush, BATCH_MAX_WAIT_MS).unref();
    pending += `${line}\n`;
    if (pending.length > BATCH_MAX_CHARS) flush();
  };
}

export function createLogger(
  write: (line: string) => void = createBatchedWrite(),
  options: { format?: LogFormat } = {},
): Logger {
  const format = options.format ?? 'text';
  const log = (level: string, message: string, err?: unknown, fields?: LogFields) => {
    const requestId = currentRequestId();
    if (format === 'json') {
      const entry = {
        time: new Date().toISOString(), level, msg: message,
        ...(requestId ? { request_id: requestId } : {}), ...fields, ...(err === undefined ? {} : errorFields(err)),
      };
      write(redactSecrets(JSON.stringify(entry)));
      return;
    }
    const id = requestId ? ` [${requestId}]` : '';
    write(redactSecrets(`${new Date().toISOString()} ${level}${id} ${message}${textFields(fields)}${err === undefined ? '' : ` — ${describe(err)}`}`));
  };
  return {
    info: (m, f) => log('info', m, undefined, f),
    warn: (m, e, f) => log('warn', m, e, f),
    error: (m, e) => log('error', m, e),
  };
}

/** For tests: collects lines instead of writing them. */
export function createMemoryLogger(options: { format?: LogFormat } = {}): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger((l) => lines.push(l), options), { lines });
}
