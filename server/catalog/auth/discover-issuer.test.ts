import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityProviderUnavailableError } from './bearer-auth-errors';
import { assertSecureUrl, discoverIssuer, isLoopbackHttpUrl } from './discover-issuer';

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

let server: Server | undefined;

async function stopProvider() {
  const stopping = server;
  server = undefined;
  stopping?.closeAllConnections();
  await new Promise((resolve) => (stopping ? stopping.close(resolve) : resolve(undefined)));
}

afterEach(stopProvider);

/** A provider on a free loopback port whose every answer the test writes; returns its base URL. */
async function startProvider(answer: (path: string, base: string, headers: IncomingHttpHeaders) => Answer): Promise<string> {
  server = createServer((req, res) => {
    const { status = 200, headers = { 'content-type': 'application/json' }, body = '' } = answer(req.url ?? '/', base, req.headers);
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

/** A provider that answers discovery at `${base}${issuerPath}` with `document(issuer)`. */
function startDiscovery(document: (issuer: string) => unknown, issuerPath = '') {
  return startProvider((path, base) =>
    path === `${issuerPath.replace(/\/$/, '')}/.well-known/openid-configuration`
      ? { body: JSON.stringify(document(`${base}${issuerPath}`)) }
      : { status: 404, body: '{}' },
  );
}

async function failureOf(promise: Promise<unknown>): Promise<IdentityProviderUnavailableError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
    return error as IdentityProviderUnavailableError;
  }
  throw new Error('expected discovery to fail');
}

describe('which issuer addresses the catalog accepts', () => {
  it('takes https anywhere', () => {
    expect(() => assertSecureUrl(new URL('https://login.example.com'), false, 'issuer')).not.toThrow();
  });

  it('takes http only on a loopback host, and only when allowed', () => {
    for (const url of ['http://localhost:4000', 'http://127.0.0.1:4000', 'http://127.8.9.10', 'http://[::1]:4000']) {
      expect(isLoopbackHttpUrl(new URL(url)), url).toBe(true);
      expect(() => assertSecureUrl(new URL(url), true, 'issuer'), url).not.toThrow();
    }
    for (const url of ['http://login.example.com', 'http://10.0.0.127', 'http://128.0.0.1', 'http://localhost.example.com', 'https://localhost']) {
      expect(isLoopbackHttpUrl(new URL(url)), url).toBe(false);
    }
  });

  it('says how to allow a loopback development provider when http was not allowed', () => {
    expect(() => assertSecureUrl(new URL('http://localhost:4000/realm'), false, 'issuer')).toThrow(
      new Error('The issuer http://localhost:4000/realm must use https (set allowInsecureHttp for a loopback development IdP).'),
    );
  });

  it('refuses http at any other host even when allowed, and other schemes, without that hint', () => {
    expect(() => assertSecureUrl(new URL('http://login.example.com'), true, 'jwks_uri')).toThrow(new Error('The jwks_uri http://login.example.com/ must use https.'));
    expect(() => assertSecureUrl(new URL('ftp://login.example.com'), false, 'issuer')).toThrow(new Error('The issuer ftp://login.example.com/ must use https.'));
  });
});

describe('discovering an issuer', () => {
  it('reads the JWKS and UserInfo addresses of a provider that names itself the issuer', async () => {
    const base = await startDiscovery((issuer) => ({ issuer, jwks_uri: `${issuer}/jwks`, userinfo_endpoint: `${issuer}/userinfo` }));
    expect(await discoverIssuer(base, true)).toEqual({ issuer: base, jwksUri: new URL(`${base}/jwks`), userinfoEndpoint: new URL(`${base}/userinfo`) });
  });

  it('finds the document of an issuer written with a trailing slash, and of one with a path', async () => {
    const withSlash = await startDiscovery((issuer) => ({ issuer, jwks_uri: `${issuer}jwks` }), '/tenant/');
    expect((await discoverIssuer(`${withSlash}/tenant/`, true)).jwksUri.href).toBe(`${withSlash}/tenant/jwks`);
  });

  it('takes a provider without a UserInfo endpoint', async () => {
    const base = await startDiscovery((issuer) => ({ issuer, jwks_uri: `${issuer}/jwks` }));
    expect((await discoverIssuer(base, true)).userinfoEndpoint).toBeUndefined();
  });

  it('asks for JSON', async () => {
    let accept: string | undefined;
    const base = await startProvider((_path, issuer, headers) => {
      accept = headers.accept;
      return { body: JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }) };
    });
    await discoverIssuer(base, true);
    expect(accept).toBe('application/json');
  });

  it('fails when discovery answers an HTTP error, naming the address and the status', async () => {
    const base = await startProvider(() => ({ status: 503, body: 'down for maintenance' }));
    expect((await failureOf(discoverIssuer(base, true))).message).toBe(`Discovery at ${base}/.well-known/openid-configuration answered HTTP 503.`);
  });

  it('fails when discovery answers 304, which has no body', async () => {
    const base = await startProvider(() => ({ status: 304 }));
    expect((await failureOf(discoverIssuer(base, true))).message).toBe(`Discovery at ${base}/.well-known/openid-configuration answered HTTP 304.`);
  });

  it('fails when discovery does not answer JSON', async () => {
    const base = await startProvider(() => ({ headers: { 'content-type': 'text/html' }, body: '<html>login</html>' }));
    expect((await failureOf(discoverIssuer(base, true))).message).toBe(`Discovery at ${base}/.well-known/openid-configuration did not answer JSON.`);
  });

  it('does not follow a redirect to another document', async () => {
    const base = await startProvider((path, issuer) =>
      path === '/elsewhere' ? { body: JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }) } : { status: 302, headers: { location: `${issuer}/elsewhere` } },
    );
    expect((await failureOf(discoverIssuer(base, true))).message).toMatch(new RegExp(`^Discovery at ${base}/\\.well-known/openid-configuration failed: `));
  });

  it('fails when nothing answers, naming the address', async () => {
    const base = await startProvider(() => ({}));
    await stopProvider();
    expect((await failureOf(discoverIssuer(base, true))).message).toBe(`Discovery at ${base}/.well-known/openid-configuration failed: fetch failed`);
  });

  it('fails when the document names another issuer, or none', async () => {
    const other = await startDiscovery(() => ({ issuer: 'https://idp.example.org', jwks_uri: 'https://idp.example.org/jwks' }));
    expect((await failureOf(discoverIssuer(other, true))).message).toBe(
      `Discovery at ${other}/.well-known/openid-configuration names issuer "https://idp.example.org", not the configured "${other}".`,
    );
    await stopProvider();
    const none = await startProvider(() => ({ body: 'null' }));
    expect((await failureOf(discoverIssuer(none, true))).message).toMatch(/names issuer undefined, not the configured/);
  });

  it('fails without a jwks_uri, or with one that is not a URL', async () => {
    const missing = await startDiscovery((issuer) => ({ issuer }));
    expect((await failureOf(discoverIssuer(missing, true))).message).toBe(`Discovery at ${missing}/.well-known/openid-configuration has no jwks_uri.`);
    await stopProvider();
    for (const jwks_uri of ['not a url', 42, ['https://keys.example.com/jwks']]) {
      const bad = await startDiscovery((issuer) => ({ issuer, jwks_uri }));
      expect((await failureOf(discoverIssuer(bad, true))).message).toBe("The discovery document's jwks_uri is not a URL.");
      await stopProvider();
    }
    const badUserInfo = await startDiscovery((issuer) => ({ issuer, jwks_uri: `${issuer}/jwks`, userinfo_endpoint: 'nope' }));
    expect((await failureOf(discoverIssuer(badUserInfo, true))).message).toBe("The discovery document's userinfo_endpoint is not a URL.");
  });

  it('refuses keys or UserInfo over plain http at another host, even when the issuer may use http', async () => {
    const base = await startDiscovery((issuer) => ({ issuer, jwks_uri: 'http://keys.example.com/jwks' }));
    expect((await failureOf(discoverIssuer(base, true))).message).toBe('The jwks_uri http://keys.example.com/jwks must use https.');
    await stopProvider();
    const userinfo = await startDiscovery((issuer) => ({ issuer, jwks_uri: `${issuer}/jwks`, userinfo_endpoint: 'http://me.example.com/userinfo' }));
    expect((await failureOf(discoverIssuer(userinfo, true))).message).toBe('The userinfo_endpoint http://me.example.com/userinfo must use https.');
  });
});
