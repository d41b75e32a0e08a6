// GET /api/announcements/v0/: the posts of the announcements folder, read and rendered at start-up
// (server/config/load-announcements.ts). 404 when announcements are off in the UI config.
import { sendJson } from '../http/send-json';
import express, { type Router } from 'express';
import type { Announcement, AnnouncementsResponse } from '../../contract/api-common';
import type { SessionAuth } from '../auth/session-auth';
import { NotFoundError } from '../http/errors';

/** Mount at /announcements/v0. `announcements` is null when they are turned off. */
export function createAnnouncementsRoutes(auth: SessionAuth, announcements: readonly Announcement[] | null): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    auth.requireUser(req);
    if (!announcements)
      throw new NotFoundError('Announcements are turned off (announcements.enabled in the UI config file).', 'announcements_disabled');
    const body: AnnouncementsResponse = { msg: 'Success', posts: [...announcements] };
    sendJson(res, body);
  });
  return router;
}
