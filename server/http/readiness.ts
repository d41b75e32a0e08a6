// GET /readyz: is this instance ready to serve? Unlike /healthcheck (the process is up), it asks
// what every page needs: the identity provider (its discovery document), the metadata and search
// services (their /healthcheck) and the session store. 200 when all answer, 503 naming what failed.
// Messages say what went wrong (a timeout, a refused connection, an HTTP status, a discovery document
// naming another issuer) but never a URL, host or error text that could carry credentials.
import type { RequestHandler } from 'express';
import type session from 'express-session';
import { HealthcheckNotJsonError, HealthcheckOtherServiceError } from '../upstream/healthcheck-answer';

export interface ReadinessCheck {
  name: string;
  check(timeoutMs: number): Promise<void>;
}

export interface CheckState {
  status: 'ok' | 'failed';
  ms: number;
  message?: string;
}

/** How long each check may take; they run at once, so /readyz answers within about this. */
export const READINESS_TIMEOUT_MS = 3000;

/**
 * A check's failure in words written here, safe for /readyz as they are (no URL, host or value from
 * elsewhere): they say what is wrong and the fix. `logDetail` may name values, for the start-up log only.
 */
export class ReadinessFailure extends Error {
  override name = 'ReadinessFailure';
  constructor(message: string, readonly logDetail?: unknown) {
    super(message);
  }
}

export function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof ReadinessFailure) return err.message;
  const code = (err as { code?: unknown; cause?: { code?: unknown } })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  if (err instanceof Error && (err.name === 'TimeoutError' || /timeout/i.test(String(code)))) return `no answer within ${timeoutMs} ms`;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return `cannot connect (${code})`;
  if (err instanceof Error && /^answered HTTP \d{3}$/.test(err.message)) return err.message;
  // "answered HTML, not JSON: check that SEARCH_URL points at the search service" (no URL in it).
  if (err instanceof HealthcheckNotJsonError) return err.message;
  // "METADATA_URL points at a search service: …" (no URL in it).
  if (err instanceof HealthcheckOtherServiceError) return err.message;
  return 'failed';
}

/** `promise`, or a rejection named TimeoutError after `timeoutMs` (the timer cleared either way). */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs = READINESS_TIMEOUT_MS): Promise<Record<string, CheckState>> {
  const states = await Promise.all(
    checks.map(async ({ name, check }): Promise<[string, CheckState]> => {
      const started = performance.now();
      try {
        await withTimeout(check(timeoutMs), timeoutMs);
        return [name, { status: 'ok', ms: Math.round(performance.now() - started) }];
      } catch (err) {
        return [name, { status: 'failed', ms: Math.round(performance.now() - started), message: describeFailure(err, timeoutMs) }];
      }
    }),
  );
  return Object.fromEntries(states);
}

/** Answers within this long of each other share one run: a flood of /readyz never floods the provider. */
export const READINESS_REUSE_MS = 1000;

export function createReadinessRoute(checks: readonly ReadinessCheck[], timeoutMs = READINESS_TIMEOUT_MS, now: () => number = Date.now): RequestHandler {
  let last: { at: number; states: Promise<Record<string, CheckState>> } | undefined;
  const statesNow = () => {
    // A run in flight or finished less than READINESS_REUSE_MS ago is shared (it started at `at`).
    if (!last || now() - last.at >= READINESS_REUSE_MS) last = { at: now(), states: runReadinessChecks(checks, timeoutMs) };
    return last.states;
  };
  return (_req, res, next) => {
    statesNow().then((states) => {
      const failed = Object.entries(states).filter(([, s]) => s.status === 'failed').map(([name]) => name);
      res.set('Cache-Control', 'no-store');
      if (failed.length === 0) {
        res.json({ status: 'ready', checks: states });
        return;
      }
      res.status(503).json({ status: 'not_ready', failed, message: `Not ready: ${failed.join(', ')} failed.`, checks: states });
    }, next);
  };
}

/** Its discovery document answers 200 but is no JSON object: an HTML page, a web site or a proxy's sign-in page at that address. */
export const NOT_A_DISCOVERY_DOCUMENT = 'answered HTTP 200, but not with a discovery document (not a JSON object): OIDC_ISSUER may not be the provider\'s issuer URL';
/** The document names another issuer (its value is for the log, never for /readyz). */
export const ISSUER_MISMATCH = 'its discovery document names another issuer than OIDC_ISSUER: set OIDC_ISSUER to exactly the issuer it names (Nansen\'s start-up log shows both)';

/**
 * The provider: its discovery document answers 200, as JSON, naming OIDC_ISSUER as its issuer (exactly, or as a URL: `exact` below)
 * (what a login needs; a real request every time, not the cached one). A redirect is not followed, as
 * the login's discovery does not follow one. A wrong issuer fails with a ReadinessFailure whose
 * `logDetail` is the issuer the provider declared.
 */
export function providerCheck(issuer: string, { exact = false }: { exact?: boolean } = {}): ReadinessCheck {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  return {
    name: 'provider',
    async check(timeoutMs) {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' }, redirect: 'manual' });
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new Error(`answered HTTP ${response.status}`);
      }
      let document: unknown;
      try {
        document = JSON.parse(await response.text());
      } catch {
        document = undefined;
      }
      if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new ReadinessFailure(NOT_A_DISCOVERY_DOCUMENT);
      const declared = (document as { issuer?: unknown }).issuer;
      // `exact` when the embedded catalog checks tokens: it compares their iss with OIDC_ISSUER as strings.
      // Otherwise as the login's discovery compares them (openid-client: as parsed URLs, so an origin with
      // or without its final slash is one issuer): readiness must not fail a setup whose logins work.
      if (exact ? declared !== issuer : !sameIssuer(declared, issuer)) throw new ReadinessFailure(ISSUER_MISMATCH, declared);
    },
  };
}

/** The login's comparison of a declared issuer with OIDC_ISSUER (openid-client's). */
export function sameIssuer(declared: unknown, issuer: string): boolean {
  if (typeof declared !== 'string') return false;
  try {
    const configured = new URL(issuer);
    // Azure AD B2C names another issuer than its policy URL; openid-client does not compare them there.
    if (configured.hostname.endsWith('.b2clogin.com')) return true;
    return new URL(declared).href === configured.href;
  } catch {
    return false;
  }
}

/**
 * The session store answers a read (SQLite, or a round trip to Redis when REDIS_URL is set). A failed
 * read says what is wrong: `connectionProblem` (Redis's: "cannot connect (ECONNREFUSED)" while its
 * connection is lost), else the error's code, else that the store refused the read — never "failed".
 */
export function sessionStoreCheck(store: session.Store, connectionProblem?: () => string | undefined): ReadinessCheck {
  return {
    name: 'sessions',
    check: () =>
      new Promise<void>((resolve, reject) => {
        // A connection known to be lost is said at once, without a read that would wait for it.
        const lost = connectionProblem?.();
        if (lost) return reject(new ReadinessFailure(lost));
        store.get('readyz-probe-no-such-session', (err) => {
          if (!err) return resolve();
          const problem = connectionProblem?.();
          if (problem) return reject(new ReadinessFailure(problem, err));
          const code = (err as { code?: unknown }).code;
          if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return reject(err);
          // The error's own words may name a host: its class only ("AbortError").
          const kind = err instanceof Error && /^\w+$/.test(err.constructor.name) ? ` (${err.constructor.name})` : '';
          reject(new ReadinessFailure(`the session store could not be read${kind}`, err));
        });
      }),
  };
}

export function upstreamCheck(name: string, upstream: { healthcheck(timeoutMs: number): Promise<void> }): ReadinessCheck {
  return { name, check: (timeoutMs) => upstream.healthcheck(timeoutMs) };
}
