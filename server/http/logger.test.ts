import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpstreamError } from './errors';
import { BATCH_MAX_WAIT_MS, createBatchedWrite, createLogger, createMemoryLogger, redactSecrets } from './logger';

describe('logger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('redacts bearer tokens and JWTs from every line', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(redactSecrets(`Authorization: Bearer abc.def and ${jwt}`)).toBe('Authorization: Bearer [redacted] and [redacted-jwt]');
    const logger = createMemoryLogger();
    logger.error('failed', new Error(`token ${jwt} rejected`));
    expect(logger.lines[0]).not.toContain(jwt);
    expect(logger.lines[0]).toContain('[redacted-jwt]');
  });

  it('redacts a bearer token however it is spaced or quoted, up to its end', () => {
    expect(redactSecrets('Bearer  two-spaces and Bearer\ttab')).toBe('Bearer  [redacted] and Bearer\t[redacted]');
    expect(redactSecrets('authorization="Bearer abc123" next')).toBe('authorization="Bearer [redacted]" next');
    expect(redactSecrets("header 'Bearer x' and Bearer y z")).toBe("header 'Bearer [redacted]' and Bearer [redacted] z");
  });

  it('redacts a JWT whatever its parts hold, including an empty signature', () => {
    expect(redactSecrets('unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. seen')).toBe('unsigned [redacted-jwt] seen');
    expect(redactSecrets('eyJ_a-b.c_d-e.f_g-h!')).toBe('[redacted-jwt]!');
    expect(redactSecrets('eyJa.b.c')).toBe('[redacted-jwt]');
    expect(redactSecrets('eyJ.b.c and eyJa..c stay')).toBe('eyJ.b.c and eyJa..c stay');
  });

  it('writes one line per event: time, level, message, and the error with the top of its stack', () => {
    const logger = createMemoryLogger();
    logger.info('started');
    logger.warn('slow answer');
    const error = new TypeError('fetch failed');
    error.stack = ['TypeError: fetch failed', ...Array.from({ length: 8 }, (_, i) => `    at frame${i + 1}`)].join('\n');
    logger.error('cannot reach the provider', error);
    expect(logger.lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info started$/);
    expect(logger.lines[1]).toMatch(/^\S+ warn slow answer$/);
    expect(logger.lines[2]).toMatch(/^\S+ error cannot reach the provider — TypeError: fetch failed\n {4}at frame1\n.*\n {4}at frame5$/s);
    expect(logger.lines).toHaveLength(3);
  });

  it('writes a warning as one structured line when given fields, in text and in JSON, redacted as any line', () => {
    const text = createMemoryLogger();
    text.warn('login callback failed', undefined, { reason: 'code_rejected', check: 'the code was refused', status: 400, hint: 'eyJhbGciOiJSUzI1NiJ9.e30.sig' });
    expect(text.lines).toHaveLength(1);
    expect(text.lines[0]).toMatch(/^\S+ warn login callback failed reason=code_rejected check="the code was refused" status=400 hint=\[redacted-jwt\]$/);
    const json = createMemoryLogger({ format: 'json' });
    json.warn('login callback failed', undefined, { reason: 'code_rejected', status: 400 });
    expect(JSON.parse(json.lines[0]!)).toMatchObject({ level: 'warn', msg: 'login callback failed', reason: 'code_rejected', status: 400 });
  });

  it('writes an error without a stack as its name and message, and anything else as text', () => {
    const logger = createMemoryLogger();
    const error = new RangeError('too far');
    error.stack = undefined;
    logger.warn('odd', error);
    logger.warn('odder', 'a plain string');
    expect(logger.lines[0]).toMatch(/ warn odd — RangeError: too far$/);
    expect(logger.lines[1]).toMatch(/ warn odder — a plain string$/);
  });

  it('writes an upstream failure (expected: a timeout, a refusal, a 5xx) as one line without its stack, in text and JSON', () => {
    const timeout = new UpstreamError('The search service did not answer within 5000 ms; try again.', 'upstream_timeout', 504);
    timeout.stack = ['UpstreamError: x', '    at send (upstream-http.ts:1:1)', '    at frame2'].join('\n');
    const text = createMemoryLogger();
    text.warn('first search failed; the page is sent without it', timeout);
    expect(text.lines).toEqual([expect.stringMatching(/ warn first search failed; the page is sent without it — UpstreamError: The search service did not answer within 5000 ms; try again\.$/)]);
    const json = createMemoryLogger({ format: 'json' });
    json.warn('first search failed', timeout);
    const entry = JSON.parse(json.lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'warn', error: 'UpstreamError: The search service did not answer within 5000 ms; try again.' });
    expect(entry).not.toHaveProperty('stack');
    // Its cause stays on the line; a bug (any other error) keeps its stack.
    const refused = new UpstreamError('The search service is unavailable; try again in a moment.', 'upstream_unavailable', 503);
    Object.assign(refused, { cause: Object.assign(new Error('connect ECONNREFUSED'), { name: 'Error' }) });
    text.warn('search failed', refused);
    expect(text.lines[1]).toMatch(/UpstreamError: The search service is unavailable; try again in a moment\.; caused by Error: connect ECONNREFUSED$/);
    const bug = new TypeError('x is undefined');
    bug.stack = ['TypeError: x is undefined', '    at render (page.ts:1:1)'].join('\n');
    text.warn('first search failed', bug);
    expect(text.lines[2]).toContain('\n    at render (page.ts:1:1)');
  });

  it('writes to stderr unless told where', () => {
    vi.useFakeTimers();
    try {
      const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      createLogger().info('hello');
      vi.advanceTimersByTime(BATCH_MAX_WAIT_MS);
      expect(write).toHaveBeenCalledWith(expect.stringMatching(/ info hello\n$/));
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes the lines logged within BATCH_MAX_WAIT_MS of the first in one write, when that time is up, in order', () => {
    vi.useFakeTimers();
    try {
      const writes: string[] = [];
      const write = createBatchedWrite({ write: (text: string) => writes.push(text) });
      write('a');
      vi.advanceTimersByTime(BATCH_MAX_WAIT_MS - 1);
      write('b');
      expect(writes).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(writes).toEqual(['a\nb\n']);
      write('c');
      vi.advanceTimersByTime(BATCH_MAX_WAIT_MS - 1);
      expect(writes).toEqual(['a\nb\n']);
      vi.advanceTimersByTime(1);
      expect(writes).toEqual(['a\nb\n', 'c\n']);
      vi.advanceTimersByTime(10 * BATCH_MAX_WAIT_MS);
      expect(writes).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a line that follows a batch written for its size the whole BATCH_MAX_WAIT_MS, no leftover timer writing it early', () => {
    vi.useFakeTimers();
    try {
      const writes: string[] = [];
      const write = createBatchedWrite({ write: (text: string) => writes.push(text) });
      write('a');
      vi.advanceTimersByTime(BATCH_MAX_WAIT_MS / 2);
      write('x'.repeat(64 * 1024)); // over the size: written at once with 'a'
      expect(writes).toHaveLength(1);
      vi.advanceTimersByTime(1);
      write('b');
      vi.advanceTimersByTime(BATCH_MAX_WAIT_MS - 1);
      expect(writes).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(writes).toEqual([expect.any(String), 'b\n']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep the process alive for a batch (its timer is unref\'d)', () => {
    const unref = vi.fn();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout').mockImplementation((() => ({ unref })) as unknown as typeof setTimeout);
    try {
      createBatchedWrite({ write: () => true })('a');
      expect(setTimeoutSpy).toHaveBeenCalledWith(expect.any(Function), BATCH_MAX_WAIT_MS);
      expect(unref).toHaveBeenCalledOnce();
    } finally {
      setTimeoutSpy.mockRestore();
    }
  });

  it('writes at once when a turn piles up more than 64 KB of lines', () => {
    const writes: string[] = [];
    const write = createBatchedWrite({ write: (text: string) => writes.push(text) });
    for (let i = 0; i < 70; i += 1) write('x'.repeat(1023));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toHaveLength(65 * 1024);
  });

  it('writes what is pending when the process exits', () => {
    const writes: string[] = [];
    let atExit = () => {};
    const write = createBatchedWrite({ write: (text: string) => writes.push(text) }, (flush) => (atExit = flush));
    write('last words');
    atExit();
    expect(writes).toEqual(['last words\n']);
  });

  it('writes one JSON object per line with LOG_FORMAT=json, the error as fields, and still redacts tokens', () => {
    const logger = createMemoryLogger({ format: 'json' });
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    logger.info('request', { method: 'GET', status: 200, ms: 1.5 });
    const error = new TypeError(`token ${jwt} rejected`);
    error.stack = ['TypeError: x', '    at frame1', '    at frame2'].join('\n');
    logger.error('cannot refresh', error);
    const [first, second] = logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'info', msg: 'request', method: 'GET', status: 200, ms: 1.5 });
    expect(second).toMatchObject({ level: 'error', msg: 'cannot refresh', error: 'TypeError: token [redacted-jwt] rejected', stack: 'at frame1 | at frame2' });
    expect(logger.lines.join('\n')).not.toContain(jwt);
  });

  it('adds the request id to every line written while a request is handled, and none outside one', async () => {
    const { requestContext } = await import('./request-context');
    const text = createMemoryLogger();
    const json = createMemoryLogger({ format: 'json' });
    const req = { get: () => undefined, app: { get: () => undefined }, socket: {} } as never;
    const res = { setHeader: vi.fn() } as never;
    await new Promise<void>((resolve) => {
      requestContext()(req, res, () => {
        setTimeout(() => {
          text.warn('slow answer');
          json.info('request', { status: 200 });
          resolve();
        }, 1);
      });
    });
    text.info('outside');
    const id = (res as { setHeader: ReturnType<typeof vi.fn> }).setHeader.mock.calls[0]![1] as string;
    expect(text.lines[0]).toMatch(new RegExp(`^\\S+ warn \\[${id}\\] slow answer$`));
    expect(JSON.parse(json.lines[0]!)).toMatchObject({ request_id: id, status: 200 });
    expect(text.lines[1]).toMatch(/^\S+ info outside$/);
  });

  it('writes fields in text as key=value, quoting values with spaces', () => {
    const logger = createMemoryLogger();
    logger.info('request', { route: '/api/x', note: 'two words' });
    expect(logger.lines[0]).toMatch(/ info request route=\/api\/x note="two words"$/);
  });
  it('writes an error\'s cause after it, in text', () => {
    const logger = createMemoryLogger();
    const error = new Error('cannot save', { cause: new TypeError('socket closed') });
    error.stack = undefined;
    logger.error('session', error);
    expect(logger.lines[0]).toMatch(/ error session — Error: cannot save\ncaused by TypeError: socket closed$/);
  });

  it('writes anything thrown that is not an Error as text in the error field of a JSON line', () => {
    const logger = createMemoryLogger({ format: 'json' });
    logger.warn('odd', 'a plain string');
    expect(JSON.parse(logger.lines[0]!)).toEqual({ time: expect.any(String), level: 'warn', msg: 'odd', error: 'a plain string' });
  });

  it('writes what is pending at the process\'s exit by default, and nothing when nothing is pending', async () => {
    const before = process.listeners('exit');
    const writes: string[] = [];
    createBatchedWrite({ write: (text: string) => writes.push(text) });
    const added = process.listeners('exit').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    process.removeListener('exit', added[0]!);
    let atExit = () => {};
    const write = createBatchedWrite({ write: (text: string) => writes.push(text) }, (flush) => (atExit = flush));
    atExit();
    expect(writes).toEqual([]);
    write('a');
    atExit();
    expect(writes).toEqual(['a\n']);
    atExit();
    expect(writes).toEqual(['a\n']);
  });
});
