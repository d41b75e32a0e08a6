import { describe, expect, it, vi } from 'vitest';
import { TooManyRequestsError } from './errors';
import { createRateLimiter } from './rate-limit';

function request(ip: string, sessionId?: string) {
  return { ip, socket: {}, sessionID: sessionId ?? 'fresh', session: sessionId ? { user: { user_id: 'x' } } : {} } as never;
}

describe('rate limiter', () => {
  it('lets callers in again when the minute turns, with Retry-After counting down to it', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ name: 'search', perSession: 0, perIp: 1 }, () => now);
    const res = { set: vi.fn() } as never;
    const next = vi.fn();
    limiter(request('10.0.0.1'), res, next);
    now += 45_000;
    limiter(request('10.0.0.1'), res, next);
    expect(next.mock.calls[0]).toEqual([]);
    const error = next.mock.calls[1]![0] as TooManyRequestsError;
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error.retryAfterSeconds).toBe(15);
    expect((res as { set: ReturnType<typeof vi.fn> }).set).toHaveBeenCalledWith('Retry-After', '15');
    now = 1_060_000;
    limiter(request('10.0.0.1'), res, next);
    expect(next.mock.calls[2]).toEqual([]);
  });

  it('counts a session only when it is signed in, and turns a limit of 0 off', () => {
    const limiter = createRateLimiter({ name: 'login', perSession: 1, perIp: 0 }, () => 0);
    const next = vi.fn();
    const res = { set: vi.fn() } as never;
    for (let i = 0; i < 5; i++) limiter(request('10.0.0.2'), res, next);
    expect(next.mock.calls.every((call) => call.length === 0)).toBe(true);
    limiter(request('10.0.0.2', 'sid-1'), res, next);
    limiter(request('10.0.0.2', 'sid-1'), res, next);
    expect(next.mock.calls.at(-1)![0]).toBeInstanceOf(TooManyRequestsError);
  });
});
