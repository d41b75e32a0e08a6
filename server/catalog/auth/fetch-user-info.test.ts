import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityProviderUnavailableError, InvalidTokenError } from './bearer-auth-errors';
import { fetchUserInfo } from './fetch-user-info';

const TOKEN = 'opaque-token-for-liv';

let server: Server | undefined;
afterEach(async () => {
  const stopping = server;
  server = undefined;
  stopping?.closeAllConnections();
  await new Promise((resolve) => (stopping ? stopping.close(resolve) : resolve(undefined)));
});

/**
 * A UserInfo endpoint on a free loopback port. It answers `answer` to a request that carries TOKEN as a
 * Bearer token, and 401 to any other.
 */
async function startUserInfo(answer: { status?: number; contentType?: string | null; body?: string; location?: string }): Promise<URL> {
  server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
    // Asked for JSON, it answers JSON (or what the test says).
    if (req.headers.accept !== 'application/json') return res.writeHead(406).end();
    const headers: Record<string, string> = answer.contentType === null ? {} : { 'content-type': answer.contentType ?? 'application/json' };
    if (answer.location) headers.location = answer.location;
    res.writeHead(answer.status ?? 200, headers).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/userinfo`);
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected UserInfo to fail');
}

async function expectUnavailable(endpoint: URL, message: string) {
  const error = await failureOf(fetchUserInfo(endpoint, TOKEN));
  expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
  expect(error.message).toBe(message.replace('URL', endpoint.href));
}

describe('asking UserInfo who an opaque token belongs to', () => {
  it('sends the token as a Bearer token and returns the claims', async () => {
    const endpoint = await startUserInfo({ contentType: 'application/json; charset=utf-8', body: JSON.stringify({ sub: 'liv', email: 'liv@example.org' }) });
    expect(await fetchUserInfo(endpoint, TOKEN)).toEqual({ sub: 'liv', email: 'liv@example.org' });
  });

  it('calls a token the provider refuses (401 or 403) not accepted: the token is bad, not the provider', async () => {
    const refusing = await startUserInfo({ status: 403 });
    for (const token of [TOKEN, 'another-token']) {
      const error = await failureOf(fetchUserInfo(refusing, token));
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect((error as InvalidTokenError).description).toBe('The identity provider does not accept the access token.');
    }
  });

  it('says the provider is unavailable when it fails, naming the address and the status', async () => {
    await expectUnavailable(await startUserInfo({ status: 500, body: '{}' }), 'UserInfo at URL answered HTTP 500.');
  });

  it('says the provider is unavailable when it answers 304, which has no body', async () => {
    await expectUnavailable(await startUserInfo({ status: 304 }), 'UserInfo at URL answered HTTP 304.');
  });

  it('does not follow a redirect (a login page is not an answer)', async () => {
    const endpoint = await startUserInfo({ status: 302, location: '/login' });
    const error = await failureOf(fetchUserInfo(endpoint, TOKEN));
    expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
    expect(error.message).toMatch(new RegExp(`^UserInfo at ${endpoint.href} failed: `));
  });

  it('says the provider is unavailable when it answers something other than JSON claims with a subject', async () => {
    await expectUnavailable(await startUserInfo({ contentType: 'text/html', body: '<html>' }), 'UserInfo at URL did not answer JSON.');
    await expectUnavailable(await startUserInfo({ contentType: null, body: '{"sub":"liv"}' }), 'UserInfo at URL did not answer JSON.');
    await expectUnavailable(await startUserInfo({ status: 204, contentType: null }), 'UserInfo at URL did not answer JSON.');
    for (const body of ['{not json', '[]', 'null', '{"email":"liv@example.org"}', '{"sub":""}', '{"sub":42}']) {
      await expectUnavailable(await startUserInfo({ body }), 'UserInfo at URL answered without a subject.');
    }
  });

  it('says the provider is unavailable when nothing answers', async () => {
    const endpoint = await startUserInfo({});
    server!.closeAllConnections();
    server!.close();
    server = undefined;
    await expectUnavailable(endpoint, 'UserInfo at URL failed: fetch failed');
  });
});
