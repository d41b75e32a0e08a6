import { describe, expect, it } from 'vitest';
import { AppError, TooManyRequestsError, UpstreamError, UpstreamPreconditionFailedError } from './errors';

describe('the business errors', () => {
  it('names a write the metadata service refused for a stale If-Match, as a 502 the write routes turn into a 409', () => {
    const error = new UpstreamPreconditionFailedError('metadata service');
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toBeInstanceOf(AppError);
    expect({ name: error.name, message: error.message, code: error.code, status: error.status }).toEqual({
      name: 'UpstreamPreconditionFailedError',
      message: 'The metadata service refused the write: the value changed since it was read.',
      code: 'upstream_precondition_failed',
      status: 502,
    });
  });

  it('answers a reached rate limit with 429, rate_limited by default, and the seconds to wait', () => {
    const error = new TooManyRequestsError('Too many searches; wait a moment.', 30);
    expect(error).toBeInstanceOf(AppError);
    expect({ name: error.name, message: error.message, code: error.code, status: error.status, retryAfterSeconds: error.retryAfterSeconds }).toEqual({
      name: 'TooManyRequestsError',
      message: 'Too many searches; wait a moment.',
      code: 'rate_limited',
      status: 429,
      retryAfterSeconds: 30,
    });
    expect(new TooManyRequestsError('Too many logins.', 60, 'login_rate_limited').code).toBe('login_rate_limited');
  });
});
