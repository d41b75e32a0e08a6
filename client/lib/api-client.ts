// The one fetch wrapper: every BFF call goes through here. It sends same-origin cookies, parses
// success bodies with the contract schema, and turns every failure into an ApiError. It never
// redirects or shows UI; 401 handling lives in the query client.
import * as v from 'valibot';
import { ApiErrorBodySchema } from '../../contract/api-common';
import { ApiError } from './api-error';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function requestJson<S extends v.GenericSchema>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<v.InferOutput<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
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
      throw new ApiError(response.status, name, message, code, payload);
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
