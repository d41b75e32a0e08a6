// People under /api/metadata/v0: a profile and a person's bookmarks, owned and frequently read
// resources. With indexUsers off only the signed-in user's own are served (index-switches.ts); with
// indexDashboards off the lists hold no dashboards.
import { sendJson } from '../http/send-json';
import express, { type Router } from 'express';
import type { AuthUserResponse, BookmarksResponse, ClientConfig, OwnedResponse, ReadResponse, ResourceLists } from '../../contract/bff-api';
import { normalizeUser } from '../../contract/user';
import type { SessionAuth } from '../auth/session-auth';
import { NotFoundError } from '../http/errors';
import type { MetadataClient, UserResources } from '../upstream/metadata-client';
import type { PeopleResolver } from '../users/people-resolver';
import { getUserIgnoringEmailCase } from '../users/user-id-case-fallback';
import { isIndexed, resolveVisibleUser } from './index-switches';
import { toDashboardSummary } from './map-dashboard';
import { toTableSummary } from './map-table';
import { parseOptionalUserId, parseUserId } from './parse-read-query';

export function createUserRoutes(auth: SessionAuth, metadata: MetadataClient, clientConfig: ClientConfig, people?: PeopleResolver): Router {
  const router = express.Router();
  const toResourceLists = (resources: UserResources): ResourceLists => ({
    table: resources.table.map(toTableSummary),
    dashboard: isIndexed(clientConfig, 'dashboard') ? resources.dashboard.map(toDashboardSummary) : [],
  });

  router.get('/user', async (req, res) => {
    const userId = resolveVisibleUser(clientConfig, auth.requireUser(req), parseUserId(req));
    // Someone the metadata service does not know (yet) is looked up in the directory, when there is one;
    // an email id in other case than the person's opens that person (decision 088; the SPA then shows their id).
    const user = normalizeUser(
      await auth.withAccessToken(req, (token, caller) =>
        people
          ? people.getUser({ token, accessToken: caller.accessToken, signedInUser: caller.user }, userId)
          : getUserIgnoringEmailCase((id) => metadata.getUser(token, id), userId),
      ),
    );
    if (!user) throw new NotFoundError(`No user ${userId}`, 'not_found');
    const body: AuthUserResponse = { msg: 'Success', user };
    sendJson(res, body);
  });

  router.get('/user/bookmark', async (req, res) => {
    const userId = resolveVisibleUser(clientConfig, auth.requireUser(req), parseOptionalUserId(req));
    const bookmarks = await auth.withAccessToken(req, (token) => metadata.getBookmarks(token, userId));
    const body: BookmarksResponse = { msg: 'Success', bookmarks: toResourceLists(bookmarks) };
    sendJson(res, body);
  });

  router.get('/user/own', async (req, res) => {
    const userId = resolveVisibleUser(clientConfig, auth.requireUser(req), parseUserId(req));
    const owned = await auth.withAccessToken(req, (token) => metadata.getOwned(token, userId));
    const body: OwnedResponse = { msg: 'Success', own: toResourceLists(owned) };
    sendJson(res, body);
  });

  router.get('/user/read', async (req, res) => {
    const userId = resolveVisibleUser(clientConfig, auth.requireUser(req), parseUserId(req));
    const read = await auth.withAccessToken(req, (token) => metadata.getRead(token, userId));
    const body: ReadResponse = { msg: 'Success', read: read.map(toTableSummary) };
    sendJson(res, body);
  });

  return router;
}
