import { describe, expect, it } from 'vitest';
import { sanitizeReturnTo } from './return-to';

describe('sanitizeReturnTo', () => {
  it('keeps same-origin paths with their query', () => {
    expect(sanitizeReturnTo('/table_detail/gold/hive/core/customers')).toBe('/table_detail/gold/hive/core/customers');
    expect(sanitizeReturnTo('/search?term=orders')).toBe('/search?term=orders');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', '/%0d\n', 42, undefined])(
    'refuses %j and sends people home instead',
    (value) => expect(sanitizeReturnTo(value)).toBe('/'),
  );

  it('does not return to the login machinery itself', () => {
    expect(sanitizeReturnTo('/login?returnTo=/x')).toBe('/');
    expect(sanitizeReturnTo('/logout')).toBe('/');
  });

  it('keeps a path of up to 2048 characters', () => {
    const longest = `/search?term=${'x'.repeat(2048 - 13)}`;
    expect(sanitizeReturnTo(longest)).toBe(longest);
    expect(sanitizeReturnTo(`${longest}x`)).toBe('/');
  });

  it('refuses a list of paths (a repeated query parameter)', () => {
    expect(sanitizeReturnTo(['/search', '/browse'])).toBe('/');
  });

  it('refuses the paths under the login machinery, but not paths that merely start alike', () => {
    expect(sanitizeReturnTo('/auth/callback?code=x')).toBe('/');
    expect(sanitizeReturnTo('/logged-out/again')).toBe('/');
    expect(sanitizeReturnTo('/authors')).toBe('/authors');
    expect(sanitizeReturnTo('/login-help#faq')).toBe('/login-help#faq');
  });
});

