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
});
