import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../http/logger';
import { routeConsoleToLogger } from './console-to-logger';

describe('routeConsoleToLogger', () => {
  it('writes what libraries print with console.* as JSON lines at their level, without terminal colours', () => {
    const logger = createMemoryLogger({ format: 'json' });
    const target = { ...console };
    const restore = routeConsoleToLogger(logger, target);
    target.warn('\x1b[31;1moidc-provider WARNING: Unsupported runtime.\x1b[0m');
    target.info('a %s of %d', 'notice', 2);
    target.error('failed');
    target.log({ a: 1 });
    expect(logger.lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'oidc-provider WARNING: Unsupported runtime.' }),
      expect.objectContaining({ level: 'info', msg: 'a notice of 2' }),
      expect.objectContaining({ level: 'error', msg: 'failed' }),
      expect.objectContaining({ level: 'info', msg: '{ a: 1 }' }),
    ]);
    restore();
    expect(target.warn).toBe(console.warn);
  });
});
