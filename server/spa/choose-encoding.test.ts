import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './choose-encoding';

const BOTH = ['br', 'gzip'] as const;

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', BOTH, 'br'],
    ['gzip, deflate, br', ['gzip'], 'gzip'],
    ['gzip, deflate, br', [], 'identity'],
    ['gzip', BOTH, 'gzip'],
    ['x-gzip', BOTH, 'gzip'],
    ['GZIP, BR', BOTH, 'br'],
    ['deflate', BOTH, 'identity'],
    ['', BOTH, 'identity'],
    ['*', BOTH, 'br'],
    ['br;q=0, gzip', BOTH, 'gzip'],
    ['br;q=0, gzip;q=0', BOTH, 'identity'],
    ['*;q=0, identity', BOTH, 'identity'],
    ['*;q=0', BOTH, 'identity'],
    ['identity;q=0, gzip;q=0.2', BOTH, 'gzip'],
    ['gzip;q=0.9, br;q=0.5', BOTH, 'gzip'],
    ['br;q=0.1, identity', BOTH, 'identity'],
    ['br;q=0.5, gzip;q=0.5', BOTH, 'br'],
    ['br ; q=1.0 , gzip', BOTH, 'br'],
    ['br;q=2, gzip', BOTH, 'gzip'],
    ['br;q=abc, gzip;q=0.001', BOTH, 'gzip'],
  ] as const)('%j with twins %j → %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });

  it('sends the file as it is when the request says nothing about codings', () => {
    expect(chooseEncoding(undefined, BOTH)).toBe('identity');
  });
});
