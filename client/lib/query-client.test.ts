import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createQueryClient, shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('retries server and network failures a couple of times', () => {
    expect(shouldRetry(0, new ApiError(503, 'UpstreamError', 'down'))).toBe(true);
    expect(shouldRetry(1, new ApiError(0, 'NetworkError', 'offline'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'UpstreamError', 'down'))).toBe(false);
  });

  it('never retries a timeout: the person has already waited the whole upstream timeout once', () => {
    expect(shouldRetry(0, new ApiError(504, 'UpstreamError', 'The metadata service did not answer in time'))).toBe(false);
    expect(shouldRetry(0, new ApiError(502, 'UpstreamError', 'failed'))).toBe(true);
  });

  it('never retries a service Nansen is set up wrong to reach: it answers the same until someone changes the setting', () => {
    expect(shouldRetry(0, new ApiError(502, 'UpstreamError', 'The metadata service was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.', 'upstream_misconfigured'))).toBe(false);
  });

  it('never retries a client error', () => {
    expect(shouldRetry(0, new ApiError(401, 'UnauthorizedError', 'x'))).toBe(false);
    expect(shouldRetry(0, new ApiError(404, 'NotFoundError', 'x'))).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('calls onUnauthorized when a query fails with 401, and not for other errors', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    await client
      .fetchQuery({ queryKey: ['a'], queryFn: () => Promise.reject(new ApiError(404, 'NotFoundError', 'x')), retry: false })
      .catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await client
      .fetchQuery({ queryKey: ['b'], queryFn: () => Promise.reject(new ApiError(401, 'UnauthorizedError', 'x')), retry: false })
      .catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('keeps a page whose data is on screen when its refresh meets 401: it calls onUnauthorizedRefresh, not onUnauthorized', async () => {
    const onUnauthorized = vi.fn();
    const onUnauthorizedRefresh = vi.fn();
    const client = createQueryClient({ onUnauthorized, onUnauthorizedRefresh });
    let answer: () => Promise<string> = () => Promise.resolve('on screen');
    await client.fetchQuery({ queryKey: ['c'], queryFn: () => answer(), retry: false });
    answer = () => Promise.reject(new ApiError(401, 'NotAuthenticatedError', 'x'));
    await client.refetchQueries({ queryKey: ['c'] });
    expect(onUnauthorizedRefresh).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(client.getQueryData(['c'])).toBe('on screen');

    // A query with nothing on screen yet still sends the browser to log in.
    await client.fetchQuery({ queryKey: ['d'], queryFn: () => answer(), retry: false }).catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorizedRefresh).toHaveBeenCalledTimes(1);
  });

  it('keeps the page when a write meets 401: it calls onUnauthorizedRefresh, so the person sees the write undone and why', async () => {
    const onUnauthorized = vi.fn();
    const onUnauthorizedRefresh = vi.fn();
    const client = createQueryClient({ onUnauthorized, onUnauthorizedRefresh });
    await client.getMutationCache().build(client, { mutationFn: () => Promise.reject(new ApiError(401, 'NotAuthenticatedError', 'x')) }).execute(undefined).catch(() => undefined);
    expect(onUnauthorizedRefresh).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).not.toHaveBeenCalled();
    // Other failures are the write's own to tell.
    await client.getMutationCache().build(client, { mutationFn: () => Promise.reject(new ApiError(500, 'UpstreamError', 'x')) }).execute(undefined).catch(() => undefined);
    expect(onUnauthorizedRefresh).toHaveBeenCalledTimes(1);
  });

  it('sends a refresh that meets 401 to log in too when told no other way', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    let answer: () => Promise<string> = () => Promise.resolve('on screen');
    await client.fetchQuery({ queryKey: ['e'], queryFn: () => answer(), retry: false });
    answer = () => Promise.reject(new ApiError(401, 'NotAuthenticatedError', 'x'));
    await client.refetchQueries({ queryKey: ['e'] });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
