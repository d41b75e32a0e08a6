// What a service's GET /healthcheck answered, judged. Amundsen's answers JSON (`{"status": "ok", ...}`,
// API.md §3), as the embedded catalog's does; a 2xx that is HTML or other text is not the service but
// whatever stands where it should (an ingress or proxy default page, another app): METADATA_URL or
// SEARCH_URL points at the wrong place. An empty 2xx (204) passes: nothing says it is another thing.

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

/** Throws when a 2xx answer's non-empty body is not JSON; other statuses are the caller's to judge. */
export function checkHealthcheckBody(
  body: string,
  contentType: string | undefined,
  about: { service: string; setting?: string },
): void {
  if (!body.trim()) return;
  try {
    JSON.parse(body);
  } catch {
    throw new HealthcheckNotJsonError(kindOfBody(contentType, body), about.setting, about.service);
  }
}
