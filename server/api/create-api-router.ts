import express, { type Router } from 'express';
import type { ClientConfig } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { apiNotFound } from '../http/error-middleware';
import type { MetadataClient } from '../upstream/metadata-client';
import type { SearchClient } from '../upstream/search-client';
import { createAuthUserRoutes } from './auth-user-routes';
import { createMetadataRoutes } from './metadata-routes';
import { createSearchRoutes } from './search-routes';

export interface ApiDeps {
  auth: SessionAuth;
  metadata: MetadataClient;
  search: SearchClient;
  clientConfig: ClientConfig;
}

/** Everything under /api: parse → upstream call → JSON. */
export function createApiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(express.json({ limit: '100kb' }));
  router.use('/', createAuthUserRoutes(deps.auth, deps.clientConfig));
  router.use('/metadata/v0', createMetadataRoutes(deps.auth, deps.metadata));
  router.use('/search/v1', createSearchRoutes(deps.auth, deps.search));
  router.use(apiNotFound);
  return router;
}
