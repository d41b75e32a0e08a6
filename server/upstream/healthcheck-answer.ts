// What a service's GET /healthcheck answered, judged. Amundsen's answers JSON (`{"status": "ok", ...}`,
// API.md §3), as the embedded catalog's does; a 2xx that is HTML or other text is not the service but
// whatever stands where it should (an ingress or proxy default page, another app): METADATA_URL or
// SEARCH_URL points at the wrong place. An empty 2xx (204) passes: nothing says it is another thing.
// A JSON answer naming the other service (the embedded catalog's say which they are) is the two settings swapped.

/** A 2xx /healthcheck whose body is not JSON; its message is safe to show in /readyz (no URL or body). */
export class HealthcheckNotJsonError extends Error {
  override name = 'HealthcheckNotJsonError';
  constructor(
    /** "HTML" or "text/plain": what came instead of JSON. */
    readonly answered: string,
    /** "METADATA_URL", "SEARCH_URL", or undefined when the caller did not say. */
    readonly setting: string | undefined,
    /** "search service". */
    readonly service: string,
  ) {
    super(`answered ${answered}, not JSON${setting ? `: check that ${setting} points at the ${service}` : ''}`);
  }
}

/** "HTML" for a web page, else its content type ("text/plain"), or "text" when none or one claiming JSON. */
export function kindOfBody(contentType: string | undefined, body: string): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type.includes('html') || /^\s*</.test(body)) return 'HTML';
  return /^[\w.+-]+\/[\w.+-]+$/.test(type) && !type.includes('json') ? type : 'text';
}

/**
 * A 2xx /healthcheck that names the other service: the embedded catalog's answers say which they are
 * (`"service": "metadata"` or `"search"`, beside Amundsen's `status` and `checks`), so METADATA_URL
 * and SEARCH_URL swapped are told apart; an answer that names no service (Amundsen's) passes. Its
 * message is safe to show in /readyz.
 */
export class HealthcheckOtherServiceError extends Error {
  override name = 'HealthcheckOtherServiceError';
  constructor(
    /** "search": what the answer says it is. */
    readonly answeredAs: CatalogServiceName,
    /** "METADATA_URL", or undefined when the caller did not say. */
    readonly setting: string | undefined,
    /** "metadata service": what was expected there. */
    readonly service: string,
  ) {
    super(`${setting ?? `the ${service}'s URL`} points at a ${answeredAs} service: its /healthcheck says it is the ${answeredAs} service, not the ${service}${
      setting ? `; check ${setting} (METADATA_URL and SEARCH_URL may be swapped)` : ''}`);
  }
}

/** What the embedded catalog's health answers call each of its services. */
export type CatalogServiceName = 'metadata' | 'search';

/** The `service` field of a health answer, when it names one of the two. */
export function serviceNamedIn(answer: unknown): CatalogServiceName | undefined {
  const named = answer && typeof answer === 'object' ? (answer as { service?: unknown }).service : undefined;
  return named === 'metadata' || named === 'search' ? named : undefined;
}

/**
 * Throws when a 2xx answer's non-empty body is not JSON, or names the other service than `about.service`
 * ("metadata service", "search service"); other statuses are the caller's to judge.
 */
export function checkHealthcheckBody(
  body: string,
  contentType: string | undefined,
  about: { service: string; setting?: string },
): void {
  if (!body.trim()) return;
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    throw new HealthcheckNotJsonError(kindOfBody(contentType, body), about.setting, about.service);
  }
  const named = serviceNamedIn(answer);
  const expected = /^(metadata|search) service$/.exec(about.service)?.[1];
  if (named && expected && named !== expected) throw new HealthcheckOtherServiceError(named, about.setting, about.service);
}
