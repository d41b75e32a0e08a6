// The built SPA's files from a temporary dist folder, over real HTTP: raw bytes, no client-side decoding.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/vite-precompress';
import { createErrorMiddleware } from '../http/error-middleware';
import { createMemoryLogger } from '../http/logger';
import { createSpaAssetRoutes } from './serve-spa';

const JS = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "table_${i}" }`).join(', ')}];\n`;
const CSS = `.nav { color: red; }\n`.repeat(200);
const SMALL_JS = 'export const x = 1;\n';
const ICON = '<svg xmlns="http://www.w3.org/2000/svg">' + '<rect width="1" height="1"/>'.repeat(100) + '</svg>';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe('createSpaAssetRoutes', () => {
  let dist: string;
  let server: http.Server;
  let port: number;
  const logger = createMemoryLogger();

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.mkdirSync(path.join(dist, '.vite'));
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), JS);
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), CSS);
    fs.writeFileSync(path.join(dist, 'assets', 'tiny-def456.js'), SMALL_JS);
    fs.writeFileSync(path.join(dist, 'assets', 'photo-aaa111.png'), Buffer.alloc(3000, 7));
    fs.writeFileSync(path.join(dist, 'favicon.svg'), ICON);
    fs.mkdirSync(path.join(dist, 'api'));
    fs.writeFileSync(path.join(dist, 'api', 'auth_user'), '{"from":"the build"}');
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Nansen</title>'.padEnd(2000, ' '));
    fs.writeFileSync(path.join(dist, '.vite', 'manifest.json'), '{}');
    await precompressDir(dist);
    fs.rmSync(path.join(dist, 'assets', 'index-abc123.css.br')); // a file with a gzip twin only

    const app = express();
    app.use(createSpaAssetRoutes(dist));
    app.use((_req, res) => res.status(418).send('the page routes'));
    app.use(createErrorMiddleware(logger));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dist, { recursive: true, force: true });
  });

  function get(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('leaves every /api path to the API, even one the build holds a file for', async () => {
    expect((await get('/api/auth_user')).status).toBe(418);
    expect((await get('/api')).status).toBe(418);
  });

  it('sends the brotli twin to a browser that accepts it, with the original type and the twin length', async () => {
    const res = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBe(fs.statSync(path.join(dist, 'assets', 'index-abc123.js.br')).size);
    expect(res.body.length).toBeLessThan(JS.length / 3);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(JS);
  });

  it('sends the gzip twin when brotli is not accepted, or not there', async () => {
    const js = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate' });
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(Number(js.headers['content-length'])).toBe(js.body.length);
    expect(zlib.gunzipSync(js.body).toString()).toBe(JS);
    const css = await get('/assets/index-abc123.css', { 'Accept-Encoding': 'br, gzip' });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(zlib.gunzipSync(css.body).toString()).toBe(CSS);
  });

  it('sends the file as it is without Accept-Encoding, and still says the response varies with it', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(JS)));
    expect(res.body.toString()).toBe(JS);
  });

  it('honours q=0', async () => {
    const noBrotli = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(noBrotli.headers['content-encoding']).toBe('gzip');
    const neither = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(neither.headers['content-encoding']).toBeUndefined();
    expect(neither.headers.vary).toBe('Accept-Encoding');
    expect(neither.body.toString()).toBe(JS);
  });

  it('sends a file under 1 KB as it is (it has no twins), with Vary', async () => {
    const res = await get('/assets/tiny-def456.js', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.toString()).toBe(SMALL_JS);
  });

  it('sends an image as it is, without Vary', async () => {
    const res = await get('/assets/photo-aaa111.png', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.body.length).toBe(3000);
  });

  it('answers HEAD with the headers of the twin and no body', async () => {
    const res = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBe(fs.statSync(path.join(dist, 'assets', 'index-abc123.js.br')).size);
    expect(res.body.length).toBe(0);
  });

  it('gives each encoding its own validator and answers 304 to it', async () => {
    const br = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br' });
    const identity = await get('/assets/index-abc123.js');
    expect(br.headers.etag).toBeDefined();
    expect(br.headers.etag).not.toBe(identity.headers.etag);
    const again = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toBe('Accept-Encoding');
  });

  it('answers 404 in the one error shape for a missing asset, a dot-file or a path out of the folder', async () => {
    for (const urlPath of ['/assets/index-old999.js', '/assets/.hidden', '/assets/%2e%2e/index.html', '/assets/%E0%A4%A']) {
      const res = await get(urlPath, { 'Accept-Encoding': 'br' });
      expect(res.status, urlPath).toBe(404);
      expect(JSON.parse(res.body.toString()), urlPath).toEqual({
        error: { name: 'NotFoundError', message: 'No such file in the web app; reload the page to get the current version.', code: 'asset_not_found' },
      });
    }
  });

  it('serves other top-level files for an hour, precompressed too', async () => {
    const res = await get('/favicon.svg', { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(zlib.gunzipSync(res.body).toString()).toBe(ICON);
  });

  it('logs nothing when the browser goes away before the file is sent (a page left while it loads)', async () => {
    const before = logger.lines.length;
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end('GET /assets/index-abc123.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n');
          socket.destroy();
          resolve();
        });
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logger.lines.slice(before)).toEqual([]);
    expect((await get('/assets/index-abc123.js')).status).toBe(200);
  });

  it('leaves other methods to the routes after it', async () => {
    expect((await get('/assets/index-abc123.js', {}, 'POST')).status).toBe(418);
  });

  it('leaves page URLs, index.html and dot-folders to the page routes', async () => {
    for (const urlPath of ['/', '/search?term=orders', '/index.html', '/.vite/manifest.json', '/missing.js']) {
      expect((await get(urlPath)).status, urlPath).toBe(418);
    }
  });
});
