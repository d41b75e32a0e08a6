// Whose "not found" a 404 is (decision 078). Amundsen's metadata service answers a missing table,
// dashboard or person with its own JSON, `{"message": "table_uri KEY does not exist"}` (API.md §4), as
// the embedded catalog does; a URL it has no route for gets Flask's HTML 404 page (API.md §0), and the
// embedded catalog Flask's unknown-URL text as `{"message": …}`. Every path the BFF asks for is one of
// the service's routes, so a 404 in any other form, or with that unknown-URL text, does not say the
// thing is missing: METADATA_URL or SEARCH_URL leads somewhere else (a wrong path, another app, a proxy).

import { kindOfBody } from './healthcheck-answer';

/** Messages web frameworks and proxies answer an unknown URL with, never one of Amundsen's "does not exist". */
const UNKNOWN_URL_MESSAGES: readonly RegExp[] = [
  /^The requested URL was not found on the server\b/, // Flask / Werkzeug (Flask-RESTful may add "You have requested this URI …")
  /^Cannot (?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \//, // Express, NestJS
  /^(?:404:?\s*)?(?:page |resource )?not found\.?$/i, // "Not Found" (API gateways, FastAPI, Spring), "404 page not found", "Resource not found"
  /^no Route matched\b/i, // Kong
  /^No message available$/, // Spring Boot
];

/**
 * How a 404 answered when it is not the service's own "not found": "HTML", "text/plain", "an empty
 * body", "JSON that is not the service's", "a web server's unknown-URL message"; undefined when it is
 * the service's (a JSON object holding only `message`, not an unknown-URL text).
 */
export function describeMisroutedNotFound(text: string, json: unknown, contentType: string | undefined): string | undefined {
  if (!text.trim()) return 'an empty body';
  if (json === undefined) return kindOfBody(contentType, text);
  if (!json || typeof json !== 'object' || Array.isArray(json)) return "JSON that is not the service's";
  const keys = Object.keys(json);
  // Amundsen's envelope is `{"message": …}` alone; `{"error": …}`, `{"detail": …}` or a message beside
  // `status`/`path`/`timestamp` is another framework's.
  if (keys.length !== 1 || keys[0] !== 'message') return "JSON that is not the service's";
  const { message } = json as { message: unknown };
  if (typeof message === 'string' && UNKNOWN_URL_MESSAGES.some((pattern) => pattern.test(message.trim()))) return "a web server's unknown-URL message";
  return undefined;
}
