import { isLoopbackHost } from '../../http/loopback-host';
import { IdentityProviderUnavailableError } from './bearer-auth-errors';

export interface IssuerMetadata {
  issuer: string;
  jwksUri: URL;
  userinfoEndpoint: URL | undefined;
}

const DISCOVERY_TIMEOUT_MS = 5_000;

export function isLoopbackHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** Only https, or http on loopback when `allowInsecureHttp` is set. Throws an Error naming the problem. */
export function assertSecureUrl(url: URL, allowInsecureHttp: boolean, what: string): void {
  if (url.protocol === 'https:') return;
  if (allowInsecureHttp && isLoopbackHttpUrl(url)) return;
  const hint = url.protocol === 'http:' && !allowInsecureHttp ? ' (set allowInsecureHttp for a loopback development IdP)' : '';
  throw new Error(`The ${what} ${url.href} must use https${hint}.`);
}

function readUrl(document: Record<string, unknown>, field: string, allowInsecureHttp: boolean): URL | undefined {
  const value = document[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new IdentityProviderUnavailableError(`The discovery document's ${field} is not a URL.`);
  }
  const url = new URL(value);
  try {
    assertSecureUrl(url, allowInsecureHttp, field);
  } catch (error) {
    throw new IdentityProviderUnavailableError((error as Error).message);
  }
  return url;
}

/** Fetch `/.well-known/openid-configuration` and check it describes exactly this issuer. */
export async function discoverIssuer(issuer: string, allowInsecureHttp: boolean): Promise<IssuerMetadata> {
  const discoveryUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(discoveryUrl, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new IdentityProviderUnavailableError(`Discovery at ${discoveryUrl} failed: ${(cause as Error).message}`, { cause });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new IdentityProviderUnavailableError(`Discovery at ${discoveryUrl} answered HTTP ${response.status}.`);
  }
  let document: Record<string, unknown>;
  try {
    document = (await response.json()) as Record<string, unknown>;
  } catch (cause) {
    throw new IdentityProviderUnavailableError(`Discovery at ${discoveryUrl} did not answer JSON.`, { cause });
  }
  if (document?.issuer !== issuer) {
    throw new IdentityProviderUnavailableError(
      `Discovery at ${discoveryUrl} names issuer ${JSON.stringify(document?.issuer)}, not the configured ${JSON.stringify(issuer)}.`,
    );
  }
  const jwksUri = readUrl(document, 'jwks_uri', allowInsecureHttp);
  if (!jwksUri) throw new IdentityProviderUnavailableError(`Discovery at ${discoveryUrl} has no jwks_uri.`);
  return { issuer, jwksUri, userinfoEndpoint: readUrl(document, 'userinfo_endpoint', allowInsecureHttp) };
}
