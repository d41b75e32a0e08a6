// At start-up, one look at the metadata and search services (METADATA_URL, SEARCH_URL): GET
// /healthcheck with a short timeout, run while the rest starts. When one cannot be reached, the log
// says so next to "Nansen is ready" — naming the setting, the URL (its password hidden) and what
// happened in words — rather than at the first page. Nansen keeps starting (a service may come up
// later); /readyz answers 503 meanwhile. As check-provider.ts does for OIDC_ISSUER.
import { redactUrlPassword } from '../config/show-setting-value';
import { withTimeout } from '../http/readiness';
import { HealthcheckNotJsonError, HealthcheckOtherServiceError } from '../upstream/healthcheck-answer';

/** How long each look may take; both run at once, while the rest starts. */
export const SERVICE_CHECK_TIMEOUT_MS = 3000;

export interface CheckedService {
  setting: 'METADATA_URL' | 'SEARCH_URL';
  /** "metadata service", "search service". */
  name: string;
  url: string;
  healthcheck(timeoutMs: number): Promise<void>;
}

const CODES_IN_WORDS: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'its host name does not resolve',
  EAI_AGAIN: 'its host name could not be looked up just now',
  EHOSTUNREACH: 'its host cannot be reached',
  ENETUNREACH: 'its network cannot be reached',
  ECONNRESET: 'it closed the connection',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'it did not answer in time',
  UND_ERR_SOCKET: 'it closed the connection',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not trusted',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/** What went wrong, in words: "nothing is listening there (ECONNREFUSED)", "it answered HTTP 503". */
export function failureInWords(err: unknown, timeoutMs: number): string {
  const code = (err as { code?: unknown } | null)?.code ?? (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code === 'string' && Object.hasOwn(CODES_IN_WORDS, code)) return `${CODES_IN_WORDS[code]} (${code})`;
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (err instanceof Error && /^answered HTTP \d{3}$/.test(err.message)) return `it ${err.message}`;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return `it could not be reached (${code})`;
  return 'it could not be reached';
}

/** One warning per service whose /healthcheck does not answer 2xx within `timeoutMs`; none when all answer. */
export async function checkServicesAtStart(services: readonly CheckedService[], timeoutMs = SERVICE_CHECK_TIMEOUT_MS): Promise<string[]> {
  const results = await Promise.all(services.map(async (service) => {
    try {
      await withTimeout(service.healthcheck(timeoutMs), timeoutMs);
      return undefined;
    } catch (err) {
      const shown = redactUrlPassword(service.url, { dropQuery: true }) ?? service.url;
      if (err instanceof HealthcheckNotJsonError) {
        // Something answers there, but not the service: more waiting will not help.
        return `The ${service.name} at ${service.setting} (${shown}) answered GET /healthcheck with ${err.answered}, not JSON: `
          + `something else answers there (an ingress or proxy default page, another app). Check that ${service.setting} points at the ${service.name}. `
          + 'Nansen starts anyway; /readyz answers 503 until it answers JSON.';
      }
      if (err instanceof HealthcheckOtherServiceError) {
        return `${service.setting} points at a ${err.answeredAs} service: the ${service.name} at ${service.setting} (${shown}) answered GET /healthcheck as the ${err.answeredAs} service. `
          + 'METADATA_URL and SEARCH_URL may be swapped: set each to its own service. Nansen starts anyway; /readyz answers 503 until it is fixed.';
      }
      return `The ${service.name} at ${service.setting} (${shown}) did not answer GET /healthcheck: ${failureInWords(err, timeoutMs)}. `
        + `Pages that need it fail until it does: check that ${service.setting} is right, that the service is running, and that this machine reaches it (DNS, firewall, proxy). `
        + 'Nansen starts anyway; /readyz answers 503 until it answers.';
    }
  }));
  return results.filter((warning): warning is string => warning !== undefined);
}
