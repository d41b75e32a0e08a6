import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson } from './send-json';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(body: unknown): Promise<string> {
  const app = express();
  app.all('/x', (_req, res) => sendJson(res.status(201), body));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
}

describe('sendJson', () => {
  it('answers the body as UTF-8 JSON with its byte length and the status set before, without an ETag', async () => {
    const body = { msg: 'Success', name: 'Ærø “orders” 🧭', list: [1, null, true] };
    const url = await serve(body);
    const res = await fetch(url);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toEqual(body);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('answers a HEAD request with the headers and no body', async () => {
    const url = await serve({ a: 1 });
    const res = await fetch(url, { method: 'HEAD' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-length')).toBe('7');
    expect(await res.text()).toBe('');
  });
});
