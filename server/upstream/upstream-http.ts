// One keep-alive connection pool per upstream service (metadata, search). Every call carries the
// user's bearer token; statuses become business errors here, so callers only see data or AppErrors.
import { Pool } from 'undici';
import type { z } from 'zod';
import { InputError, NotFoundError, UpstreamError, UpstreamPreconditionFailedError, UpstreamTokenRejectedError } from '../http/errors';
import type { Logger } from '../http/logger';
import { compileFastParse, FAIL } from './fast-parse';
import { redactUrlPassword } from '../config/show-setting-value';
import { holdsControlCharacter } from '../../contract/impossible-user-id';
import { checkHealthcheckBody, kindOfBody } from './healthcheck-answer';
import { describeMisroutedNotFound } from './not-found-answer';
import { wordNotFound } from './not-found-message';

export interface UpstreamHttpOptions {
  /** Human name used in errors: "metadata service". */
  name: string;
  /** The setting that holds baseUrl ("SEARCH_URL"), named when the URL seems to point elsewhere. */
  setting?: string;
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
}

export interface UpstreamCall<T extends z.ZodTypeAny> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after the base URL, already encoded (see encodeKeyForPath). */
  path: string;
  token: string;
  query?: Record<string, string | number | undefined>;
  /**
   * Sent as JSON with `Content-Type: application/json`, on any method: Amundsen's lineage GETs need
   * `{}` (API.md §2). undici sends a GET body; `fetch` would refuse it.
   */
  body?: unknown;
  /** Extra request headers (`If-Match` on a description write). */
  headers?: Record<string, string>;
  /**
   * The path is the embedded catalog's extension (GET /edits), which Amundsen's service has no route
   * for: any 404 there is a NotFoundError. On every other path a 404 that is not the service's own is a
   * wrong METADATA_URL/SEARCH_URL (not-found-answer.ts).
   */
  routeMayBeMissing?: boolean;
  schema: T;
}

export interface UpstreamHttp {
  call<T extends z.ZodTypeAny>(request: UpstreamCall<T>): Promise<z.infer<T>>;
  /** Like `call`, with the answer's ETag: the embedded catalog's descriptions have one, Amundsen's none (null). */
  callWithEtag<T extends z.ZodTypeAny>(request: UpstreamCall<T>): Promise<{ body: z.infer<T>; etag: string | null }>;
  /** GET /healthcheck without a token (both Amundsen services have it): resolves on a 2xx that is JSON (or empty), throws otherwise (/readyz). */
  healthcheck(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Amundsen binds keys with `<path:...>`: send them the way its frontend does (slashes and colons
 * kept) but escape everything else that a URL would mangle (API.md §1).
 */
export function encodeKeyForPath(key: string): string {
  return encodeURIComponent(key).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

/** A "." or ".." segment between slashes (or at either end). */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/**
 * A user id in a metadata path (`/user/<id>/own/`). Amundsen binds it with `<path:…>` as it does keys,
 * so it is encoded like a key, its "/" kept (decision 032). An id holding "/" with a "." or ".." segment
 * is refused: a proxy in front of the service may resolve the segment (`a/../b` → `b`), and the call
 * would then read or change another person's lists. So is an id holding a line break or other control
 * character (decision 101): the service cannot route it, and its unknown-URL 404 would read as a wrong
 * METADATA_URL.
 */
export function encodeUserIdForPath(userId: string): string {
  if (holdsControlCharacter(userId)) {
    // JSON-quoted, so that the line break shows as \n in the message (and cannot split a log line).
    throw new InputError(`The user id ${JSON.stringify(userId)} holds a line break or another control character, which no person's id has.`, 'invalid_user_id');
  }
  if (userId.includes('/') && DOT_SEGMENT.test(userId)) {
    throw new InputError(`The user id "${userId}" has a "." or ".." between slashes, which the metadata service may not see as part of the id.`, 'invalid_user_id');
  }
  return encodeKeyForPath(userId);
}

function messageOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body) {
    const m = (body as { message: unknown }).message;
    return typeof m === 'string' ? m : JSON.stringify(m);
  }
  return undefined;
}

/** Network errors that mean the service cannot be reached or dropped the connection: nothing of ours is wrong. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED',
]);

/** "connection failed (ECONNREFUSED)" for an expected network failure; undefined for anything else. */
export function describeUnreachable(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code) ? `connection failed (${code})` : undefined;
}

const fastParsers = new WeakMap<z.ZodTypeAny, (input: unknown) => unknown>();

/** The schema's fast path (fast-parse.ts), compiled on first use. */
function fastParserOf(schema: z.ZodTypeAny): (input: unknown) => unknown {
  let fast = fastParsers.get(schema);
  if (!fast) {
    fast = compileFastParse(schema);
    fastParsers.set(schema, fast);
  }
  return fast;
}

export function createUpstreamHttp(options: UpstreamHttpOptions): UpstreamHttp {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, { connections: 64, pipelining: 1, keepAliveTimeout: 30_000 });
  let misrouteLogged = false;

  /** A 404 that is not the service's own on a route it has: the URL setting is wrong. Logged in full once, not on every page. */
  function misrouted(method: string, path: string, answered: string): UpstreamError {
    if (!misrouteLogged) {
      misrouteLogged = true;
      const shown = redactUrlPassword(options.baseUrl, { dropQuery: true }) ?? options.baseUrl;
      const setting = options.setting ?? 'the URL configured for it';
      options.logger.warn(
        `${options.name} ${method} ${path} answered 404 with ${answered}, not the service's own "not found": ${setting} (${shown}) does not lead to the ${options.name}, `
        + `so every call there answers 404 and pages would say tables, dashboards and people do not exist. Set ${setting} to the ${options.name}'s base URL `
        + `(the address whose GET /healthcheck answers JSON; no path unless the service is served under one) and restart Nansen. `
        + 'Said once; later answers like it are not logged again.',
      );
    }
    return new UpstreamError(`The ${options.name} was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.`, 'upstream_misconfigured', 502);
  }

  async function send<T extends z.ZodTypeAny>({ method, path, token, query, body, headers: extra, routeMayBeMissing, schema }: UpstreamCall<T>): Promise<{ body: z.infer<T>; etag: string | null }> {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.set(k, String(v));
    const fullPath = `${prefix}${path}${search.size ? `?${search}` : ''}`;
    const headers: Record<string, string> = { ...extra, authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';

    let status: number;
    let text: string;
    let etag: string | null = null;
    let contentType: string | undefined;
    try {
      const response = await pool.request({
        method,
        path: fullPath,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      status = response.statusCode;
      const etagHeader = response.headers.etag;
      etag = typeof etagHeader === 'string' ? etagHeader : null;
      const typeHeader = response.headers['content-type'];
      contentType = typeof typeHeader === 'string' ? typeHeader : undefined;
      text = await response.body.text();
    } catch (err) {
      const timedOut = err instanceof Error && /Timeout/i.test(err.name + (err as { code?: string }).code);
      const expected = timedOut ? `no answer within ${options.timeoutMs} ms` : describeUnreachable(err);
      // Expected (the service stopped, restarting, slow): one line. Anything else keeps its stack.
      if (expected) options.logger.warn(`${options.name} ${method} ${path} failed: ${expected}`);
      else options.logger.warn(`${options.name} ${method} ${path} failed`, err);
      throw timedOut
        ? new UpstreamError(`The ${options.name} did not answer within ${options.timeoutMs} ms; try again.`, 'upstream_timeout', 504)
        // Nothing answered (stopped, restarting, unreachable): 503, the service is unavailable for now.
        : new UpstreamError(`The ${options.name} is unavailable; try again in a moment.`, 'upstream_unavailable', 503);
    }

    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (status >= 300 && status < 400 || status === 401 || status === 403) {
      // Amundsen behind flaskoidc redirects unauthenticated calls; our catalog answers 401.
      options.logger.warn(`${options.name} refused the access token for ${method} ${path} (${status})`);
      throw new UpstreamTokenRejectedError(options.name);
    }
    if (status === 404 && !routeMayBeMissing) {
      const answered = describeMisroutedNotFound(text, json, contentType);
      if (answered) throw misrouted(method, path, answered);
    }
    if (status === 404) throw new NotFoundError(wordNotFound(messageOf(json) ?? `Not found in the ${options.name}`), 'not_found');
    if (status === 412) throw new UpstreamPreconditionFailedError(options.name);
    if (status === 400 || status === 422) throw new InputError(messageOf(json) ?? `The ${options.name} rejected the request`, 'upstream_rejected_input');
    if (status < 300 && json === undefined) {
      // Not the service but whatever answers in its place (an ingress default page): trying again won't help.
      const kind = kindOfBody(contentType, text);
      const where = options.setting ? `; check that ${options.setting} points at the ${options.name}` : '';
      options.logger.warn(`${options.name} ${method} ${path} answered ${status} with ${kind}, not JSON${where}`);
      throw new UpstreamError(
        `The ${options.name} answered with ${kind === 'HTML' ? 'a web page' : 'text'}, not data: it is unavailable or Nansen is set up wrong. Tell whoever runs Nansen.`,
        'upstream_failed', 502,
      );
    }
    // (A 2xx that is not JSON was answered above; 3xx before that.)
    if (status >= 400) {
      options.logger.warn(`${options.name} ${method} ${path} answered ${status}${json === undefined ? ' with a non-JSON body' : ''}`);
      throw new UpstreamError(`The ${options.name} failed (HTTP ${status}); try again in a moment.`, 'upstream_failed', 502);
    }
    // The same answer zod gives, faster; anything it does not take (including every bad shape) goes to zod.
    const fast = fastParserOf(schema)(json);
    if (fast !== FAIL) return { body: fast as z.infer<T>, etag };
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      options.logger.warn(`${options.name} ${method} ${path} sent an unexpected shape: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      throw new UpstreamError(`The ${options.name} sent an answer Nansen does not understand.`, 'upstream_bad_response', 502);
    }
    return { body: parsed.data, etag };
  }

  return {
    call: async (request) => (await send(request)).body,
    callWithEtag: send,
    async healthcheck(timeoutMs) {
      const response = await pool.request({ method: 'GET', path: `${prefix}/healthcheck`, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump();
        throw new Error(`answered HTTP ${response.statusCode}`);
      }
      const typeHeader = response.headers['content-type'];
      checkHealthcheckBody(await response.body.text(), typeof typeHeader === 'string' ? typeHeader : undefined, { service: options.name, setting: options.setting });
    },
    close: () => pool.close(),
  };
}
