// A tiny logger: one line per event, never a token. Anything that looks like a bearer token or JWT
// is redacted before it is written.

export interface Logger {
  info(message: string): void;
  warn(message: string, err?: unknown): void;
  error(message: string, err?: unknown): void;
}

const SECRETISH = /(Bearer\s+)[^\s"']+|eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

export function redactSecrets(text: string): string {
  return text.replace(SECRETISH, (match, bearer: string | undefined) => (bearer ? `${bearer}[redacted]` : '[redacted-jwt]'));
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `\ncaused by ${err.cause.name}: ${err.cause.message}` : '';
    return `${err.name}: ${err.message}${err.stack ? `\n${err.stack.split('\n').slice(1, 6).join('\n')}` : ''}${cause}`;
  }
  return String(err);
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: string, message: string, err?: unknown) =>
    write(redactSecrets(`${new Date().toISOString()} ${level} ${message}${err === undefined ? '' : ` — ${describe(err)}`}`));
  return {
    info: (m) => log('info', m),
    warn: (m, e) => log('warn', m, e),
    error: (m, e) => log('error', m, e),
  };
}

/** For tests: collects lines instead of writing them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger((l) => lines.push(l)), { lines });
}
