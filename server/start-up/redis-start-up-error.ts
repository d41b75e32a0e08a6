// SESSION_STORE=redis with a Redis that cannot be reached at start-up is the operator's to fix: one
// line naming REDIS_URL (its password hidden), what happened and what to check — not a stack trace.
import { redactUrlPassword } from '../config/show-setting-value';
import { StartUpError } from './start-up-error';

/** The session store's "Cannot connect to Redis at REDIS_URL (host): <reason>. Check …" — its reason. */
const CANNOT_CONNECT = /^Cannot connect to Redis at REDIS_URL \([^)]*\): (.*?)\.? Check REDIS_URL and that Redis is running\.$/s;

/** The StartUpError for a Redis session store that could not be opened at `redisUrl`. */
export function redisStartUpError(err: unknown, redisUrl: string): StartUpError {
  const message = err instanceof Error ? err.message : String(err);
  let reason = CANNOT_CONNECT.exec(message)?.[1] ?? message;
  // The reason is the Redis client's, which might quote the URL: its password never reaches the log.
  const written = URL.canParse(redisUrl) ? new URL(redisUrl).password : '';
  for (const password of written ? [written, safeDecode(written)] : []) reason = reason.split(password).join('***');
  const shown = redactUrlPassword(redisUrl, { dropQuery: true }) ?? 'not a URL';
  return new StartUpError(
    `Cannot connect to Redis at REDIS_URL (${shown}): ${reason.replace(/\s+/g, ' ').trim()}. Check REDIS_URL (host, port, password; rediss:// for TLS) and that Redis is running and reachable from this machine, or set SESSION_STORE=sqlite to keep sessions on this machine.`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
