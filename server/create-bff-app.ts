// The BFF: login, session, the /api the SPA calls, and the SPA itself. Built from its dependencies
// so tests can give it a real IdP and catalog on free ports.
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type session from 'express-session';
import type { Announcement } from '../contract/api-common';
import type { ClientConfig } from '../contract/bff-api';
import { createApiRouter } from './api/create-api-router';
import type { EditPolicy } from './api/edit-rights';
import { createBackchannelLogoutRoute, createLoginRoutes, createLogoutDuringStoreOutage } from './auth/login-routes';
import type { OidcClient } from './auth/oidc-client';
import { createSessionAuth } from './auth/session-auth';
import { pageUserGuard } from './auth/page-user-guard';
import { createPendingLoginCookie } from './auth/pending-login-cookie';
import { createSecretMismatchWarning } from './auth/secret-mismatch-warning';
import { sanitizeReturnTo } from './auth/return-to';
import { createSessionMiddleware, getSessionCookieName } from './auth/session-middleware';
import { createTokenCipher } from './auth/token-cipher';
import type { TokenStore } from './auth/token-store';
import { type ClaimRules, DEFAULT_HTTPS_TRUST_PROXY, type RateLimitSettings, type TrustProxy } from './config/config-schema';
import type { BrandingLogo } from './config/load-logo';
import { createErrorMiddleware } from './http/error-middleware';
import { createNotHandledPage } from './http/not-handled-page';
import type { Logger } from './http/logger';
import { createMetricsRoute, createRequestMetrics } from './http/metrics';
import { createRateLimiter, type RateLimitCounter } from './http/rate-limit';
import { renderLoginRateLimitPage } from './http/rate-limit-page';
import { createReadinessRoute, providerCheck, sessionStoreCheck, upstreamCheck } from './http/readiness';
import { requestContext, routeLabel } from './http/request-context';
import { sameOriginGuard } from './http/same-origin-guard';
import { securityHeaders } from './http/security-headers';
import { createSessionStoreOutageHandler } from './http/session-store-outage';
import { createBrandingRoutes } from './spa/serve-branding';
import { createSpaAssetRoutes, createSpaPageRoutes } from './spa/serve-spa';
import { createOpenSearchRoute } from './spa/serve-opensearch';
import { createFirstSearch } from './spa/first-search';
import { noFavicon } from './spa/no-favicon';
import { runSearch } from './api/search-routes';
import type { MetadataClient } from './upstream/metadata-client';
import type { SearchClient } from './upstream/search-client';
import type { UserDirectory } from './users/directory/user-directory';
import { createPeopleResolver } from './users/people-resolver';
import { profileLoginUser } from './users/record-login-user';
import { toUpstreamToken, type UpstreamAuthMode } from './upstream/upstream-token';

export interface BffDeps {
  /** Where browsers reach the BFF; redirect URIs and cookies follow it, never the Host header. */
  publicUrl: string;
  /**
   * Whose X-Forwarded-* headers count (TRUST_PROXY): Secure cookies behind a TLS-terminating proxy
   * need its X-Forwarded-Proto. Default: a local or private-network proxy on https, none on http.
   */
  trustProxy?: TrustProxy;
  redirectUri: string;
  userIdClaim: string;
  /** How claims become the User and the session's groups (OIDC_CLAIM_MAP, OIDC_GROUPS_CLAIM); default: the standard claims. */
  claims?: ClaimRules;
  providerName: string;
  session: {
    /** The first signs cookies and seals tokens; all are accepted (rotation). */
    secrets: readonly string[];
    store: session.Store;
    /** Where the sessions' tokens live, sealed (token-store.ts). */
    tokens: TokenStore;
    /** What the log calls the store when it cannot be used ("session store (Redis) unavailable"); default SQLite. */
    storeName?: string;
    /** While the store's connection is lost (Redis), what is wrong in words, for /readyz. */
    connectionProblem?: () => string | undefined;
    idleTimeoutMinutes: number;
    absoluteTimeoutMs: number;
  };
  oidc: OidcClient;
  metadata: MetadataClient;
  search: SearchClient;
  /** How the user's token travels to metadata and search (UPSTREAM_AUTH); default bearer. */
  upstreamAuth?: UpstreamAuthMode;
  clientConfig: ClientConfig;
  /** Announcement posts read at start-up, or null when announcements are off. */
  announcements: readonly Announcement[] | null;
  /** The UI config's logo, or null for the built-in mark. */
  logo: BrandingLogo | null;
  /** Where people the metadata service does not know are looked up (USER_DIRECTORY); none when undefined. */
  userDirectory?: { directory: UserDirectory; cacheTtlMs: number; cacheSize: number; timeoutMs: number };
  /** Who may change what (EDIT_RULES_FILE); default: every signed-in person, as in Amundsen. */
  editPolicy?: EditPolicy;
  /** After a tag or table description change, update the search document too: true with real Amundsen services (api/sync-search-documents.ts). */
  updateSearchDocuments?: boolean;
  spaDistDir: string;
  /** How long the /search page waits for its first answer (FIRST_SEARCH_BUDGET_MS); 0 = never; default 250. */
  firstSearchBudgetMs?: number;
  logger: Logger;
  /** Requests per minute on login and search (RATE_LIMIT_*); none when undefined. */
  rateLimits?: RateLimitSettings;
  /** METRICS_ENABLED: serve /metrics (to requests that did not come through a proxy); default off. */
  metricsEnabled?: boolean;
  /** What /readyz asks besides the provider and the session store: the services' GET /healthcheck. */
  readiness?: { metadata: { healthcheck(timeoutMs: number): Promise<void> }; search: { healthcheck(timeoutMs: number): Promise<void> } };
  /** The embedded catalog checks tokens: /readyz wants the provider's issuer to be OIDC_ISSUER character for character. */
  issuerExact?: boolean;
}

/** How long a login waits for metadata's profile of the person before starting the session with the claims alone. */
const LOGIN_PROFILE_WAIT_MS = 1500;

/** Probes and scrapes: counted in the metrics, not written to the log every few seconds. */
const QUIET_PATHS = new Set(['/healthcheck', '/readyz', '/metrics']);

export function createBffApp(deps: BffDeps): Express {
  const app = express();
  const https = deps.publicUrl.startsWith('https:');
  app.disable('x-powered-by');
  const trustProxy = deps.trustProxy ?? (https ? DEFAULT_HTTPS_TRUST_PROXY : false);
  app.set('trust proxy', Array.isArray(trustProxy) ? [...trustProxy] : trustProxy);
  const metrics = createRequestMetrics();
  app.use(requestContext((req, _id, ms, status) => {
    // With the app's routes: a request refused before its route (a 429) is named after the route it was aimed at.
    const route = routeLabel(req, status, app.router);
    metrics.record(req.method, route, status, ms);
    if (!QUIET_PATHS.has(req.path)) {
      deps.logger.info('request', { method: req.method, route, path: req.originalUrl.split('?')[0] ?? '', status, ms: Math.round(ms * 10) / 10 });
    }
  }));
  app.use(securityHeaders({ https, formTargets: [new URL(deps.oidc.issuer).origin] }));
  const { store, tokens } = deps.session;
  const upstreamToken = (tokens: Parameters<typeof toUpstreamToken>[1]) => toUpstreamToken(deps.upstreamAuth ?? 'bearer', tokens);
  const auth = createSessionAuth({
    oidc: deps.oidc,
    upstreamToken,
    tokens,
    logger: deps.logger,
    absoluteTimeoutMs: deps.session.absoluteTimeoutMs,
    destroySessionRecord: (sessionId) => new Promise((resolve, reject) => store.destroy(sessionId, (err) => (err ? reject(err) : resolve()))),
  });
  // One warning a minute per cookie when cookies come signed with other SESSION_SECRETS (another instance's).
  const secretMismatch = createSecretMismatchWarning(deps.logger);
  const sessions = createSessionMiddleware({
    secrets: deps.session.secrets,
    store,
    secureCookie: https,
    idleTimeoutMinutes: deps.session.idleTimeoutMinutes,
    absoluteTimeoutMs: deps.session.absoluteTimeoutMs,
    endSession: (req) => auth.endSession(req),
    onUnknownSecret: (cookieName) => secretMismatch('session', cookieName),
  });
  const sameOrigin = sameOriginGuard(new URL(deps.publicUrl).origin, { logger: deps.logger });
  // The search limit also counts the first search the BFF makes for the /search page it serves.
  const searchRateLimit: (RequestHandler & RateLimitCounter) | undefined = deps.rateLimits
    ? createRateLimiter({ name: 'search', perSession: deps.rateLimits.searchPerSession, perIp: deps.rateLimits.searchPerIp })
    : undefined;
  const people = deps.userDirectory
    ? createPeopleResolver({ metadata: deps.metadata, logger: deps.logger, ...deps.userDirectory })
    : undefined;
  const apiRouter = createApiRouter({
    auth, metadata: deps.metadata, search: deps.search, clientConfig: deps.clientConfig, announcements: deps.announcements, people,
    editPolicy: deps.editPolicy, updateSearchDocuments: deps.updateSearchDocuments, logger: deps.logger,
  });
  // /api with the session, the same-origin guard and the search limit: what every API call goes
  // through, and nothing else (the SPA's files, branding, probes and login routes are not for it).
  const api: RequestHandler[] = [
    sessions,
    sameOrigin,
    pageUserGuard(),
    ...(searchRateLimit ? [(req: Request, res: Response, next: NextFunction) => (req.path === '/search' || req.path.startsWith('/search/') ? searchRateLimit(req, res, next) : next())] : []),
    apiRouter,
  ];
  // The API first, unless the login callback (OIDC_REDIRECT_URI) was put under /api: then it keeps its turn after the login routes.
  const callbackPath = new URL(deps.redirectUri).pathname;
  const apiFirst = callbackPath !== '/api' && !callbackPath.startsWith('/api/');
  if (apiFirst) app.use('/api', api);

  app.get('/healthcheck', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', createMetricsRoute(metrics, { enabled: deps.metricsEnabled ?? false }));
  app.get('/readyz', createReadinessRoute([
    providerCheck(deps.oidc.issuer, { exact: deps.issuerExact ?? false }),
    ...(deps.readiness ? [upstreamCheck('metadata', deps.readiness.metadata), upstreamCheck('search', deps.readiness.search)] : []),
    sessionStoreCheck(deps.session.store, deps.session.connectionProblem),
  ]));
  app.use(createOpenSearchRoute({ publicUrl: deps.publicUrl, productName: deps.clientConfig.documentTitle }));
  app.use(createSpaAssetRoutes(deps.spaDistDir));
  app.use(noFavicon);
  app.use(createBrandingRoutes(deps.logo));
  // Server-to-server from the provider: no session, no browser.
  app.use(createBackchannelLogoutRoute({ oidc: deps.oidc, auth, tokens, logger: deps.logger }));
  app.use(sessions);
  app.use(sameOrigin);
  const pendingLogins = createPendingLoginCookie({
    cipher: createTokenCipher(deps.session.secrets),
    secure: https,
    onUnknownSecret: (cookieName) => secretMismatch('pending login', cookieName),
  });
  if (deps.rateLimits) {
    // Starting a login and coming back from the provider count apart, with the same limits (decision 034): a
    // network whose people (or a script) start many logins does not refuse the callback of someone who has
    // just typed their password, while a callback replayed with one pending-login cookie, each a token
    // request to the provider, stays bounded. A browser over a limit is shown a page, not JSON.
    const limits = { name: 'login', perSession: deps.rateLimits.loginPerSession, perIp: deps.rateLimits.loginPerIp };
    const loginAgain = (returnTo: unknown) => {
      const safe = sanitizeReturnTo(returnTo);
      return safe === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(safe)}`;
    };
    app.get('/login', createRateLimiter(limits, Date.now, {
      page: (req, refusal) => renderLoginRateLimitPage(refusal, loginAgain(req.query.returnTo)),
    }));
    app.get(callbackPath, createRateLimiter(limits, Date.now, {
      // Back to the page the login was started for, when this browser's pending login of that state says which.
      page: (req, refusal) => {
        const state = typeof req.query.state === 'string' ? req.query.state : '';
        return renderLoginRateLimitPage(refusal, loginAgain(state ? pendingLogins.read(req)[state]?.returnTo : undefined));
      },
    }));
  }

  app.use(
    createLoginRoutes({
      oidc: deps.oidc,
      auth,
      tokens,
      pendingLogins,
      redirectUri: deps.redirectUri,
      userIdClaim: deps.userIdClaim,
      claims: deps.claims,
      providerName: deps.providerName,
      sessionCookieName: getSessionCookieName(https),
      logger: deps.logger,
      // One metadata lookup per login: for the session's user (decision 043) and for recording them.
      profileUser: (user, tokens) =>
        profileLoginUser(deps.metadata, upstreamToken(tokens), user, {
          waitMs: LOGIN_PROFILE_WAIT_MS,
          onRecorded: (outcome) => {
            if (outcome instanceof Error) deps.logger.warn(`recording ${user.user_id} after login failed`, outcome);
          },
        }),
    }),
  );
  // The session and the same-origin guard ran above; the page-user guard, the search limit and the API follow the login routes.
  if (!apiFirst) app.use('/api', api.slice(2));
  const searchDeps = { auth, search: deps.search, clientConfig: deps.clientConfig };
  const firstSearch = createFirstSearch({
    runSearch: (req, body) => runSearch(req, searchDeps, body), clientConfig: deps.clientConfig, rateLimit: searchRateLimit, logger: deps.logger,
    budgetMs: deps.firstSearchBudgetMs,
  });
  app.use(createSpaPageRoutes(deps.spaDistDir, { clientConfig: deps.clientConfig, firstSearch }));
  // Last: what no route answered (a POST to a page, a PUT to /login): a page in Nansen's style, not Express's bare text.
  app.use(createNotHandledPage(app.router));
  // POST /logout logs this browser out even when the session store cannot be read (decision 054).
  app.use(createLogoutDuringStoreOutage({
    oidc: deps.oidc, logger: deps.logger, providerName: deps.providerName, sessionCookieName: getSessionCookieName(https),
    storeName: deps.session.storeName ?? 'SQLite', sameOrigin,
  }));
  app.use(createSessionStoreOutageHandler({ storeName: deps.session.storeName ?? 'SQLite', logger: deps.logger }));
  app.use(createErrorMiddleware(deps.logger));
  return app;
}
