import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Announcement } from '../../contract/api-common';
import type { ClientConfig } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { apiMethodNotAllowed } from '../http/error-middleware';
import { InputError } from '../http/errors';
import type { MetadataClient } from '../upstream/metadata-client';
import type { SearchClient } from '../upstream/search-client';
import type { PeopleResolver } from '../users/people-resolver';
import type { Logger } from '../http/logger';
import { createAnnouncementsRoutes } from './announcements-routes';
import { createBookmarkRoutes } from './bookmark-routes';
import { createEditHistoryRoutes } from './edit-history-routes';
import { EDIT_POLICY_WITHOUT_RULES, type EditPolicy } from './edit-rights';
import { createSearchDocumentSync } from './sync-search-documents';
import { createWriteDashboardRoutes } from './write-dashboard-routes';
import { createWriteTableRoutes } from './write-table-routes';
import { createOwnerCandidatesRoutes } from './owner-candidates-routes';
import { createAuthUserRoutes } from './auth-user-routes';
import { createCatalogRoutes } from './catalog-routes';
import { createDashboardRoutes } from './dashboard-routes';
import { createLineageRoutes } from './lineage-routes';
import { createSearchRoutes } from './search-routes';
import { createTableRoutes } from './table-routes';
import { createUserRoutes } from './user-routes';

export interface ApiDeps {
  auth: SessionAuth;
  metadata: MetadataClient;
  search: SearchClient;
  clientConfig: ClientConfig;
  /** The announcement posts, or null when announcements are off. */
  announcements: readonly Announcement[] | null;
  /** People metadata does not know, from the directory (USER_DIRECTORY); undefined without one. */
  people?: PeopleResolver;
  /** Who may change what (EDIT_RULES_FILE); default: every signed-in person, as in Amundsen. */
  editPolicy?: EditPolicy;
  /**
   * Update the search document after a tag or table description change (sync-search-documents.ts):
   * true with real Amundsen services, false (the default) with the embedded catalog, which indexes its own writes.
   */
  updateSearchDocuments?: boolean;
  /** For what a route notes but does not fail on (a search document left stale). */
  logger?: Logger;
}

/** Express answers a path parameter with broken percent-encoding with a URIError: that is bad input. */
const badPathEncoding: ErrorRequestHandler = (err, _req, _res, next) => {
  next(err instanceof URIError ? new InputError('The path is not valid percent-encoding.', 'invalid_path') : err);
};

/**
 * A description write carries the text and the text it began from. An imported description may be far
 * over the UI config's limit, and an edit of it may keep its length (decision 059): its body may be
 * larger than other writes' 100 kB. The parsers still refuse a text longer than the limit or its base.
 */
const DESCRIPTION_BODY_LIMIT = '1mb';
const DESCRIPTION_WRITES = new Set(['/metadata/v0/put_table_description', '/metadata/v0/put_column_description', '/metadata/v0/put_type_metadata_description']);

/** Everything under /api: parse → upstream call → JSON. */
export function createApiRouter({
  auth, metadata, search, clientConfig, announcements, people, editPolicy = EDIT_POLICY_WITHOUT_RULES, updateSearchDocuments = false, logger,
}: ApiDeps): Router {
  const searchDocuments = createSearchDocumentSync(search, updateSearchDocuments, logger);
  const writeDeps = { auth, metadata, clientConfig, policy: editPolicy, searchDocuments };
  const router = express.Router();
  const json = express.json({ limit: '100kb' });
  const descriptionJson = express.json({ limit: DESCRIPTION_BODY_LIMIT });
  router.use((req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    // Reads carry no body: only the writes and the search POST go through the JSON body parser.
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    (req.method === 'PUT' && DESCRIPTION_WRITES.has(req.path) ? descriptionJson : json)(req, res, next);
  });
  router.use('/', createAuthUserRoutes(auth, clientConfig));
  router.use(
    '/metadata/v0',
    createTableRoutes(auth, metadata, editPolicy, people),
    createCatalogRoutes(auth, metadata, clientConfig),
    createDashboardRoutes(auth, metadata, clientConfig, editPolicy, people),
    createLineageRoutes(auth, metadata, clientConfig),
    createUserRoutes(auth, metadata, clientConfig, people),
    createWriteTableRoutes(writeDeps),
    createOwnerCandidatesRoutes({ auth, metadata, search, policy: editPolicy, logger }),
    createWriteDashboardRoutes(writeDeps),
    createBookmarkRoutes(auth, metadata, clientConfig),
    createEditHistoryRoutes(auth, metadata, clientConfig),
  );
  router.use('/search/v1', createSearchRoutes(auth, search, clientConfig));
  router.use('/announcements/v0', createAnnouncementsRoutes(auth, announcements));
  // A wrong method on a real route: 405 with Allow; anything else: the JSON 404.
  router.use(apiMethodNotAllowed(router));
  router.use(badPathEncoding);
  return router;
}
