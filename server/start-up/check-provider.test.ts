import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../testing/free-port';
import { checkProviderAtStart, PROVIDER_CHECK_TIMEOUT_MS } from './check-provider';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A provider on a free port answering its discovery path with `status` (after `delayMs`). */
async function startProvider(status: number, delayMs = 0): Promise<{ issuer: string; paths: string[] }> {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'), delayMs);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/main/`, paths };
}

describe('checkProviderAtStart', () => {
  it('says nothing when the discovery document answers', async () => {
    const provider = await startProvider(200);
    expect(await checkProviderAtStart(provider.issuer)).toBeUndefined();
    expect(provider.paths).toEqual(['/realms/main/.well-known/openid-configuration']);
  });

  it('names OIDC_ISSUER, the URL, the refused connection and what to check when nothing listens', async () => {
    const issuer = `http://127.0.0.1:${await getFreePort()}`;
    expect(await checkProviderAtStart(issuer)).toBe(
      `The identity provider's discovery document ${issuer}/.well-known/openid-configuration could not be fetched: cannot connect (ECONNREFUSED). Nobody can log in until it can: `
      + `check that OIDC_ISSUER (${issuer}) is your provider's issuer URL, that the provider is running, and that this machine reaches it (DNS, firewall, proxy). `
      + 'Nansen starts anyway; /readyz answers 503 until the provider answers.',
    );
  });

  it('says the status a wrong issuer URL answers with', async () => {
    const provider = await startProvider(404);
    expect(await checkProviderAtStart(provider.issuer)).toMatch(/^The identity provider's discovery document http:\/\/127\.0\.0\.1:\d+\/realms\/main\/\.well-known\/openid-configuration could not be fetched: answered HTTP 404\. /);
  });

  it('gives up after its time limit, saying so', async () => {
    const provider = await startProvider(200, 500);
    expect(await checkProviderAtStart(provider.issuer, 100)).toMatch(/could not be fetched: no answer within 100 ms\. /);
    expect(PROVIDER_CHECK_TIMEOUT_MS).toBe(5000);
  });
});
