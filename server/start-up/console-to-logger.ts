// With LOG_FORMAT=json every line Nansen writes must be a JSON object, including what libraries print
// with console.* (oidc-provider's "oidc-provider WARNING: …" at start, in development): each call
// becomes one line of the logger, at its level, without the terminal colours some of them add.
import { format } from 'node:util';
import type { Logger } from '../http/logger';

const COLOURS = /\x1b\[[0-9;]*m/g;

/** Sends console.log/info/debug/warn/error to `logger`; returns a function that puts them back. */
export function routeConsoleToLogger(logger: Logger, target: Console = console): () => void {
  const saved = { log: target.log, info: target.info, debug: target.debug, warn: target.warn, error: target.error };
  const text = (args: unknown[]) => format(...args).replace(COLOURS, '');
  target.log = target.info = target.debug = (...args: unknown[]) => logger.info(text(args));
  target.warn = (...args: unknown[]) => logger.warn(text(args));
  target.error = (...args: unknown[]) => logger.error(text(args));
  return () => Object.assign(target, saved);
}
