// A stand-in for Amundsen's metadata and search services launched as flaskoidc apps
// (FLASK_APP_MODULE_NAME=flaskoidc, FLASK_APP_CLASS_NAME=FlaskOIDC). Its gate does exactly what
// flaskoidc's before_request does (API.md §2): whitelisted endpoints pass; otherwise the token is the
// rest of an "Authorization: Bearer " header (or an access_token query parameter), json.loads-ed, and
// only its expires_at (epoch seconds) is checked — expired → 401, which flaskoidc turns into a 302 to
// /logout; no token and no session → 302 as well; a token that is not JSON, or has no expires_at,
// makes Flask fail with 500. Behind the gate the real services do no auth at all: here, the embedded
// catalog's apps with an authenticator that lets everyone in.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';

export interface FlaskoidcStandIn {
  url: string;
  /** Every request that passed the gate with a token: its raw Authorization header and the token parsed, newest last. */
  accepted: { method: string; path: string; authorization: string; token: Record<string, unknown> }[];
  /** What each refused request was answered, newest last. */
  refusals: { path: string; status: number; why: string }[];
  /** Move the service's clock (seconds) to make tokens expire early. */
  setClockSkew(seconds: number): void;
  close(): Promise<void>;
}

/** flaskoidc's default FLASK_OIDC_WHITELISTED_ENDPOINTS, plus the endpoints it adds itself. */
const WHITELISTED = ['status', 'healthcheck', 'health', 'login', 'logout', 'auth'];

/** Lets every request through, as Amundsen's services do behind flaskoidc (they never read the header). */
export const noAuthentication: RequestHandler = (_req, res, next) => {
  res.locals.principal = { subject: 'flaskoidc', email: null, claims: {} };
  next();
};

export async function startFlaskoidcStandIn(app: (req: IncomingMessage, res: ServerResponse) => void): Promise<FlaskoidcStandIn> {
  const accepted: FlaskoidcStandIn['accepted'] = [];
  const refusals: FlaskoidcStandIn['refusals'] = [];
  let skew = 0;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://service');
    const refuse = (status: number, why: string, headers: Record<string, string> = {}) => {
      refusals.push({ path: url.pathname, status, why });
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(status === 302 ? '<a href="/logout">Redirecting</a>' : '<h1>Internal Server Error</h1>');
    };
    const redirectToLogout = (why: string) => refuse(302, why, { location: `http://${req.headers.host}/logout` });

    if (WHITELISTED.includes(url.pathname.replace(/^\/+|\/+$/g, ''))) return app(req, res);

    const authorization = req.headers.authorization;
    let raw: string | undefined;
    if (authorization?.startsWith('Bearer ')) raw = authorization.split(/\s+/).slice(1).join(' ').trim();
    if (url.searchParams.has('access_token')) raw = url.searchParams.get('access_token') ?? '';
    if (raw === undefined) {
      // No token, and no flaskoidc session (the BFF has no cookie there): off to log in.
      return refuse(302, 'no token', { location: `http://${req.headers.host}/logout`, 'set-cookie': `failed_authentication_url=${encodeURIComponent(url.href)}; HttpOnly; Path=/; SameSite=Strict` });
    }
    let token: unknown;
    try {
      token = JSON.parse(raw);
    } catch {
      return refuse(500, 'json.loads failed: the token is not JSON');
    }
    if (!token || typeof token !== 'object' || Array.isArray(token)) return refuse(500, "the token has no .get (not a JSON object)");
    const expiresAt = (token as Record<string, unknown>).expires_at;
    if (typeof expiresAt !== 'number') return refuse(500, 'expires_at is missing or not a number (None <= int)');
    const now = Math.round(Date.now() / 1000) + skew;
    if (expiresAt <= now) return redirectToLogout('expired');
    accepted.push({ method: req.method ?? 'GET', path: url.pathname, authorization: authorization ?? '', token: token as Record<string, unknown> });
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    refusals,
    setClockSkew: (seconds) => void (skew = seconds),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
