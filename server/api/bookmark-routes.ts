// PUT|DELETE /api/metadata/v0/user/bookmark {type, key}: the signed-in person bookmarks (Amundsen:
// follows) a table or dashboard. Anyone signed in may; no edit rights are involved.
//
// On a person's very first visit: the login records them in metadata (users/record-login-user.ts),
// and the embedded catalog creates an unknown user on a follow PUT anyway. Should metadata still not
// know them (the login's recording failed, or a service that refuses follows of unknown users), the
// failed bookmark records them from the session and is tried once more.
import express, { type Router } from 'express';
import type { ClientConfig, WriteResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { UpstreamError } from '../http/errors';
import type { MetadataClient } from '../upstream/metadata-client';
import { recordLoginUser } from '../users/record-login-user';
import { requireIndexed } from './index-switches';
import { parseBookmarkBody } from './parse-write-body';

export function createBookmarkRoutes(auth: SessionAuth, metadata: MetadataClient, clientConfig: ClientConfig): Router {
  const router = express.Router();
  for (const method of ['put', 'delete'] as const) {
    router[method]('/user/bookmark', async (req, res) => {
      const user = auth.requireUser(req);
      const { type, key } = parseBookmarkBody(req);
      if (type === 'dashboard') requireIndexed(clientConfig, 'dashboard');
      await auth.withAccessToken(req, async (token) => {
        const write = () => (method === 'put' ? metadata.addBookmark(token, user.user_id, type, key) : metadata.removeBookmark(token, user.user_id, type, key));
        try {
          await write();
        } catch (err) {
          // A 500 from the service (Amundsen's answer to most failures): retry only when the person was missing.
          if (!(err instanceof UpstreamError && err.code === 'upstream_failed')) throw err;
          if ((await recordLoginUser(metadata, token, user)) !== 'created') throw err;
          await write();
        }
      });
      const body: WriteResponse = { msg: 'Success' };
      res.json(body);
    });
  }
  return router;
}
