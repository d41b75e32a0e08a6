import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { requestContext } from './request-context';

async function serve(trustProxy: boolean | string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.set('trust proxy', trustProxy);
  app.use(requestContext());
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('request ids', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps the X-Request-Id a trusted proxy sends when it is a short safe token', async () => {
    const s = await serve('loopback');
    server = s.server;
    for (const id of ['abc-123', '4bf92f3577b34da6a3ce929d0e0e4736', 'trace:1.2_3']) {
      const response = await fetch(s.url, { headers: { 'x-request-id': id } });
      expect(response.headers.get('x-request-id')).toBe(id);
    }
  });

  it('replaces an unsafe or overlong X-Request-Id even from a trusted proxy', async () => {
    const s = await serve('loopback');
    server = s.server;
    for (const id of ['<script>', 'a b', 'x'.repeat(129), '"quoted"', 'a/b', '../x%00']) {
      const response = await fetch(s.url, { headers: { 'x-request-id': id } });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('replaces any X-Request-Id when no proxy is trusted', async () => {
    const s = await serve(false);
    server = s.server;
    const response = await fetch(s.url, { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).not.toBe('abc-123');
  });
});
