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

/** The 409 a page that names someone else gets while Signe is signed in. */
const SIGNE_NOW = {
  error: { name: 'ConflictError', code: 'session_user_changed', message: 'You are now signed in as Signe Ødegård in another tab or window; reload this page.' },
};

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
      expect(response.body).toEqual(SIGNE_NOW);
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
    expect(broken.body.error).toMatchObject({ name: 'InputError', code: 'invalid_page_user', message: 'The X-Nansen-User header is not valid percent-encoding.' });
  });

  it('lets reads through without the header, and the search POST, in any case and with a trailing slash', async () => {
    const app = createGuardedApp(SIGNE);
    expect((await request(app).get('/api/metadata/v0/user/bookmark')).status).toBe(200);
    expect((await request(app).head('/api/metadata/v0/user/bookmark')).status).toBe(200);
    expect((await request(app).options('/api/metadata/v0/user/bookmark')).status).toBe(200);
    for (const path of ['/api/search/v1/search', '/api/Search/v1/search', '/api/search/v1/search/']) {
      expect((await request(app).post(path)).status).toBe(200);
    }
    // Only the search is a read: another POST under /search is a write.
    expect((await request(app).post('/api/search/v1/search/other')).status).toBe(400);
    expect((await request(app).put('/api/search/v1/search')).status).toBe(400);
  });

  it("lets a read through that names the session's user", async () => {
    const app = createGuardedApp(SIGNE);
    const named = encodePageUser(SIGNE.user_id);
    const response = await request(app).get('/api/metadata/v0/user/bookmark').set('X-Nansen-User', named);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ reached: 'GET /metadata/v0/user/bookmark' });
    expect((await request(app).post('/api/search/v1/search').set('X-Nansen-User', named)).status).toBe(200);
  });

  it('refuses with the same 409 a read that names someone else: GET, HEAD and the search POST', async () => {
    const app = createGuardedApp(SIGNE);
    const roald = 'roald.amundsen%40example.org';
    for (const response of [
      await request(app).get('/api/metadata/v0/user/bookmark').set('X-Nansen-User', roald),
      await request(app).get('/api/metadata/v0/table?key=hive%3A%2F%2Fgold.sales%2Forders').set('X-Nansen-User', roald),
      await request(app).post('/api/search/v1/search').set('X-Nansen-User', roald),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body).toEqual(SIGNE_NOW);
    }
    expect((await request(app).head('/api/metadata/v0/user/bookmark').set('X-Nansen-User', roald)).status).toBe(409);
    const broken = await request(app).get('/api/metadata/v0/user/bookmark').set('X-Nansen-User', '%E0%A4%A');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ name: 'InputError', code: 'invalid_page_user' });
  });

  it('never refuses the user endpoint, whoever its header names, in any case and with a trailing slash', async () => {
    const app = createGuardedApp(SIGNE);
    for (const path of ['/api/auth_user', '/api/Auth_User', '/api/auth_user/']) {
      for (const stated of ['roald.amundsen%40example.org', '%E0%A4%A']) {
        const response = await request(app).get(path).set('X-Nansen-User', stated);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ reached: `GET ${path.slice('/api'.length)}` });
        expect((await request(app).head(path).set('X-Nansen-User', stated)).status).toBe(200);
      }
    }
    // Only reading it: a write there keeps the write rules.
    expect((await request(app).put('/api/auth_user').set('X-Nansen-User', 'roald.amundsen%40example.org')).status).toBe(409);
    // Only it: a path beginning the same is an ordinary read.
    expect((await request(app).get('/api/auth_user/other').set('X-Nansen-User', 'roald.amundsen%40example.org')).status).toBe(409);
  });

  it('lets a request with no signed-in user through to its route, which answers 401', async () => {
    expect((await request(createGuardedApp()).put('/api/metadata/v0/user/bookmark')).status).toBe(200);
    expect((await request(createGuardedApp()).put('/api/x').set('X-Nansen-User', 'anyone')).status).toBe(200);
    expect((await request(createGuardedApp()).get('/api/x').set('X-Nansen-User', 'anyone')).status).toBe(200);
  });
});
