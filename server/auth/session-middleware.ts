// The session on every request (decision 021): the signed cookie checked once, the record read from
// the store on every request (a logout anywhere ends the session at once), and nothing else unless
// something changed. It replaces express-session's middleware, keeps its stores (SQLite, connect-redis,
// MemoryStore in tests), its record and its cookie format (`s:<id>.<HMAC-SHA256>`). (Records made
// before decision 050 were stored under the id itself; they are not found, and their people log in again.)
//
// The rules it holds to (OWASP ASVS V3): an unguessable id (256 random bits) sent only in a cookie that
// is HttpOnly, SameSite=Lax, Path=/, Secure with the `__Host-` prefix on https; the id's HMAC checked
// against every secret in the rotation list; a new id at login; logout deletes the record; an idle
// timeout (the store's expiry, renewed at most once a minute per session, the cookie re-sent with it)
// and an absolute timeout (checked on every request); no session stored and no cookie sent until there
// is something to keep (an explicit save).
//
// The id itself stays in the cookie: the store, `req.sessionID`, `req.session.id` and everything after
// this layer know the session only by its store key, the SHA-256 of the id (session-store-key.ts,
// decision 050), so a copy of a store names no session anyone could present.
import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type session from 'express-session';
import type { User } from '../../contract/bff-api';
import { UpstreamError } from '../http/errors';
import { sessionStoreKey } from './session-store-key';

export interface SessionMiddlewareOptions {
  /** The first signs the cookie; all are accepted (a rotation list). */
  secrets: readonly string[];
  store: session.Store;
  secureCookie: boolean;
  idleTimeoutMinutes: number;
  /** A session ends this long after its login, however active it is. */
  absoluteTimeoutMs: number;
  /** Ends a session that outlived the absolute timeout (deletes its tokens, gives the request a new empty session). */
  endSession: (req: Parameters<RequestHandler>[0]) => Promise<unknown>;
  /**
   * Hears of a cookie shaped as this layer signs it whose signature no secret of the list makes: most
   * often another instance's, with other SESSION_SECRETS (secret-mismatch-warning.ts). Never given the value.
   */
  onUnknownSecret?: (cookieName: string) => void;
}

/** The store's expiry, and the cookie's with it, move at most this often per session. */
export const TOUCH_INTERVAL_MS = 60_000;
/** 256 bits from the CSPRNG (ASVS asks for at least 64 bits of entropy; express-session used 192). */
const SESSION_ID_BYTES = 32;

export function getSessionCookieName(secureCookie: boolean): string {
  return secureCookie ? '__Host-nansen.sid' : 'nansen.sid';
}

/** How many verified cookie values the signer remembers (their HMAC is not computed again). */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * The cookie's value as express-session (cookie-signature) makes it: `s:<id>.<base64 HMAC-SHA256 of the
 * id, unpadded>`. A value that passed the check is remembered (the secrets do not change while the
 * process runs), so a session's later requests skip the HMAC; only values that passed are kept.
 */
export function createCookieSigner(secrets: readonly string[], cacheSize = VERIFIED_CACHE_SIZE) {
  if (secrets.length === 0) throw new Error('a session cookie needs at least one secret');
  const keys: KeyObject[] = secrets.map((secret) => createSecretKey(Buffer.from(secret, 'utf8')));
  // SHA-256 is 32 bytes: 44 base64 characters, the last one padding.
  const mac = (key: KeyObject, id: string) => createHmac('sha256', key).update(id).digest('base64').slice(0, 43);
  const verified = new Map<string, string>();
  const check = (value: string): string | undefined => {
    const dot = value.lastIndexOf('.');
    if (!value.startsWith('s:') || dot < 3) return undefined;
    const id = value.slice(2, dot);
    const given = Buffer.from(value.slice(dot + 1));
    for (const key of keys) {
      const expected = Buffer.from(mac(key, id));
      if (expected.length === given.length && timingSafeEqual(expected, given)) return id;
    }
    return undefined;
  };
  return {
    sign: (id: string) => `s:${id}.${mac(keys[0]!, id)}`,
    /** The session id a secret of the list signed, or undefined. */
    verify(value: string): string | undefined {
      const known = verified.get(value);
      if (known !== undefined) return known;
      const id = check(value);
      if (id !== undefined) {
        // Oldest first out: a Map iterates in insertion order.
        if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
        verified.set(value, id);
      }
      return id;
    },
  };
}

/** The first value of the cookie `name` in a Cookie header, URL-decoded; undefined when absent or malformed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const prefix = `${name}=`;
  let start = 0;
  while (start < header.length) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    let i = start;
    while (header.charCodeAt(i) === 32 || header.charCodeAt(i) === 9) i += 1;
    if (header.startsWith(prefix, i)) {
      let value = header.slice(i + prefix.length, end).trim();
      if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!value.includes('%')) return value;
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
    start = end + 1;
  }
  return undefined;
}

/** What the store keeps: express-session's record shape, so either can read the other's. */
interface SessionRecord {
  cookie: { originalMaxAge: number; expires: Date; secure: boolean; httpOnly: true; path: '/'; sameSite: 'lax' };
  user?: User;
  createdAt?: number;
  groups?: string[];
}

type Callback = (err?: unknown) => void;

/** The session fields a record may carry; anything else in a stored record is left behind. */
const FIELDS = ['user', 'createdAt', 'groups'] as const;

/** Who has touched which session when, in this process: a session's store expiry moves at most once per interval. */
export class TouchThrottle {
  private readonly last = new Map<string, number>();
  constructor(private readonly intervalMs = TOUCH_INTERVAL_MS, private readonly maxEntries = 50_000) {}

  /** True (and noted) when the session's expiry has not moved in this process for an interval. */
  due(id: string, now: number): boolean {
    if ((this.last.get(id) ?? -Infinity) + this.intervalMs > now) return false;
    this.moved(id, now);
    return true;
  }

  moved(id: string, now: number): void {
    if (this.last.size >= this.maxEntries) for (const [key, at] of this.last) if (at + this.intervalMs <= now) this.last.delete(key);
    this.last.set(id, now);
  }

  forget(id: string): void {
    this.last.delete(id);
  }
}

interface Layer {
  store: session.Store;
  signer: ReturnType<typeof createCookieSigner>;
  cookieName: string;
  secureCookie: boolean;
  idleMs: number;
  throttle: TouchThrottle;
}

/**
 * A store call as a promise: the request goes on after the store's callback has returned, never inside it
 * (connect-redis calls a callback a second time, with an error, when the first call throws).
 */
const call = <T>(fn: (cb: (err: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

function recordOf(sess: LeanSession, layer: Layer, expires: number): SessionRecord {
  const record: SessionRecord = {
    cookie: { originalMaxAge: layer.idleMs, expires: new Date(expires), secure: layer.secureCookie, httpOnly: true, path: '/', sameSite: 'lax' },
  };
  for (const field of FIELDS) if (sess[field] !== undefined) (record as unknown as Record<string, unknown>)[field] = sess[field];
  return record;
}

/** Sets the session cookie on the answer, in place of one set earlier in this request. */
function setSessionCookie(layer: Layer, req: Request, res: Response, value: string | undefined, expires: number): void {
  // Only send a Secure cookie over TLS (the app's `trust proxy` verdict, TRUST_PROXY).
  if (layer.secureCookie && !req.secure) return;
  const prefix = `${layer.cookieName}=`;
  const previous = res.getHeader('Set-Cookie');
  const others = (Array.isArray(previous) ? previous : typeof previous === 'string' ? [previous] : []).filter((c) => !c.startsWith(prefix));
  if (value === undefined) {
    if (others.length) res.setHeader('Set-Cookie', others);
    else res.removeHeader('Set-Cookie');
    return;
  }
  const cookie = `${prefix}${encodeURIComponent(value)}; Path=/; Expires=${new Date(expires).toUTCString()}; HttpOnly${layer.secureCookie ? '; Secure' : ''}; SameSite=Lax`;
  res.setHeader('Set-Cookie', others.length ? [...others, cookie] : cookie);
}

/**
 * `req.session`: the signed-in person's fields and express-session's methods. Changes are written by
 * `save` only (the login does); nothing is hashed to find out whether something changed.
 */
class LeanSession {
  user?: User;
  createdAt?: number;
  groups?: string[];
  readonly #req: Request;
  readonly #res: Response;
  readonly #layer: Layer;
  /** The id in the cookie: signed into it, never handed on. */
  readonly #id: string;
  /** What the store, and everything after this layer, knows the session by. */
  readonly #key: string;
  /** Whether the store holds a record under this id (read from it, or saved). */
  #stored: boolean;

  constructor(layer: Layer, req: Request, res: Response, id: string, key: string, stored?: Partial<Record<(typeof FIELDS)[number], unknown>> | null) {
    this.#layer = layer;
    this.#req = req;
    this.#res = res;
    this.#id = id;
    this.#key = key;
    this.#stored = Boolean(stored);
    if (stored) {
      if (stored.user !== undefined) this.user = stored.user as User;
      if (stored.createdAt !== undefined) this.createdAt = stored.createdAt as number;
      if (stored.groups !== undefined) this.groups = stored.groups as string[];
    }
  }

  /** The store key, as `req.sessionID` (not the id in the cookie). */
  get id(): string {
    return this.#key;
  }

  get cookie(): SessionRecord['cookie'] {
    return recordOf(this, this.#layer, Date.now() + this.#layer.idleMs).cookie;
  }

  /** Writes the record and sends the cookie with a renewed expiry. */
  save(callback: Callback = () => {}): this {
    const layer = this.#layer;
    const key = this.#key;
    const now = Date.now();
    const expires = now + layer.idleMs;
    call<void>((cb) => layer.store.set(key, recordOf(this, layer, expires) as unknown as session.SessionData, cb)).then(
      () => {
        this.#stored = true;
        layer.throttle.moved(key, now);
        setSessionCookie(layer, this.#req, this.#res, layer.signer.sign(this.#id), expires);
        callback();
      },
      (err: unknown) => callback(sessionStoreUnavailable(err)),
    );
    return this;
  }

  /** Deletes this record and puts a new, empty session with a new id in its place (not stored until saved). */
  regenerate(callback: Callback): this {
    const layer = this.#layer;
    const old = this.#key;
    const replace = () => {
      attach(layer, this.#req, this.#res, newSessionId());
      setSessionCookie(layer, this.#req, this.#res, undefined, 0);
    };
    if (!this.#stored) {
      replace();
      queueMicrotask(() => callback());
      return this;
    }
    layer.throttle.forget(old);
    call<void>((cb) => layer.store.destroy(old, cb)).then(
      () => (replace(), callback()),
      (err: unknown) => (replace(), callback(sessionStoreUnavailable(err))),
    );
    return this;
  }

  /** Deletes the record; the request has no session after it (express-session's behaviour). */
  destroy(callback: Callback): this {
    const layer = this.#layer;
    const key = this.#key;
    (this.#req as { session?: unknown }).session = undefined;
    setSessionCookie(layer, this.#req, this.#res, undefined, 0);
    if (!this.#stored) {
      queueMicrotask(() => callback());
      return this;
    }
    layer.throttle.forget(key);
    call<void>((cb) => layer.store.destroy(key, cb)).then(() => callback(), (err: unknown) => callback(sessionStoreUnavailable(err)));
    return this;
  }

  /** Reads the record again. */
  reload(callback: Callback): this {
    const layer = this.#layer;
    call<session.SessionData | null>((cb) => layer.store.get(this.#key, cb)).then(
      (stored) => {
        if (!stored) return callback(new Error('failed to load session'));
        attach(layer, this.#req, this.#res, this.#id, this.#key, stored as never);
        callback();
      },
      (err: unknown) => callback(sessionStoreUnavailable(err)),
    );
    return this;
  }

  /** The expiry moves when the middleware touches the store, not per call. */
  touch(): this {
    return this;
  }

  resetMaxAge(): this {
    return this;
  }
}

function newSessionId(): string {
  return randomBytes(SESSION_ID_BYTES).toString('base64url');
}

function attach(layer: Layer, req: Request, res: Response, id: string, key = sessionStoreKey(id), stored?: Partial<Record<(typeof FIELDS)[number], unknown>> | null): LeanSession {
  const sess = new LeanSession(layer, req, res, id, key, stored);
  req.session = sess as unknown as Request['session'];
  req.sessionID = key;
  return sess;
}

/** `s:<id>.<43 base64 characters>`: a value this layer could have signed, with some secret. */
const SIGNED_SHAPE = /^s:[\w-]+\.[A-Za-z0-9+/]{43}$/;

export function createSessionMiddleware(options: SessionMiddlewareOptions): RequestHandler {
  const layer: Layer = {
    store: options.store,
    signer: createCookieSigner(options.secrets),
    cookieName: getSessionCookieName(options.secureCookie),
    secureCookie: options.secureCookie,
    idleMs: options.idleTimeoutMinutes * 60_000,
    throttle: new TouchThrottle(),
  };
  const { store, signer, cookieName, idleMs, throttle } = layer;

  return async function leanSession(req, res, next) {
    const raw = readCookie(req.headers.cookie, cookieName);
    const id = raw === undefined ? undefined : signer.verify(raw);
    if (id === undefined) {
      if (raw !== undefined && SIGNED_SHAPE.test(raw)) options.onUnknownSecret?.(cookieName);
      // No session: an empty one, stored and sent only if saved.
      attach(layer, req, res, newSessionId());
      return next();
    }
    // Records are kept under the id's hash; one kept under an id (before decision 050) is never found.
    const key = sessionStoreKey(id);
    let stored: session.SessionData | null | undefined;
    try {
      stored = await call<session.SessionData | null>((cb) => store.get(key, cb));
    } catch (err) {
      if ((err as { code?: unknown } | null)?.code !== 'ENOENT') return next(sessionStoreUnavailable(err));
    }
    if (!stored) {
      attach(layer, req, res, newSessionId());
      return next();
    }
    const sess = attach(layer, req, res, id, key, stored as never);
    const now = Date.now();
    if (sess.user) {
      // Sessions from before the absolute timeout was recorded have no createdAt: they end too.
      if (sess.createdAt === undefined || now - sess.createdAt > options.absoluteTimeoutMs) {
        try {
          await options.endSession(req);
        } catch (err) {
          return next(err);
        }
        return next();
      }
    }
    if (store.touch && throttle.due(key, now)) {
      // The idle timeout: the store's expiry moves (at most once a minute per session), and the cookie with it.
      const expires = now + idleMs;
      try {
        await call<void>((cb) => store.touch!(key, recordOf(sess, layer, expires) as unknown as session.SessionData, cb as () => void));
      } catch (err) {
        throttle.forget(key);
        return next(sessionStoreUnavailable(err));
      }
      setSessionCookie(layer, req, res, signer.sign(id), expires);
    }
    next();
  };
}

/** The error a request gets while the session store cannot be used; the cause stays in the log. */
export function sessionStoreUnavailable(cause: unknown): UpstreamError {
  if (cause instanceof UpstreamError && cause.code === 'session_store_unavailable') return cause;
  const error = new UpstreamError('The session store is unavailable, so Nansen cannot tell who you are; try again in a moment.', 'session_store_unavailable', 503);
  error.cause = cause;
  return error;
}
