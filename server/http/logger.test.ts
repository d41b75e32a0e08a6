import { describe, expect, it } from 'vitest';
import { createMemoryLogger, redactSecrets } from './logger';

describe('logger', () => {
  it('redacts bearer tokens and JWTs from every line', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(redactSecrets(`Authorization: Bearer abc.def and ${jwt}`)).toBe('Authorization: Bearer [redacted] and [redacted-jwt]');
    const logger = createMemoryLogger();
    logger.error('failed', new Error(`token ${jwt} rejected`));
    expect(logger.lines[0]).not.toContain(jwt);
    expect(logger.lines[0]).toContain('[redacted-jwt]');
  });
});
