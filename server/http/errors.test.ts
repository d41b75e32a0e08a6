import { describe, expect, it } from 'vitest';
import { AppError, describeUpstreamError, TooManyRequestsError, UpstreamError, UpstreamPreconditionFailedError } from './errors';

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

  it('describes an upstream failure as one line, with its cause and without a stack', () => {
    const error = new UpstreamError('The session store is unavailable.', 'session_store_unavailable', 503);
    expect(describeUpstreamError(error)).toBe('UpstreamError: The session store is unavailable.');
    error.cause = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    expect(describeUpstreamError(error)).toBe('UpstreamError: The session store is unavailable.; caused by Error: connect ECONNREFUSED 127.0.0.1:6379');
    error.cause = 'not an error';
    expect(describeUpstreamError(error)).toBe('UpstreamError: The session store is unavailable.');
  });
});
