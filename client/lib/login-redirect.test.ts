import { describe, expect, it } from 'vitest';
import { buildLoginUrl } from './login-redirect';

describe('buildLoginUrl', () => {
  it('returns to the page and query the user was on', () => {
    expect(buildLoginUrl({ pathname: '/search', search: '?term=a b&pageIndex=2' })).toBe(
      '/login?returnTo=%2Fsearch%3Fterm%3Da%20b%26pageIndex%3D2',
    );
  });

  it('returns home from the root', () => {
    expect(buildLoginUrl({ pathname: '/', search: '' })).toBe('/login?returnTo=%2F');
  });
});
