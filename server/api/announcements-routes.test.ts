import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../contract/api-common';
import { createOidcClient } from '../auth/oidc-client';
import { createSessionAuth } from '../auth/session-auth';
import { SqliteTokenStore } from '../auth/sqlite-token-store';
import { createTokenCipher } from '../auth/token-cipher';
import { buildUserFromClaims } from '../auth/user-from-claims';
import { createErrorMiddleware } from '../http/error-middleware';
import { createMemoryLogger } from '../http/logger';
import { createAnnouncementsRoutes } from './announcements-routes';

const POSTS: Announcement[] = [
  { title: 'New', date: '2026-01-02', html_content: '<p>New.</p>\n' },
  { title: 'Old', date: '2025-06-01', html_content: '<p>Old.</p>\n' },
];
const logger = createMemoryLogger();
// The real session accessor; its identity provider and token store are never called (only a token refresh would).
const auth = createSessionAuth({
  oidc: createOidcClient({
    issuer: 'http://127.0.0.1:9/unused',
    clientId: 'nansen-bff',
    clientSecret: 'unused',
    redirectUri: 'http://localhost/auth',
    postLogoutRedirectUri: 'http://localhost/logged-out',
    scopes: 'openid',
    idTokenSigningAlg: 'RS256',
  }),
  tokens: new SqliteTokenStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-ann-')), 'sessions.sqlite'), createTokenCipher(['t'.repeat(32)])),
  logger,
  absoluteTimeoutMs: 3_600_000,
  destroySessionRecord: async () => {},
});
const signedIn = { user: buildUserFromClaims({ sub: 'liv', email: 'liv@example.org' }, 'email'), createdAt: Date.now() };

function appWith(session: object, announcements: Announcement[] | null) {
  const app = express();
  app.use((req, _res, next) => {
    Object.assign(req, { session }); // what the session middleware leaves on the request
    next();
  });
  app.use('/api/announcements/v0', createAnnouncementsRoutes(auth, announcements));
  app.use(createErrorMiddleware(logger));
  return app;
}

describe('GET /api/announcements/v0/', () => {
  it('answers the posts in the order given (newest first)', async () => {
    const res = await request(appWith(signedIn, POSTS)).get('/api/announcements/v0/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ msg: 'Success', posts: POSTS });
  });

  it('answers an empty list when the folder holds no posts', async () => {
    const res = await request(appWith(signedIn, [])).get('/api/announcements/v0/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ msg: 'Success', posts: [] });
  });

  it('answers without the trailing slash too', async () => {
    expect((await request(appWith(signedIn, POSTS)).get('/api/announcements/v0')).status).toBe(200);
  });

  it('answers 404 in the one error shape when announcements are off', async () => {
    const res = await request(appWith(signedIn, null)).get('/api/announcements/v0/');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { name: 'NotFoundError', message: 'Announcements are turned off (announcements.enabled in the UI config file).', code: 'announcements_disabled' },
    });
  });

  it('answers 401 to a signed-out caller', async () => {
    const res = await request(appWith({}, POSTS)).get('/api/announcements/v0/');
    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('NotAuthenticatedError');
  });
});
