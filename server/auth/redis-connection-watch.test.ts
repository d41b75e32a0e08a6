import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../http/logger';
import { shownRedisUrl, watchRedisConnection } from './redis-connection-watch';

const URL_WITH_PASSWORD = 'redis://:s%40cret@redis.internal:6379/0?x=1';

function watched(knownDownAfterMs = 3000) {
  const client = new EventEmitter();
  const logger = createMemoryLogger();
  const watch = watchRedisConnection({ url: URL_WITH_PASSWORD, logger, knownDownAfterMs });
  watch.attach(client as never);
  return { client, logger, watch };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watchRedisConnection', () => {
  it('says nothing of the first connection, nor of errors before it (start-up reports those)', () => {
    const { client, logger, watch } = watched();
    client.emit('error', new Error('connect ECONNREFUSED'));
    client.emit('ready');
    watch.connected();
    expect(logger.lines).toEqual([]);
  });

  it('warns once when the connection is lost, however many reconnection attempts fail, and tells once when it is back', () => {
    vi.useFakeTimers();
    const { client, logger, watch } = watched();
    client.emit('ready');
    watch.connected();
    client.emit('error', new Error('Socket closed unexpectedly'));
    for (let i = 0; i < 5; i += 1) client.emit('error', new Error('connect ECONNREFUSED 10.0.0.5:6379'));
    vi.advanceTimersByTime(12_000);
    client.emit('ready');
    expect(logger.lines).toEqual([
      expect.stringMatching(/ warn session store: lost the connection to Redis at redis:\/\/:\*\*\*@redis\.internal:6379\/0 \(Socket closed unexpectedly\); reconnecting\. Until it is back, requests that need a session are answered 503/),
      expect.stringMatching(/ info session store: connected to Redis at redis:\/\/:\*\*\*@redis\.internal:6379\/0 again, after 12 s without it$/),
    ]);
    // A second loss is told again.
    client.emit('error', new Error('Socket closed unexpectedly'));
    expect(logger.lines).toHaveLength(3);
    watch.close();
  });

  it('aborts its signal once the connection has been lost for knownDownAfterMs, and not before; clears it when the connection is back', () => {
    vi.useFakeTimers();
    const { client, watch } = watched(3000);
    const aborted = vi.fn();
    watch.signal.addEventListener('abort', aborted);
    watch.connected();
    client.emit('error', new Error('Socket closed unexpectedly'));
    vi.advanceTimersByTime(2999);
    expect(watch.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(watch.signal.aborted).toBe(true);
    expect(watch.knownDown).toBe(true);
    expect(aborted).toHaveBeenCalledTimes(1);
    client.emit('ready');
    expect(watch.signal.aborted).toBe(false);
    // A blip shorter than the delay never aborts it.
    client.emit('error', new Error('Socket closed unexpectedly'));
    vi.advanceTimersByTime(1000);
    client.emit('ready');
    vi.advanceTimersByTime(5000);
    expect(watch.signal.aborted).toBe(false);
    expect(aborted).toHaveBeenCalledTimes(1);
  });

  it('hides the password in the client\'s messages, as written and decoded', () => {
    const { client, logger, watch } = watched();
    watch.connected();
    client.emit('error', new Error('WRONGPASS s@cret s%40cret'));
    expect(logger.lines[0]).toContain('(WRONGPASS *** ***)');
    expect(logger.lines.join('\n')).not.toMatch(/s@cret|s%40cret/);
    watch.close();
  });

  it('leaves the client\'s message as it is when the URL has no password', () => {
    const client = new EventEmitter();
    const logger = createMemoryLogger();
    const watch = watchRedisConnection({ url: 'redis://redis.internal:6379', logger });
    watch.attach(client as never);
    watch.connected();
    client.emit('error', new Error('Socket closed unexpectedly'));
    expect(logger.lines[0]).toContain('(Socket closed unexpectedly)');
    watch.close();
  });
});

describe('shownRedisUrl', () => {
  it('hides the password and drops the query', () => {
    expect(shownRedisUrl('rediss://user:pw@host:6380/2?tls=1')).toBe('rediss://user:***@host:6380/2');
    expect(shownRedisUrl('redis://host:6379')).toBe('redis://host:6379');
  });

  it('says what is wrong while the connection is lost, by the latest error\'s code (never a host), and nothing once it is back', () => {
    const { client, watch } = watched();
    client.emit('error', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6379'), { code: 'ECONNREFUSED' }));
    client.emit('ready');
    watch.connected();
    expect(watch.problem).toBeUndefined();
    client.emit('error', new Error('Socket closed unexpectedly'));
    expect(watch.problem).toBe('lost the connection');
    client.emit('error', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6379'), { code: 'ECONNREFUSED' }));
    expect(watch.problem).toBe('cannot connect (ECONNREFUSED)');
    client.emit('ready');
    expect(watch.problem).toBeUndefined();
    watch.close();
  });
});

