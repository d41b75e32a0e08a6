import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../testing/free-port';
import { checkProviderAtStart, PROVIDER_CHECK_TIMEOUT_MS } from './check-provider';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/**
 * A provider on a free port (node:http) answering its discovery path with `status` (after `delayMs`): a
 * discovery document naming its issuer as `declare` makes it from the issuer, by default that issuer
 * itself; or `body` as it is, with its `contentType`.
 */
async function startProvider(
  status: number,
  delayMs = 0,
  answer: { declare?: (issuer: string) => unknown; body?: string; contentType?: string } = {},
): Promise<{ issuer: string; paths: string[] }> {
  const paths: string[] = [];
  let issuer = '';
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    const body = answer.body ?? JSON.stringify({ issuer: (answer.declare ?? ((own: string) => own))(issuer), authorization_endpoint: `${issuer}/auth` });
    setTimeout(() => res.writeHead(status, { 'content-type': answer.contentType ?? 'application/json' }).end(body), delayMs);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/main`;
  return { issuer, paths };
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

  it('names both issuers and the fix when the provider declares another one (localhost for 127.0.0.1)', async () => {
    const provider = await startProvider(200, 0, { declare: (own) => own.replace('127.0.0.1', 'localhost') });
    const declared = provider.issuer.replace('127.0.0.1', 'localhost');
    expect(await checkProviderAtStart(provider.issuer)).toBe(
      `OIDC_ISSUER is ${provider.issuer}, but the provider says its issuer is ${declared}; set OIDC_ISSUER to exactly that. `
      + 'They must match character for character (tokens carry the provider\'s issuer): a trailing slash (Auth0\'s issuer has one), 127.0.0.1 against localhost, or Keycloak\'s /auth prefix are the usual differences. '
      + `Nobody can log in until they match (the provider's discovery document: ${provider.issuer}/.well-known/openid-configuration). `
      + 'Nansen starts anyway; /readyz answers 503 until then.',
    );
  });

  it('takes no issuer as matching but the exact one: a trailing slash differs', async () => {
    const provider = await startProvider(200, 0, { declare: (own) => `${own}/` });
    expect(await checkProviderAtStart(provider.issuer)).toMatch(/^OIDC_ISSUER is http:\/\/127\.0\.0\.1:\d+\/realms\/main, but the provider says its issuer is http:\/\/127\.0\.0\.1:\d+\/realms\/main\/; set OIDC_ISSUER to exactly that\. /);
  });

  it('shows a declared issuer cleaned: no line break, no password, at most 200 characters', async () => {
    const provider = await startProvider(200, 0, { declare: () => `https://admin:hunter2@idp.example.com/\nFAKE LINE${'x'.repeat(400)}` });
    const warning = (await checkProviderAtStart(provider.issuer))!;
    expect(warning).not.toContain('\n');
    expect(warning).not.toContain('hunter2');
    expect(warning).toMatch(/the provider says its issuer is https:\/\/admin:\*\*\*@idp\.example\.com\/ FAKE LINEx+…; set OIDC_ISSUER/);
    expect(/says its issuer is (.+?); set OIDC_ISSUER/.exec(warning)![1]).toHaveLength(200);
  });

  it('says a discovery document without an issuer is none', async () => {
    const provider = await startProvider(200, 0, { declare: () => undefined });
    expect(await checkProviderAtStart(provider.issuer)).toMatch(/^The identity provider's discovery document for OIDC_ISSUER \(http:\/\/127\.0\.0\.1:\d+\/realms\/main\) names no issuer, /);
  });

  it('says a web page answering 200 at the discovery path is no discovery document, naming OIDC_ISSUER', async () => {
    const provider = await startProvider(200, 0, { body: '<!doctype html><title>Welcome to our site</title>', contentType: 'text/html' });
    expect(await checkProviderAtStart(provider.issuer)).toBe(
      `The identity provider's discovery document ${provider.issuer}/.well-known/openid-configuration answered HTTP 200, but not with a discovery document (not a JSON object; a web page, perhaps). Nobody can log in until it does: `
      + `check that OIDC_ISSUER (${provider.issuer}) is your provider's issuer URL (for Keycloak, the realm's URL: https://keycloak.example.com/realms/main, with /auth before /realms on Keycloak before version 17). `
      + 'Nansen starts anyway; /readyz answers 503 until the provider answers.',
    );
  });

  it('gives up after its time limit, saying so', async () => {
    const provider = await startProvider(200, 500);
    expect(await checkProviderAtStart(provider.issuer, 100)).toMatch(/could not be fetched: no answer within 100 ms\. /);
    expect(PROVIDER_CHECK_TIMEOUT_MS).toBe(5000);
  });
});
