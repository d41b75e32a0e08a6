import { describe, expect, it } from 'vitest';
import { describeLoginError, shortenProviderDescription } from './login-error-in-words';

describe('a provider\'s login error in words', () => {
  it('says a cancelled login in words, and an unknown code with the code, shortened', () => {
    expect(describeLoginError('access_denied', 'Okta')).toBe('The login was cancelled, or Okta did not allow it.');
    expect(describeLoginError('weird', 'Okta')).toBe('Okta did not complete the login (weird).');
    expect(describeLoginError('w'.repeat(100), 'Okta')).toBe(`Okta did not complete the login (${'w'.repeat(59)}…).`);
  });

  it('calls every code of a malformed or refused request a setup problem, naming the code', () => {
    for (const code of ['invalid_request', 'unauthorized_client', 'unsupported_response_type', 'invalid_scope', 'invalid_request_uri', 'invalid_request_object', 'request_not_supported', 'request_uri_not_supported', 'registration_not_supported']) {
      expect(describeLoginError(code, 'Okta'), code).toBe(`Okta refused Nansen's login request (${code}): a setup problem. Ask your administrator to check Nansen's client settings at the provider.`);
    }
  });

  it('keeps the provider\'s description only when it says more than the code, and at most 300 characters', () => {
    expect(shortenProviderDescription(undefined, 'access_denied')).toBeUndefined();
    expect(shortenProviderDescription(['a', 'b'], 'access_denied')).toBeUndefined();
    expect(shortenProviderDescription('  ', 'access_denied')).toBeUndefined();
    expect(shortenProviderDescription(' access_denied ', 'access_denied')).toBeUndefined();
    expect(shortenProviderDescription(' The user said no ', 'access_denied')).toBe('The user said no');
    expect(shortenProviderDescription('d'.repeat(300), 'x')).toBe('d'.repeat(300));
    expect(shortenProviderDescription('d'.repeat(301), 'x')).toBe(`${'d'.repeat(299)}…`);
  });
});
