import { describe, expect, it } from 'vitest';
import { listenError, StartUpError } from './start-up-error';

describe('listenError', () => {
  it('says a port in use in words, naming the port and its setting, as a StartUpError (logged without a stack)', () => {
    const err = listenError(Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:5300'), { code: 'EADDRINUSE' }), 5300, 'PORT');
    expect(err).toBeInstanceOf(StartUpError);
    expect(err.name).toBe('StartUpError');
    expect(err.message).toBe('Port 5300 (PORT) is already in use: stop whatever uses it, or choose another port with the setting shown in the README.');
  });

  // CATALOG_HOST=example.com said only "The embedded catalog could not start: getaddrinfo ENOTFOUND example.com".
  it('says a host that is not this machine\'s, naming its setting and what it must be', () => {
    for (const code of ['ENOTFOUND', 'EADDRNOTAVAIL']) {
      const err = listenError(Object.assign(new Error(`getaddrinfo ${code} example.com`), { code }), 5002, 'CATALOG_METADATA_PORT', { host: 'example.com', setting: 'CATALOG_HOST' });
      expect(err).toBeInstanceOf(StartUpError);
      expect(err.message).toBe(
        `CATALOG_HOST (example.com) is not an address of this machine (${code}): Nansen listens there, so it must be a local address — 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface) or one of this machine's own addresses; set CATALOG_HOST to one of them.`,
      );
    }
    const unnamed = Object.assign(new Error('getaddrinfo ENOTFOUND example.com'), { code: 'ENOTFOUND' });
    expect(listenError(unnamed, 5002, 'CATALOG_METADATA_PORT')).toBe(unnamed);
  });

  it('hands any other listen error on as it is (unexpected: it keeps its stack)', () => {
    const original = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES' });
    expect(listenError(original, 80, 'PORT')).toBe(original);
  });
});
