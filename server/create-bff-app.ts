// The BFF: login, session, the /api the SPA calls, and the SPA itself. Built from its dependencies
// so tests can give it a real IdP and catalog on free ports.
import express, { type Express } from 'express';
import type session from 'express-session';
import type { Announcement } from '../contract/api-common';
import type { ClientConfig } from '../contract/bff-api';
import { createApiRouter } from './api/create-api-router';
import { createLoginRoutes } from './auth/login-routes';
import type { OidcClient } from './auth/oidc-client';
import { createSessionAuth } from './auth/session-auth';
import { createSessionMiddleware, getSessionCookieName } from './auth/session-middleware';
import type { BrandingLogo } from './config/load-logo';
import { createErrorMiddleware } from './http/error-middleware';
import type { Logger } from './http/logger';
import { sameOriginGuard } from './http/same-origin-guard';
import { securityHeaders } from './http/security-headers';
import { createBrandingRoutes } from './spa/serve-branding';
import { createSpaAssetRoutes, createSpaPageRoutes } from './spa/serve-spa';
import type { MetadataClient } from './upstream/metadata-client';
import type { SearchClient } from './upstream/search-client';
import { recordLoginUser } from './users/record-login-user';

export interface BffDeps {
  publicUrl: string;
  redirectUri: string;
  userIdClaim: string;
  providerName: string;
  session: { secret: string; store: session.Store; idleTimeoutMinutes: number };
  oidc: OidcClient;
  metadata: MetadataClient;
  search: SearchClient;
  clientConfig: ClientConfig;
  /** Announcement posts read at start-up, or null when announcements are off. */
  announcements: readonly Announcement[] | null;
  /** The UI config's logo, or null for the built-in mark. */
  logo: BrandingLogo | null;
  spaDistDir: string;
  logger: Logger;
}

export function createBffApp(deps: BffDeps): Express {
  const app = express();
  const https = deps.publicUrl.startsWith('https:');
  app.disable('x-powered-by');
  if (https) app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(securityHeaders({ https, formTargets: [new URL(deps.oidc.issuer).origin] }));
  app.get('/healthcheck', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(createSpaAssetRoutes(deps.spaDistDir));
  app.use(createBrandingRoutes(deps.logo));
  app.use(createSessionMiddleware({ ...deps.session, secureCookie: https }));
  app.use(sameOriginGuard(new URL(deps.publicUrl).origin));

  const auth = createSessionAuth(deps.oidc, deps.logger);
  app.use(
    createLoginRoutes({
      oidc: deps.oidc,
      redirectUri: deps.redirectUri,
      userIdClaim: deps.userIdClaim,
      providerName: deps.providerName,
      sessionCookieName: getSessionCookieName(https),
      logger: deps.logger,
      onLogin: async (user, accessToken) => {
        await recordLoginUser(deps.metadata, accessToken, user);
      },
    }),
  );
  app.use('/api', createApiRouter({ auth, metadata: deps.metadata, search: deps.search, clientConfig: deps.clientConfig, announcements: deps.announcements }));
  app.use(createSpaPageRoutes(deps.spaDistDir));
  app.use(createErrorMiddleware(deps.logger));
  return app;
}
