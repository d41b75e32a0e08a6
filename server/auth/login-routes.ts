// /login, the callback (/auth by default, Amundsen's), /logout, /logged-out and OIDC Back-Channel
// Logout (/auth/backchannel-logout).
import { createHash } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { User } from '../../contract/bff-api';
import type { ClaimRules } from '../config/config-schema';
import { describeUpstreamError, UpstreamError } from '../http/errors';
import { describeCause, SESSION_STORE_TRY_AGAIN } from '../http/session-store-outage';
import { AUTO_SUBMIT_SCRIPT, AUTO_SUBMIT_SCRIPT_PATH, type PageAction, renderPage } from '../http/html-page';
import type { Logger } from '../http/logger';
import { currentRequestId } from '../http/request-context';
import { IssuerMismatchError, type OidcClient, type ProviderLogout } from './oidc-client';
import { PENDING_LOGIN_TTL_MS, type PendingLoginCookie } from './pending-login-cookie';
import { callbackFailureLogFields, describeCallbackFailure, NO_PENDING_LOGIN, NO_PENDING_LOGIN_UNKNOWN_SECRET } from './callback-failure';
import { describeCallbackFailureInWords, describeLoginError, providerNameAtSentenceStart, shortenProviderDescription } from './login-error-in-words';
import { sanitizeReturnTo } from './return-to';
import { sessionStoreUnavailable } from './session-middleware';
import type { SessionAuth } from './session-auth';
import type { SessionTokens } from './session-data';
import type { TokenStore } from './token-store';
import { buildUserFromClaims, defaultClaimRules, MissingUserIdClaimError, needsUserInfo, readGroups } from './user-from-claims';

export const BACKCHANNEL_LOGOUT_PATH = '/auth/backchannel-logout';

export interface LoginRoutesOptions {
  oidc: OidcClient;
  auth: SessionAuth;
  pendingLogins: PendingLoginCookie;
  /** Back-channel logout looks sessions up by the provider's sid/sub and remembers logout tokens seen; the callback remembers the logins it finished. */
  tokens: TokenStore;
  /** Absolute redirect URI registered at the provider; its path is the callback route. */
  redirectUri: string;
  userIdClaim: string;
  /** How claims become the User and the session's groups; default: the user id claim and the standard claims. */
  claims?: ClaimRules;
  providerName: string;
  sessionCookieName: string;
  logger: Logger;
  /** Called after a successful login (e.g. to record the user in metadata); failures are logged only. */
  onLogin?: (user: User, tokens: SessionTokens) => Promise<void>;
  /**
   * Called after a successful login, before the session starts: the user the session keeps (the
   * claims' user filled in from metadata, decision 043). A failure keeps the claims' user.
   */
  profileUser?: (user: User, tokens: SessionTokens) => Promise<User>;
}

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/**
 * A step of the login that only reads or writes the session store (Redis, SQLite): its failure is the
 * store's outage, answered as the session middleware's is (decision 051: 503 with Retry-After, a page
 * in words for a browser), not a 500 with the Redis client's stack.
 */
function inSessionStore<T>(step: Promise<T>): Promise<T> {
  return step.catch((err: unknown) => {
    throw sessionStoreUnavailable(err);
  });
}

/** /login, coming back to `returnTo` after it (checked again against open redirects, as /login does). */
function loginHref(returnTo: string): string {
  const safe = sanitizeReturnTo(returnTo);
  return safe === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(safe)}`;
}

/** The path of the page that linked here when it is one of ours and not a login page; else home. */
function sameOriginReferrer(req: Request, origin: string): string {
  const referrer = req.get('referer');
  if (!referrer) return '/';
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return '/';
  }
  return url.origin === origin ? sanitizeReturnTo(`${url.pathname}${url.search}${url.hash}`) : '/';
}

function sendPage(res: Response, status: number, title: string, paragraphs: string[], action: PageAction | PageAction[] = { label: 'Log in again', href: '/login' }) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(renderPage(title, paragraphs, action));
}

/** On to the provider's logout, with what the session kept of the login (none when the session store was down). */
async function sendProviderLogout(
  options: Pick<LoginRoutesOptions, 'oidc' | 'logger' | 'providerName'>,
  res: Response,
  tokens: Pick<SessionTokens, 'idToken' | 'providerSessionId'> | undefined,
) {
  let logout: ProviderLogout | null;
  try {
    logout = await options.oidc.buildLogout(tokens);
  } catch (err) {
    options.logger.warn('cannot build the provider logout request; signing out of Nansen only', err);
    return res.set('Cache-Control', 'no-store').redirect(303, '/logged-out?provider=unreachable');
  }
  // A provider without an end-session endpoint (Google) keeps its own session: the page says so.
  if (!logout) return res.set('Cache-Control', 'no-store').redirect(303, '/logged-out?provider=kept');
  // The ID token never goes in a URL (decision 049): without it, a redirect; with it, a form the browser POSTs.
  if (logout.method === 'GET') return res.set('Cache-Control', 'no-store').redirect(303, logout.url);
  res.set('Referrer-Policy', 'no-referrer');
  sendPage(res, 200, `Logging you out of ${options.providerName}`, ['Your Nansen session has ended.', `Press the button to log out of ${options.providerName} too.`], {
    label: `Log out of ${options.providerName}`,
    postTo: logout.action,
    fields: logout.fields,
    autoSubmit: true,
  });
}

/**
 * POST /logout while the session store cannot be read (Redis stopped): the session middleware fails before
 * the route, so this error handler logs the browser out all the same (decision 054). The session cookie
 * is cleared, so this browser is logged out of Nansen whatever happens next; the stored record and tokens
 * cannot be deleted now and stay until they expire (idle timeout), unusable without the cookie. Without
 * the ID token: with OIDC_LOGOUT_ID_TOKEN_HINT=none the provider's logout goes on as usual (it may ask);
 * with form_post (the ID token is in the store) a page says the provider session could not be ended.
 * Mounted after the session middleware and before the outage handler; the same-origin guard runs first.
 */
export function createLogoutDuringStoreOutage(
  options: Pick<LoginRoutesOptions, 'oidc' | 'logger' | 'providerName' | 'sessionCookieName'> & { storeName: string; sameOrigin: RequestHandler },
): ErrorRequestHandler {
  return (err: { code?: unknown } | null, req, res, next) => {
    if (err?.code !== 'session_store_unavailable' || req.method !== 'POST' || req.path !== '/logout' || res.headersSent) return next(err);
    options.sameOrigin(req, res, (refused?: unknown) => {
      if (refused) return next(refused);
      const cause = (err as { cause?: unknown }).cause;
      options.logger.warn(
        `logout while the session store (${options.storeName}) is unavailable: cleared the session cookie; the stored session and its tokens stay until they expire (SESSION_IDLE_TIMEOUT_MINUTES), unusable without the cookie, and the refresh token was not revoked`,
        undefined,
        { cause: describeCause(cause) },
      );
      res.clearCookie(options.sessionCookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.sessionCookieName.startsWith('__Host-') });
      if (!options.oidc.logoutNeedsIdToken) {
        sendProviderLogout(options, res, undefined).catch(next);
        return;
      }
      const provider = options.providerName;
      sendPage(res, 200, 'You are logged out of Nansen in this browser', [
        'Nansen has logged you out in this browser.',
        `It could not log you out of ${provider} too: for that it needs details it keeps in a service it cannot reach just now.`,
        `On a shared computer, log out of ${provider} as well: try the button below, or close every window of this browser.`,
        'What Nansen kept of your session is deleted when it expires; it cannot be used without this browser\'s cookie, which is gone.',
      ], [
        { label: `Try to log out of ${provider}`, postTo: '/logout' },
        { label: 'Log in again', href: '/login', secondary: true },
      ]);
    });
  };
}

/** Routes that need no session (mounted before the session middleware). */
export function createBackchannelLogoutRoute(options: Pick<LoginRoutesOptions, 'oidc' | 'auth' | 'tokens' | 'logger'>): Router {
  const router = express.Router();
  router.post(BACKCHANNEL_LOGOUT_PATH, express.urlencoded({ extended: false, limit: '16kb' }), async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    const token = typeof req.body?.logout_token === 'string' ? req.body.logout_token : '';
    if (!token) return res.status(400).json({ error: 'invalid_request', error_description: 'logout_token is missing' });
    let logout;
    try {
      logout = await options.oidc.verifyLogoutToken(token);
    } catch (err) {
      options.logger.warn(`back-channel logout refused: ${err instanceof Error ? err.message : 'invalid token'}`);
      return res.status(400).json({ error: 'invalid_request', error_description: 'the logout token is not valid' });
    }
    const firstTime = await options.tokens.rememberOnce(`logout-jti:${logout.issuer}:${logout.jti}`, Math.max(60_000, logout.expiresAt - Date.now()));
    if (!firstTime) {
      options.logger.warn('back-channel logout refused: the logout token was already used');
      return res.status(400).json({ error: 'invalid_request', error_description: 'the logout token was already used' });
    }
    const sessions = await options.tokens.findSessions({ issuer: logout.issuer, providerSessionId: logout.providerSessionId, subject: logout.subject });
    await options.auth.endSessionsById(sessions);
    options.logger.info(`back-channel logout: ended ${sessions.length} session(s)`);
    res.status(200).end();
  });
  return router;
}

export function createLoginRoutes(options: LoginRoutesOptions): Router {
  const { oidc, auth, pendingLogins, logger } = options;
  const router = express.Router();
  const callbackPath = new URL(options.redirectUri).pathname;
  const publicOrigin = new URL(options.redirectUri).origin;
  const claimRules = options.claims ?? defaultClaimRules(options.userIdClaim);

  router.get('/login', async (req, res) => {
    const returnTo = sanitizeReturnTo(req.query.returnTo);
    if (req.session.user) return res.redirect(303, returnTo);
    try {
      const start = await oidc.startLogin(returnTo);
      pendingLogins.add(req, res, start.state, start.pending);
      res.set('Cache-Control', 'no-store').redirect(303, start.url);
    } catch (err) {
      // The provider out of reach (refused, timed out, a 5xx) is expected now and then: one line naming
      // the issuer and the cause (decision 031); anything else is a bug and keeps its stack.
      if (err instanceof UpstreamError) logger.error(`cannot start a login — ${describeUpstreamError(err)}`);
      else logger.error('cannot start a login', err);
      if (err instanceof IssuerMismatchError) {
        // A setting to change, not a provider to wait for: no "try again", and no URL on the page (the log line has both issuers and the fix).
        const requestId = currentRequestId();
        return sendPage(res, 502, 'Login is not set up correctly', [
          `Nansen cannot log you in with ${options.providerName}: its login is not set up correctly, and trying again will not help until it is.`,
          `Tell whoever runs Nansen${requestId ? ` (reference: request ${requestId})` : ''}.`,
        ], []);
      }
      sendPage(res, 502, 'Cannot reach the login service', [
        `Nansen could not reach ${options.providerName} to log you in.`,
        'Try again in a moment. If this keeps happening, ask your administrator to check the OIDC_ISSUER setting and that the identity provider is running.',
      ], { label: 'Try again', href: `/login?returnTo=${encodeURIComponent(returnTo)}` });
    }
  });

  router.get(callbackPath, async (req: Request, res: Response) => {
    const query = req.query as Record<string, unknown>;
    // A login of this browser that expired, or was used, still knows the page it was started for (pending-login-cookie.ts).
    const rememberedReturnTo = (state: string) => (state ? pendingLogins.rememberedReturnTo(req, state) : undefined) ?? '/';
    const state = typeof query.state === 'string' ? query.state : '';
    let pending = state ? pendingLogins.take(req, res, state) : undefined;
    // While the session store cannot be used, the outage page (decision 051) offers a new login to the
    // same page: never this URL again, whose code is spent and must not be in a page.
    res.locals[SESSION_STORE_TRY_AGAIN] = loginHref(pending?.returnTo ?? rememberedReturnTo(state));
    // One-time on the server as well as in the cookie: a script that kept the cookie from before the
    // login could otherwise replay this callback for as long as the login is pending, and each replay
    // would cost a token request at the provider on Nansen's client (decision 034). A hash of the state
    // is remembered, never the state.
    if (pending && !(await inSessionStore(options.tokens.rememberOnce(`login-state:${createHash('sha256').update(state).digest('base64url')}`, PENDING_LOGIN_TTL_MS)))) pending = undefined;
    if (!pending && req.session.user) {
      // A callback of no login this browser can finish, while logged in: the Back button after a login, or
      // its link opened again. Nothing went wrong and there is nothing to do: its code is never sent to the
      // provider, and the session stays as it is. On to the page the finished login was for, else home.
      return res.set('Cache-Control', 'no-store').redirect(303, sanitizeReturnTo(rememberedReturnTo(state)));
    }
    if (typeof query.error === 'string') {
      // Anyone can link to this URL with any words in it: the provider's words are shown only for a login
      // this browser started (its state is in the pending-login cookie); else a fixed message of our own.
      if (!pending) {
        return sendPage(res, 400, 'Login was not completed', [
          'The login was not completed, and it does not match a login started in this browser (it may have been started too long ago, or already used).',
          'Start again and it will work.',
        ], { label: 'Log in again', href: loginHref(rememberedReturnTo(state)) });
      }
      const description = shortenProviderDescription(query.error_description, query.error);
      return sendPage(
        res,
        400,
        'Login was not completed',
        [describeLoginError(query.error, options.providerName), ...(description ? [`${providerNameAtSentenceStart(options.providerName)} said: ${description}`] : []), 'You can try logging in again.'],
        { label: 'Log in again', href: loginHref(pending.returnTo) },
      );
    }
    if (!pending) {
      // A replayed or copied callback URL, or one too old: one line an auditor can see, no code or state values.
      // A cookie this instance cannot open is most often another instance's, with other SESSION_SECRETS: the line says so.
      const failure = pendingLogins.unreadable(req) ? NO_PENDING_LOGIN_UNKNOWN_SECRET : NO_PENDING_LOGIN;
      logger.warn('login callback failed', undefined, callbackFailureLogFields(failure));
      const page = describeCallbackFailureInWords(failure, options.providerName, currentRequestId());
      return sendPage(res, page.status, page.title, page.paragraphs, { label: page.actionLabel ?? 'Log in again', href: loginHref(rememberedReturnTo(state)) });
    }

    const callbackUrl = new URL(options.redirectUri);
    callbackUrl.search = new URL(req.originalUrl, 'http://callback.invalid').search;
    let user: User;
    let tokens;
    let groups: string[];
    try {
      const result = await oidc.finishLogin(callbackUrl, pending, state);
      tokens = result.tokens;
      let claims = result.claims;
      if (needsUserInfo(claims, claimRules)) {
        try {
          // The ID token's claims win: they are signed; UserInfo fills what it lacks.
          claims = { ...(await oidc.fetchUserInfo(tokens.accessToken, String(claims.sub))), ...claims };
        } catch (err) {
          logger.warn('UserInfo request failed; using ID token claims only', err instanceof Error ? new Error(err.message) : undefined);
        }
      }
      user = buildUserFromClaims(claims, claimRules);
      const found = readGroups(claims, claimRules);
      groups = found.groups;
      if (found.overage) logger.warn(`${options.providerName} sent a groups overage for ${user.user_id} instead of the groups (too many to fit a token); filter the groups it sends to Nansen`);
      if (found.dropped > 0) logger.warn(`kept ${groups.length} groups of ${user.user_id} and left ${found.dropped} out (OIDC_GROUPS_MAX is ${claimRules.maxGroups}; names over 256 characters are dropped)`);
    } catch (err) {
      if (err instanceof MissingUserIdClaimError) {
        logger.warn(err.message);
        return sendPage(res, 400, 'Your account could not be identified', [
          `${providerNameAtSentenceStart(options.providerName)} did not send the "${err.claim}" claim, which Nansen uses as your user id.`,
          `An administrator can fix this by releasing that claim to Nansen at the provider, or by setting OIDC_USER_ID_CLAIM to a claim the provider sends (for example sub).`,
        ]);
      }
      // One line an auditor can read: the provider's error, openid-client's code and the check that failed
      // (an expired code is not an attack; an issuer that does not match may be one). Never the code or
      // state values, which a provider may echo in its words.
      const failure = describeCallbackFailure(err, [typeof query.code === 'string' ? query.code : '', state], oidc.issuer);
      logger.warn('login callback failed', undefined, callbackFailureLogFields(failure));
      const page = describeCallbackFailureInWords(failure, options.providerName, currentRequestId());
      return sendPage(res, page.status, page.title, page.paragraphs, page.actionLabel ? { label: page.actionLabel, href: loginHref(pending.returnTo) } : []);
    }

    if (options.profileUser) {
      try {
        user = await options.profileUser(user, tokens);
      } catch (err) {
        logger.warn(`looking up ${user.user_id}'s profile after login failed; the session keeps the provider's claims only`, err);
      }
    }

    // A fresh session id after login (no session fixation); the old session's tokens go with it.
    // Each talks to the session store only: while it is down, the outage's 503 page (decision 051).
    await inSessionStore(auth.endSession(req));
    await inSessionStore(promisify((cb) => req.session.regenerate(cb)));
    await inSessionStore(auth.startSession(req, user, tokens, groups));
    if (options.onLogin) {
      options.onLogin(user, tokens).catch((err: unknown) => logger.warn(`recording ${user.user_id} after login failed`, err));
    }
    res.set('Cache-Control', 'no-store').redirect(303, pending.returnTo);
  });

  router.get('/logout', (req, res) => {
    // A way back besides the button: to the page the person came from (same origin only), else home.
    sendPage(res, 200, 'Log out of Nansen?', ['You will also be logged out of your identity provider session for Nansen.'], [
      { label: 'Log out', postTo: '/logout' },
      { label: 'Stay logged in', href: sameOriginReferrer(req, publicOrigin), secondary: true },
    ]);
  });

  router.post('/logout', async (req, res) => {
    // Nansen's session ends first, whatever the provider says next: logging out never dead-ends. A browser
    // not logged in has no session and no tokens to end (nor does the store need to answer: decision 054).
    const tokens = req.session.user ? await auth.endSession(req) : undefined;
    await promisify((cb) => req.session.destroy(cb));
    // With the attributes it was set with: a browser ignores a `__Host-` cookie without Secure, even one that clears it.
    res.clearCookie(options.sessionCookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.sessionCookieName.startsWith('__Host-') });
    if (tokens?.refreshToken) {
      const revoked = await oidc.revoke(tokens.refreshToken);
      if (revoked === 'failed') logger.warn('the provider did not revoke the refresh token at logout');
    }
    await sendProviderLogout(options, res, tokens);
  });

  // The script of the page above (the CSP allows scripts from Nansen's origin only, no inline one).
  router.get(AUTO_SUBMIT_SCRIPT_PATH, (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(AUTO_SUBMIT_SCRIPT);
  });

  router.get('/logged-out', (req, res) => {
    const user = req.session.user;
    if (user) {
      // Reached while a session is still valid (a bookmark, an old tab, a login since in another tab): say so.
      return sendPage(res, 200, 'You are still logged in', [`You are logged in to Nansen as ${user.display_name || user.email || user.user_id}.`], [
        { label: 'Back to Nansen', href: '/' },
        { label: 'Log out', postTo: '/logout', secondary: true },
      ]);
    }
    const provider = req.query.provider;
    sendPage(
      res,
      200,
      'You are logged out',
      provider === 'unreachable'
        ? ['Your Nansen session has ended.', `${providerNameAtSentenceStart(options.providerName)} could not be reached, so you may still be logged in there; log out there too on a shared computer.`]
        : provider === 'kept'
          ? ['Your Nansen session has ended.', `You are still signed in to ${options.providerName}, which does not let applications end its session; sign out there too on a shared computer.`]
          : ['Your Nansen session has ended.'],
      { label: 'Log in again', href: '/login' },
    );
  });

  return router;
}
