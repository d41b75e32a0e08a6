import { afterEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { requestJson, setPageUser } from './api-client';
import { ApiError } from './api-error';

const Schema = v.object({ ok: v.literal(true) });

function stubFetch(response: Response | Error) {
  const fn = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setPageUser(null);
});

describe('requestJson', () => {
  it('returns the body parsed by the schema', async () => {
    stubFetch(json({ ok: true, extra: 1 }));
    await expect(requestJson('/api/x', Schema)).resolves.toEqual({ ok: true });
  });

  it('sends a JSON body with its content type', async () => {
    const fetchFn = stubFetch(json({ ok: true }));
    await requestJson('/api/x', Schema, { method: 'POST', body: { a: 1 } });
    const [, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it("names the page's user, percent-encoded, on a read as on a write, once the page knows them", async () => {
    const fetchFn = vi.fn(async () => json({ ok: true }));
    vi.stubGlobal('fetch', fetchFn);
    const named = () => (fetchFn.mock.calls.at(-1) as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    await requestJson('/api/auth_user', Schema);
    expect(named()).not.toHaveProperty('X-Nansen-User');
    setPageUser('signe.ødegård@example.org');
    await requestJson('/api/metadata/v0/user/bookmark', Schema);
    expect(named()['X-Nansen-User']).toBe('signe.%C3%B8deg%C3%A5rd%40example.org');
    await requestJson('/api/search/v1/search', Schema, { method: 'POST', body: {} });
    expect(named()['X-Nansen-User']).toBe('signe.%C3%B8deg%C3%A5rd%40example.org');
  });

  it('turns the error body into an ApiError with status, name, message and code', async () => {
    stubFetch(json({ error: { name: 'NotFoundError', message: 'No table x', code: 'TABLE_NOT_FOUND' } }, 404));
    const error = await requestJson('/api/x', Schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, name: 'NotFoundError', message: 'No table x', code: 'TABLE_NOT_FOUND' });
  });

  it('keeps the whole error body, so a 409 can show the value that is there now', async () => {
    const body = { error: { name: 'ConflictError', message: 'Changed meanwhile', code: 'edit_conflict' }, current: { description: 'theirs', edited_by: 'liv', edited_at: null } };
    stubFetch(json(body, 409));
    const error = await requestJson('/api/x', Schema, { method: 'PUT', body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'edit_conflict', body });
  });

  it('reports a status when the error body is not ours', async () => {
    stubFetch(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(requestJson('/api/x', Schema)).rejects.toMatchObject({ status: 502, name: 'HttpError' });
  });

  it('rejects a success body that does not match the contract', async () => {
    stubFetch(json({ ok: 'yes' }));
    await expect(requestJson('/api/x', Schema)).rejects.toMatchObject({ status: 0, name: 'InvalidResponse' });
  });

  it('reports a network failure', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(requestJson('/api/x', Schema)).rejects.toMatchObject({ status: 0, name: 'NetworkError' });
  });
});
