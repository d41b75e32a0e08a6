// At start-up, one look at your identity provider's discovery document: when it cannot be fetched,
// nobody can log in, and the log should say so next to "Nansen is ready" rather than at the first
// login. Nansen keeps starting (the provider may come up later); /readyz says not ready meanwhile.
import { providerCheck, runReadinessChecks } from '../http/readiness';

/** How long the look may take; it runs while the catalog starts, so it rarely delays anything. */
export const PROVIDER_CHECK_TIMEOUT_MS = 5000;

/** A warning naming OIDC_ISSUER and what to check, or undefined when the provider's discovery document answers. */
export async function checkProviderAtStart(issuer: string, timeoutMs = PROVIDER_CHECK_TIMEOUT_MS): Promise<string | undefined> {
  const { provider } = await runReadinessChecks([providerCheck(issuer)], timeoutMs);
  if (provider?.status !== 'failed') return undefined;
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  return `The identity provider's discovery document ${url} could not be fetched: ${provider.message}. Nobody can log in until it can: `
    + `check that OIDC_ISSUER (${issuer}) is your provider's issuer URL, that the provider is running, and that this machine reaches it (DNS, firewall, proxy). `
    + 'Nansen starts anyway; /readyz answers 503 until the provider answers.';
}
