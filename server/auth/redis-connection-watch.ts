// The Redis session store's connection, watched: one warn line when it is lost and one info line when
// it is back (not one per reconnection attempt), the URL's password hidden; and, once it has been lost
// for a while, commands fail at once instead of each waiting for the client's 5-second command
// timeout (a signed-in person's every page would wait 5 s for the same 503).
//
// How: node-redis queues a command while the connection is down and gives up after its command
// timeout; a command whose abort signal is aborted is refused at once, and queued ones are dropped
// when it aborts. The client's one signal (commandOptions.abortSignal) is this watch's: aborted
// while Redis is known to be down, not aborted again as soon as the connection is ready. A blip
// shorter than KNOWN_DOWN_AFTER_MS (a Redis restart) is waited out as before.
import { setMaxListeners } from 'node:events';
import { redactUrlPassword } from '../config/show-setting-value';
import type { Logger } from '../http/logger';

/** How long the connection must have been lost before commands stop waiting for it. */
export const KNOWN_DOWN_AFTER_MS = 3000;

/** What the watch needs of node-redis's client: its events. */
export interface WatchedClient {
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

/** An AbortSignal whose `aborted` comes back to false: node-redis reads `aborted` per command and listens for 'abort'. */
class OutageSignal extends EventTarget {
  aborted = false;
  reason: unknown = undefined;
}

export interface RedisConnectionWatch {
  /** For createClient's commandOptions.abortSignal. */
  readonly signal: AbortSignal;
  /** True while the connection has been lost for KNOWN_DOWN_AFTER_MS or more. */
  readonly knownDown: boolean;
  /**
   * While the connection is lost, what is wrong in words safe for /readyz (a code, never a host or
   * password): "cannot connect (ECONNREFUSED)", else "lost the connection"; undefined while connected.
   */
  readonly problem: string | undefined;
  /** Listens to the client's events (before its first connection: an unheard error event would crash the process). */
  attach(client: WatchedClient): void;
  /** Call once the first connection is made: losses are reported from then on. */
  connected(): void;
  close(): void;
}

/** `url` shown with its password as ***. */
export function shownRedisUrl(url: string): string {
  return redactUrlPassword(url, { dropQuery: true }) ?? 'REDIS_URL (not a URL)';
}

/** Hides the URL's password (as written and decoded) in a message the Redis client wrote. */
function withoutPassword(message: string, url: string): string {
  const written = URL.canParse(url) ? new URL(url).password : '';
  if (!written) return message;
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // kept as written
  }
  return message.split(written).join('***').split(decoded).join('***');
}

export function watchRedisConnection(
  options: { url: string; logger?: Logger; knownDownAfterMs?: number; now?: () => number },
): RedisConnectionWatch {
  const { url, logger, knownDownAfterMs = KNOWN_DOWN_AFTER_MS, now = Date.now } = options;
  const signal = new OutageSignal();
  // One listener per queued command: many requests at once are not a leak.
  setMaxListeners(0, signal);
  let everConnected = false;
  let lostAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const where = `Redis at ${shownRedisUrl(url)}`;

  /** The code of the latest error since the connection was lost (a reconnection refused: ECONNREFUSED). */
  let lostCode: string | undefined;
  const onError = (err: Error) => {
    const code = (err as { code?: unknown }).code;
    if (everConnected && typeof code === 'string' && /^[A-Z_]+$/.test(code)) lostCode = code;
    // Every failed reconnection attempt is an error event too: only the first after a loss is told.
    if (!everConnected || lostAt !== undefined) return;
    lostAt = now();
    logger?.warn(
      `session store: lost the connection to ${where} (${withoutPassword(err.message, url)}); reconnecting. Until it is back, requests that need a session are answered 503 (the session store is unavailable).`,
    );
    timer = setTimeout(() => {
      signal.aborted = true;
      signal.reason = new Error(`no connection to ${where}`);
      signal.dispatchEvent(new Event('abort'));
    }, knownDownAfterMs);
    timer.unref();
  };
  const onReady = () => {
    if (lostAt === undefined) return;
    const seconds = Math.max(0, Math.round((now() - lostAt) / 1000));
    lostAt = undefined;
    lostCode = undefined;
    clearTimeout(timer);
    signal.aborted = false;
    signal.reason = undefined;
    logger?.info(`session store: connected to ${where} again, after ${seconds} s without it`);
  };

  return {
    signal: signal as unknown as AbortSignal,
    get knownDown() {
      return signal.aborted;
    },
    get problem() {
      if (lostAt === undefined) return undefined;
      return lostCode ? `cannot connect (${lostCode})` : 'lost the connection';
    },
    attach(client) {
      client.on('error', onError);
      client.on('ready', onReady);
    },
    connected() {
      everConnected = true;
    },
    close() {
      clearTimeout(timer);
    },
  };
}
