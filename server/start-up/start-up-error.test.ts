import { describe, expect, it } from 'vitest';
import { listenError, StartUpError } from './start-up-error';

describe('listenError', () => {
  it('says a port in use in words, naming the port and its setting, as a StartUpError (logged without a stack)', () => {
    const err = listenError(Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:5300'), { code: 'EADDRINUSE' }), 5300, 'PORT');
    expect(err).toBeInstanceOf(StartUpError);
    expect(err.name).toBe('StartUpError');
    expect(err.message).toBe('Port 5300 (PORT) is already in use: stop whatever uses it, or choose another port with the setting shown in the README.');
  });

  it('hands any other listen error on as it is (unexpected: it keeps its stack)', () => {
    const original = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES' });
    expect(listenError(original, 80, 'PORT')).toBe(original);
  });
});
