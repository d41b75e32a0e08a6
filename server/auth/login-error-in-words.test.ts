import { describe, expect, it } from 'vitest';
import { describeCallbackFailureInWords, describeLoginError, shortenProviderDescription } from './login-error-in-words';

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

describe('a callback that could not be finished, in words', () => {
  const words = (page: ReturnType<typeof describeCallbackFailureInWords>) => page.paragraphs.join(' ');

  it('an expired or used code (invalid_grant): log in again, no blame, the codes only as a reference', () => {
    const page = describeCallbackFailureInWords({ kind: 'code_rejected', code: 'OAUTH_RESPONSE_BODY_ERROR', oauthError: 'invalid_grant' }, 'Okta', 'req-1');
    expect(page).toEqual({
      status: 400,
      title: 'Please log in again',
      paragraphs: ['The login took too long or was already used — log in again.', 'You were not logged in, and nothing else needs doing.', 'Reference: invalid_grant, OAUTH_RESPONSE_BODY_ERROR; request req-1.'],
      actionLabel: 'Log in again',
    });
  });

  it('an issuer that does not match: says the answer was not the provider\'s as expected, and does not blame the settings', () => {
    const page = describeCallbackFailureInWords({ kind: 'issuer_mismatch', code: 'OAUTH_INVALID_RESPONSE' }, 'Okta');
    expect(page.status).toBe(400);
    expect(page.paragraphs[0]).toBe('The answer to this login did not come from Okta as Nansen expected, so you were not logged in.');
    expect(words(page)).not.toMatch(/settings|OIDC_/);
    expect(page.paragraphs.at(-1)).toBe('Reference: OAUTH_INVALID_RESPONSE.');
  });

  it('keeps the administrator\'s settings for a provider that refuses Nansen\'s client, and only there', () => {
    const refused = describeCallbackFailureInWords({ kind: 'misconfigured', code: 'OAUTH_RESPONSE_BODY_ERROR', oauthError: 'invalid_client' }, 'Okta');
    expect(refused.paragraphs[0]).toBe("Okta refused Nansen's login request, so you were not logged in.");
    expect(words(refused)).toMatch(/administrator to check Nansen's client settings at Okta and in Nansen \(OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_CLIENT_AUTH_METHOD\)/);
    for (const kind of ['code_rejected', 'issuer_mismatch', 'provider_unreachable', 'unverifiable'] as const) {
      expect(words(describeCallbackFailureInWords({ kind, code: 'X' }, 'Okta')), kind).not.toMatch(/client settings|OIDC_CLIENT/);
    }
  });

  it('a provider out of reach: try again in a moment (502); an answer that fails verification: log in again', () => {
    const down = describeCallbackFailureInWords({ kind: 'provider_unreachable', code: 'TypeError' }, 'Okta');
    expect(down).toMatchObject({ status: 502, actionLabel: 'Try again' });
    expect(down.paragraphs[0]).toBe('Nansen could not reach Okta to finish your login.');
    const forged = describeCallbackFailureInWords({ kind: 'unverifiable', code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' }, 'Okta');
    expect(forged).toMatchObject({ status: 400, actionLabel: 'Log in again' });
    expect(forged.paragraphs[0]).toBe('The answer from Okta could not be verified, so you were not logged in.');
  });

  it('never makes a raw code the main text, and shortens a long one in the reference', () => {
    for (const kind of ['code_rejected', 'issuer_mismatch', 'misconfigured', 'provider_unreachable', 'unverifiable'] as const) {
      const page = describeCallbackFailureInWords({ kind, code: 'OAUTH_SOMETHING', oauthError: 'some_error' }, 'Okta');
      expect(page.paragraphs.slice(0, -1).join(' '), kind).not.toMatch(/OAUTH_SOMETHING|some_error/);
      expect(page.paragraphs.at(-1), kind).toMatch(/^Reference: some_error, OAUTH_SOMETHING\.$/);
    }
    expect(describeCallbackFailureInWords({ kind: 'unverifiable', code: 'c'.repeat(100) }, 'Okta').paragraphs.at(-1)).toBe(`Reference: ${'c'.repeat(59)}….`);
  });
});

