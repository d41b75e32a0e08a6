import { IdentityProviderUnavailableError, InvalidTokenError } from './bearer-auth-errors';

const USERINFO_TIMEOUT_MS = 5_000;

/** Ask the UserInfo endpoint who an opaque access token belongs to. */
export async function fetchUserInfo(userinfoEndpoint: URL, token: string): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(userinfoEndpoint, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(USERINFO_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new IdentityProviderUnavailableError(`UserInfo at ${userinfoEndpoint.href} failed: ${(cause as Error).message}`, { cause });
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    throw new InvalidTokenError('The identity provider does not accept the access token.');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new IdentityProviderUnavailableError(`UserInfo at ${userinfoEndpoint.href} answered HTTP ${response.status}.`);
  }
  if (!response.headers.get('content-type')?.includes('json')) {
    await response.body?.cancel();
    throw new IdentityProviderUnavailableError(`UserInfo at ${userinfoEndpoint.href} did not answer JSON.`);
  }
  const claims = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') {
    throw new IdentityProviderUnavailableError(`UserInfo at ${userinfoEndpoint.href} answered without a subject.`);
  }
  return claims;
}
