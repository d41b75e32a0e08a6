import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackUrl } from './loopback-host';

describe('loopback hosts', () => {
  it('takes localhost, the whole 127.0.0.0/8 block and ::1', () => {
    for (const url of ['http://localhost:8080', 'http://127.0.0.1', 'http://127.8.9.10', 'http://[::1]:5000', 'https://localhost']) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
    expect(isLoopbackHost('::1')).toBe(true);
  });

  it('refuses other hosts, names that merely start like loopback, and what is not a URL', () => {
    for (const url of ['http://localhost.example.com', 'http://127.example.com', 'http://10.0.0.127', 'http://128.0.0.1', 'not a url']) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });
});
