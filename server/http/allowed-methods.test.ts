import express from 'express';
import { describe, expect, it } from 'vitest';
import { allowedMethods } from './allowed-methods';

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
