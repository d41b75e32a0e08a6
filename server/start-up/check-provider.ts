// At start-up, one look at your identity provider's discovery document: when it cannot be fetched, is
// no discovery document, or names another issuer than OIDC_ISSUER, nobody can log in, and the log
// should say so (with the fix) next to "Nansen is ready" rather than at the first login. Nansen keeps
// starting (the provider may come up later); /readyz says not ready meanwhile.
import { describeIssuerMismatch } from '../auth/oidc-client';
import { describeFailure, ISSUER_MISMATCH, NOT_A_DISCOVERY_DOCUMENT, providerCheck, ReadinessFailure, withTimeout } from '../http/readiness';

/** How long the look may take; it runs while the catalog starts, so it rarely delays anything. */
export const PROVIDER_CHECK_TIMEOUT_MS = 5000;

/** A warning naming OIDC_ISSUER, what is wrong and what to check, or undefined when the provider's discovery document is right. */
export async function checkProviderAtStart(issuer: string, timeoutMs = PROVIDER_CHECK_TIMEOUT_MS, { exact = false }: { exact?: boolean } = {}): Promise<string | undefined> {
  try {
    await withTimeout(providerCheck(issuer, { exact }).check(timeoutMs), timeoutMs);
    return undefined;
  } catch (err) {
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    if (err instanceof ReadinessFailure && err.message === ISSUER_MISMATCH) {
      return `${describeIssuerMismatch(issuer, err.logDetail)} Nobody can log in until they match (the provider's discovery document: ${url}). `
        + 'Nansen starts anyway; /readyz answers 503 until then.';
    }
    if (err instanceof ReadinessFailure && err.message === NOT_A_DISCOVERY_DOCUMENT) {
      return `The identity provider's discovery document ${url} answered HTTP 200, but not with a discovery document (not a JSON object; a web page, perhaps). Nobody can log in until it does: `
        + `check that OIDC_ISSUER (${issuer}) is your provider's issuer URL (for Keycloak, the realm's URL: https://keycloak.example.com/realms/main, with /auth before /realms on Keycloak before version 17). `
        + 'Nansen starts anyway; /readyz answers 503 until the provider answers.';
    }
    return `The identity provider's discovery document ${url} could not be fetched: ${describeFailure(err, timeoutMs)}. Nobody can log in until it can: `
      + `check that OIDC_ISSUER (${issuer}) is your provider's issuer URL, that the provider is running, and that this machine reaches it (DNS, firewall, proxy). `
      + 'Nansen starts anyway; /readyz answers 503 until the provider answers.';
  }
}
