// /login, the callback (/auth by default, Amundsen's), /logout and /logged-out.
import express, { type Request, type Response, type Router } from 'express';
import type { User } from '../../contract/bff-api';
import { renderPage } from '../http/html-page';
import type { Logger } from '../http/logger';
import type { OidcClient } from './oidc-client';
import { sanitizeReturnTo } from './return-to';
import type { PendingLogin } from './session-data';
import { buildUserFromClaims, MissingUserIdClaimError, needsUserInfo } from './user-from-claims';

const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING_LOGINS = 5;

export interface LoginRoutesOptions {
  oidc: OidcClient;
  /** Absolute redirect URI registered at the provider; its path is the callback route. */
  redirectUri: string;
  userIdClaim: string;
  providerName: string;
  sessionCookieName: string;
  logger: Logger;
  /** Called after a successful login (e.g. to record the user in metadata); failures are logged only. */
  onLogin?: (user: User, accessToken: string) => Promise<void>;
}

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

function sendPage(res: Response, status: number, title: string, paragraphs: string[], action = { label: 'Log in again', href: '/login' }) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(renderPage(title, paragraphs, action));
}

function keepRecentPendingLogins(pending: Record<string, PendingLogin> | undefined): Record<string, PendingLogin> {
  const now = Date.now();
  const recent = Object.entries(pending ?? {})
    .filter(([, p]) => now - p.createdAt < PENDING_LOGIN_TTL_MS)
    .sort(([, a], [, b]) => b.createdAt - a.createdAt)
    .slice(0, MAX_PENDING_LOGINS - 1);
  return Object.fromEntries(recent);
}

export function createLoginRoutes(options: LoginRoutesOptions): Router {
  const { oidc, logger } = options;
  const router = express.Router();
  const callbackPath = new URL(options.redirectUri).pathname;

  router.get('/login', async (req, res) => {
    const returnTo = sanitizeReturnTo(req.query.returnTo);
    if (req.session.user && req.session.tokens) return res.redirect(303, returnTo);
    try {
      const start = await oidc.startLogin(returnTo);
      req.session.pendingLogins = { ...keepRecentPendingLogins(req.session.pendingLogins), [start.state]: start.pending };
      await promisify((cb) => req.session.save(cb));
      res.set('Cache-Control', 'no-store').redirect(303, start.url);
    } catch (err) {
      logger.error('cannot start a login', err);
      sendPage(res, 502, 'Cannot reach the login service', [
        `Nansen could not reach ${options.providerName} to log you in.`,
        'Try again in a moment. If this keeps happening, ask your administrator to check the OIDC_ISSUER setting and that the identity provider is running.',
      ], { label: 'Try again', href: `/login?returnTo=${encodeURIComponent(returnTo)}` });
    }
  });

  router.get(callbackPath, async (req: Request, res: Response) => {
    const query = req.query as Record<string, unknown>;
    if (typeof query.error === 'string') {
      const description = typeof query.error_description === 'string' ? query.error_description : query.error;
      return sendPage(res, 400, 'Login was not completed', [`${options.providerName} answered: ${description}`, 'You can try logging in again.']);
    }
    const state = typeof query.state === 'string' ? query.state : '';
    const pending = state ? req.session.pendingLogins?.[state] : undefined;
    if (!pending || Date.now() - pending.createdAt > PENDING_LOGIN_TTL_MS) {
      return sendPage(res, 400, 'This login link has expired', [
        'The login was started too long ago, in another browser, or was already used.',
        'Start again and it will work.',
      ]);
    }
    delete req.session.pendingLogins![state];

    const callbackUrl = new URL(options.redirectUri);
    callbackUrl.search = new URL(req.originalUrl, 'http://callback.invalid').search;
    let user: User;
    let tokens;
    try {
      const result = await oidc.finishLogin(callbackUrl, pending, state);
      tokens = result.tokens;
      let claims = result.claims;
      if (needsUserInfo(claims, options.userIdClaim)) {
        try {
          claims = { ...claims, ...(await oidc.fetchUserInfo(tokens.accessToken, String(claims.sub))) };
        } catch (err) {
          logger.warn('UserInfo request failed; using ID token claims only', err instanceof Error ? new Error(err.message) : undefined);
        }
      }
      user = buildUserFromClaims(claims, options.userIdClaim);
    } catch (err) {
      if (err instanceof MissingUserIdClaimError) {
        logger.warn(err.message);
        return sendPage(res, 400, 'Your account could not be identified', [
          `${options.providerName} did not send the "${err.claim}" claim, which Nansen uses as your user id.`,
          `An administrator can fix this by releasing that claim to Nansen at the provider, or by setting OIDC_USER_ID_CLAIM to a claim the provider sends (for example sub).`,
        ]);
      }
      const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'unknown';
      logger.warn(`login callback failed (${code})`, err instanceof Error ? new Error(err.message) : undefined);
      return sendPage(res, 400, 'Login failed', [
        `The answer from ${options.providerName} could not be verified, so you were not logged in (${code}).`,
        'Try again. If it keeps failing, ask your administrator to check the OIDC client settings.',
      ]);
    }

    // A fresh session id after login (no session fixation).
    await promisify((cb) => req.session.regenerate(cb));
    req.session.user = user;
    req.session.tokens = tokens;
    await promisify((cb) => req.session.save(cb));
    if (options.onLogin) {
      options.onLogin(user, tokens.accessToken).catch((err: unknown) => logger.warn(`recording ${user.user_id} after login failed`, err));
    }
    res.set('Cache-Control', 'no-store').redirect(303, pending.returnTo);
  });

  router.get('/logout', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(
      renderPage('Log out of Nansen?', ['You will also be logged out of your identity provider session for Nansen.'], { label: 'Log out', postTo: '/logout' }),
    );
  });

  router.post('/logout', async (req, res) => {
    const idToken = req.session.tokens?.idToken;
    await promisify((cb) => req.session.destroy(cb));
    res.clearCookie(options.sessionCookieName, { path: '/' });
    let target = '/logged-out';
    try {
      target = (await oidc.buildLogoutUrl(idToken)) ?? target;
    } catch (err) {
      logger.warn('cannot build the provider logout URL; signing out of Nansen only', err);
    }
    res.set('Cache-Control', 'no-store').redirect(303, target);
  });

  router.get('/logged-out', (_req, res) => {
    sendPage(res, 200, 'You are logged out', ['Your Nansen session has ended.'], { label: 'Log in again', href: '/login' });
  });

  return router;
}
