import { sendJson } from '../http/send-json';
import express, { type Router } from 'express';
import type { AuthUserResponse, ClientConfig } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';

export function createAuthUserRoutes(auth: SessionAuth, clientConfig: ClientConfig): Router {
  const router = express.Router();
  router.get('/auth_user', (req, res) => {
    const body: AuthUserResponse = { msg: 'Success', user: auth.requireUser(req) };
    sendJson(res, body);
  });
  router.get('/config', (req, res) => {
    auth.requireUser(req);
    sendJson(res, clientConfig);
  });
  return router;
}
