import express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNotHandledPage } from './not-handled-page';

function appWithRoutes() {
  const app = express();
  const pages = express.Router();
  pages.get('/logout', (_req, res) => {
    res.send('confirm');
  });
  pages.post('/logout', (_req, res) => {
    res.send('bye');
  });
  app.use(pages);
  app.get('/search', (_req, res) => {
    res.send('page');
  });
  app.use(createNotHandledPage(app.router));
  return app;
}

describe('createNotHandledPage', () => {
  let app: express.Express;
  beforeAll(() => {
    app = appWithRoutes();
  });

  it('answers a method an address does not take with a 405 page in Nansen\'s style and an Allow header', async () => {
    const res = await request(app).post('/search?term=x');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<title>This address cannot do that · Nansen</title>');
    expect(res.text).toContain('<p>This address does not take POST requests; it answers GET, HEAD. A form or link that sent you here may be out of date: open the page again from Nansen.</p>');
    expect(res.text).toContain('<a class="button" href="/">Go to Nansen</a>');
    expect(res.text).not.toContain('Cannot POST');
  });

  it('lists every method of the address, from the routers mounted on the app', async () => {
    const res = await request(app).delete('/logout');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect(res.text).toContain('does not take DELETE requests; it answers GET, HEAD, POST.');
  });

  it('answers an address nothing answers with a 404 page in the same style', async () => {
    const res = await request(app).put('/nothing');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<title>Page not found · Nansen</title>');
    expect(res.text).toContain('<p>There is nothing at this address.</p>');
    expect(res.text).toContain('<a class="button" href="/">Go to Nansen</a>');
    expect((await request(app).get('/nothing')).status).toBe(404);
  });
});
