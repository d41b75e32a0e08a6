import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { User } from '../../contract/bff-api';
import { encodePageUser } from '../../contract/page-user';
import { createErrorMiddleware } from '../http/error-middleware';
import { createMemoryLogger } from '../http/logger';
import { pageUserGuard } from './page-user-guard';

const SIGNE = { user_id: 'signe.ødegård@example.org', display_name: 'Signe Ødegård' } as User;

/** /api as create-bff-app.ts mounts it, with a session holding `user` (none when undefined). */
function createGuardedApp(user?: User) {
  const app = express();
  app.use((req, _res, next) => {
    (req as unknown as { session: { user?: User } }).session = user ? { user } : {};
    next();
  });
  app.use('/api', pageUserGuard(), (req, res) => {
    res.json({ reached: `${req.method} ${req.path}` });
  });
  app.use(createErrorMiddleware(createMemoryLogger()));
  return app;
}

describe('the page-user guard', () => {
  it("lets a write through that names the session's user, percent-encoded, whatever letters the id has", async () => {
    const response = await request(createGuardedApp(SIGNE)).put('/api/metadata/v0/user/bookmark').set('X-Nansen-User', encodePageUser(SIGNE.user_id));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ reached: 'PUT /metadata/v0/user/bookmark' });
  });

  it('refuses with 409 every write method that names someone else, saying who is signed in now', async () => {
    for (const method of ['post', 'put', 'delete', 'patch'] as const) {
      const response = await request(createGuardedApp(SIGNE))[method]('/api/metadata/v0/user/bookmark').set('X-Nansen-User', 'roald.amundsen%40example.org');
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        error: {
          name: 'ConflictError',
          code: 'session_user_changed',
          message: 'You are now signed in as Signe Ødegård in another tab or window; reload this page.',
        },
      });
    }
  });

  it('compares the decoded id exactly: not its raw form, not another case', async () => {
    for (const stated of ['signe.ødegård@example.org'.normalize('NFD'), 'Signe.ødegård@example.org', `${SIGNE.user_id} `]) {
      expect((await request(createGuardedApp(SIGNE)).put('/api/x').set('X-Nansen-User', encodeURIComponent(stated))).status).toBe(409);
    }
  });

  it('refuses a write without the header with 400, and one whose header is not percent-encoding', async () => {
    const missing = await request(createGuardedApp(SIGNE)).put('/api/metadata/v0/user/bookmark');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ name: 'InputError', code: 'page_user_missing' });
    expect(missing.body.error.message).toMatch(/X-Nansen-User header\): reload the page/);
    const broken = await request(createGuardedApp(SIGNE)).put('/api/x').set('X-Nansen-User', '%E0%A4%A');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ name: 'InputError', code: 'invalid_page_user' });
  });

  it('lets reads through without the header, and the search POST, in any case and with a trailing slash', async () => {
    const app = createGuardedApp(SIGNE);
    expect((await request(app).get('/api/auth_user').set('X-Nansen-User', 'someone-else')).status).toBe(200);
    expect((await request(app).head('/api/auth_user')).status).toBe(200);
    expect((await request(app).options('/api/auth_user')).status).toBe(200);
    for (const path of ['/api/search/v1/search', '/api/Search/v1/search', '/api/search/v1/search/']) {
      expect((await request(app).post(path)).status).toBe(200);
    }
    // Only the search is a read: another POST under /search is a write.
    expect((await request(app).post('/api/search/v1/search/other')).status).toBe(400);
    expect((await request(app).put('/api/search/v1/search')).status).toBe(400);
  });

  it('lets a write with no signed-in user through to its route, which answers 401', async () => {
    expect((await request(createGuardedApp()).put('/api/metadata/v0/user/bookmark')).status).toBe(200);
    expect((await request(createGuardedApp()).put('/api/x').set('X-Nansen-User', 'anyone')).status).toBe(200);
  });
});
