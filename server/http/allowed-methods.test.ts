import express from 'express';
import { describe, expect, it } from 'vitest';
import { allowedMethods, routePatternAt } from './allowed-methods';

const ok: express.RequestHandler = (_req, res) => {
  res.end();
};

function sampleRouter() {
  const inner = express.Router();
  inner.get('/table', ok);
  inner.put('/table/:key/description', ok);
  inner.delete('/table/:key/description', ok);
  inner.head('/only-head', ok);
  const router = express.Router();
  router.use((_req, _res, next) => next()); // middleware: no methods of its own
  router.use('/metadata/v0', express.Router(), inner);
  router.post('/search', ok);
  router.all('/anything', ok);
  router.get(/^\/files\/.*/, ok);
  return router;
}

describe('allowedMethods', () => {
  const router = sampleRouter();

  it("lists the methods of the routes matching the path, through mounted routers, HEAD with GET, in alphabetical order", () => {
    expect(allowedMethods(router, '/metadata/v0/table')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods(router, '/metadata/v0/table/hive:x/description')).toEqual(['DELETE', 'PUT']);
    expect(allowedMethods(router, '/search')).toEqual(['POST']);
    expect(allowedMethods(router, '/files/a/b.txt')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods(router, '/metadata/v0/only-head')).toEqual(['HEAD']);
  });

  it('finds nothing for a path no route matches, nor for a route of every method (.all)', () => {
    expect(allowedMethods(router, '/nothing')).toEqual([]);
    expect(allowedMethods(router, '/metadata/v0/nothing')).toEqual([]);
    expect(allowedMethods(router, '/metadata/v0')).toEqual([]);
    expect(allowedMethods(router, '/anything')).toEqual([]);
  });

  it('skips a route whose parameter is not valid percent-encoding, and looks at the others', () => {
    const withParams = express.Router();
    withParams.get('/t/:key', ok);
    withParams.post(/^\/t\/.*/, ok);
    expect(allowedMethods(withParams, '/t/%E0%A4%A')).toEqual(['POST']);
    expect(allowedMethods(withParams, '/t/ok')).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('gives a mounted router the root for the path it is mounted at', () => {
    const inner = express.Router();
    inner.get('/', ok);
    const router = express.Router();
    router.use('/announcements', inner);
    expect(allowedMethods(router, '/announcements')).toEqual(['GET', 'HEAD']);
  });
});

describe('routePatternAt', () => {
  const router = sampleRouter();

  it('names the route that would handle the method at the path, with the mount paths before it', () => {
    expect(routePatternAt(router, 'GET', '/metadata/v0/table')).toBe('/metadata/v0/table');
    expect(routePatternAt(router, 'DELETE', '/metadata/v0/table/hive:x/description')).toBe('/metadata/v0/table/:key/description');
    expect(routePatternAt(router, 'POST', '/search')).toBe('/search');
    expect(routePatternAt(router, 'PATCH', '/anything')).toBe('/anything');
  });

  it('names a GET route for HEAD, as Express answers HEAD with it', () => {
    expect(routePatternAt(router, 'HEAD', '/metadata/v0/table')).toBe('/metadata/v0/table');
    const postFirst = express.Router();
    postFirst.post('/items/:id', ok);
    postFirst.get('/items/:key', ok);
    expect(routePatternAt(postFirst, 'HEAD', '/items/1')).toBe('/items/:key');
  });

  it('names the route at the path when none takes the method (the address a 405 is about)', () => {
    expect(routePatternAt(router, 'GET', '/search')).toBe('/search');
    expect(routePatternAt(router, 'POST', '/metadata/v0/table/hive:x/description')).toBe('/metadata/v0/table/:key/description');
  });

  it('prefers a later route that takes the method to an earlier one that does not', () => {
    const twoRoutes = express.Router();
    twoRoutes.post('/items/:id', ok);
    twoRoutes.get('/items/:key', ok);
    expect(routePatternAt(twoRoutes, 'GET', '/items/1')).toBe('/items/:key');
    expect(routePatternAt(twoRoutes, 'PUT', '/items/1')).toBe('/items/:id');
    twoRoutes.all('/items/:anyMethod', ok);
    expect(routePatternAt(twoRoutes, 'PUT', '/items/1')).toBe('/items/:anyMethod');
  });

  it('passes over a route whose path is a regular expression, and names nothing when no route matches', () => {
    expect(routePatternAt(router, 'GET', '/files/a/b.txt')).toBeUndefined();
    const spa = express.Router();
    spa.get(/.*/, ok);
    const app = express.Router();
    app.use('/api', router);
    app.use(spa);
    expect(routePatternAt(app, 'GET', '/api/search')).toBe('/api/search');
    expect(routePatternAt(app, 'GET', '/some/page')).toBeUndefined();
    expect(routePatternAt(router, 'GET', '/nothing')).toBeUndefined();
  });

  it('skips a route whose parameter is not valid percent-encoding instead of throwing', () => {
    const withParams = express.Router();
    withParams.get('/t/:key', ok);
    expect(routePatternAt(withParams, 'GET', '/t/%E0%A4%A')).toBeUndefined();
    expect(routePatternAt(withParams, 'GET', '/t/ok')).toBe('/t/:key');
  });
});
