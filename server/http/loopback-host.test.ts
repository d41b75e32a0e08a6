import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackUrl } from './loopback-host';

describe('loopback hosts', () => {
  it('takes localhost, the whole 127.0.0.0/8 block and ::1', () => {
    for (const url of ['http://localhost:8080', 'http://127.0.0.1', 'http://127.8.9.10', 'http://127.10.200.1', 'http://127.0.10.255', 'http://[::1]:5000', 'https://localhost']) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
    expect(isLoopbackHost('::1')).toBe(true);
  });

  it('refuses other hosts, names that merely start like loopback, and what is not a URL', () => {
    for (const url of ['http://localhost.example.com', 'http://127.example.com', 'http://10.0.0.127', 'http://128.0.0.1', 'not a url']) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });

  it('refuses a DNS name made of a loopback address and more (127.0.0.1.example.com can point anywhere)', () => {
    expect(isLoopbackUrl('http://127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });

  it('takes only a whole hostname as a loopback address, not one that merely ends like one', () => {
    // A URL's parser never gives such a hostname; a caller passing a hostname from elsewhere might.
    for (const hostname of ['10.127.0.0.1', 'a127.0.0.1', 'x.127.0.0.1']) expect(isLoopbackHost(hostname), hostname).toBe(false);
  });
});
