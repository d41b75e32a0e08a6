// The one fetch wrapper: every BFF call goes through here. It sends same-origin cookies, parses
// success bodies with the contract schema, and turns every failure into an ApiError. It never
// redirects or shows UI; 401 handling lives in the query client. Every request, read or write, names
// the user the page was rendered for (X-Nansen-User), so the BFF refuses it when another tab has since
// logged in as someone else (a read would show that someone's data under this page's user); such a
// refusal is also sent as a window event (SESSION_USER_CHANGED_EVENT).
import * as v from 'valibot';
import { ApiErrorBodySchema } from '../../contract/api-common';
import { encodePageUser, PAGE_USER_HEADER } from '../../contract/page-user';
import { ApiError, isSessionUserChanged } from './api-error';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** The id of the user this page was rendered for; null until the shell knows them (client/app/app-data.tsx). */
let pageUserId: string | null = null;

/**
 * The latest request refused because the session is now someone else's (see SESSION_USER_CHANGED_EVENT):
 * the shell's check is loaded after the first page, and may miss an event sent before it listens.
 */
let lastSessionUserRefusal: ApiError | null = null;

/** Names the user this page was rendered for on every request from now on; null names none. Forgets any refusal. */
export function setPageUser(userId: string | null): void {
  pageUserId = userId;
  lastSessionUserRefusal = null;
}

/** The id of the user this page was rendered for, or null while it is not known. */
export function getPageUser(): string | null {
  return pageUserId;
}

/**
 * The window event a request (read or write) refused because the session is now someone else's (409
 * session_user_changed) sends, its `detail` the ApiError: the shell's check (app/shell/session-user-check.tsx)
 * listens for it.
 */
export const SESSION_USER_CHANGED_EVENT = 'nansen:session-user-changed';

/** The latest request refused because the session is now someone else's, or null if none was. */
export function getSessionUserRefusal(): ApiError | null {
  return lastSessionUserRefusal;
}

export async function requestJson<S extends v.GenericSchema>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<v.InferOutput<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (pageUserId !== null) headers[PAGE_USER_HEADER] = encodePageUser(pageUserId);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NetworkError', 'Could not reach the server. Check your connection and try again.');
  }

  const payload = await readJson(response);

  if (!response.ok) {
    const parsed = v.safeParse(ApiErrorBodySchema, payload);
    if (parsed.success) {
      const { name, message, code } = parsed.output.error;
      const error = new ApiError(response.status, name, message, code, payload);
      if (isSessionUserChanged(error)) {
        lastSessionUserRefusal = error;
        window.dispatchEvent(new CustomEvent(SESSION_USER_CHANGED_EVENT, { detail: error }));
      }
      throw error;
    }
    throw new ApiError(response.status, 'HttpError', `The server answered ${response.status} ${response.statusText}`.trim());
  }

  const parsed = v.safeParse(schema, payload);
  if (!parsed.success) {
    throw new ApiError(0, 'InvalidResponse', 'The server sent a response this page does not understand.');
  }
  return parsed.output;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
