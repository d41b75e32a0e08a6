import { describe, expect, it } from 'vitest';
import { describeCallbackFailureInWords, describeLoginError, providerNameAtSentenceStart, shortenProviderDescription } from './login-error-in-words';

describe('a provider\'s login error in words', () => {
  it('says a cancelled login in words, and an unknown code with the code, shortened', () => {
    expect(describeLoginError('access_denied', 'Okta')).toBe('You cancelled the login, or Okta did not allow it.');
    expect(describeLoginError('weird', 'Okta')).toBe('Okta did not complete the login (weird).');
    expect(describeLoginError('w'.repeat(100), 'Okta')).toBe(`Okta did not complete the login (${'w'.repeat(59)}…).`);
  });

  it('capitalises the generic provider name where it starts a sentence, and never a real name', () => {
    expect(describeLoginError('invalid_request', 'your identity provider')).toMatch(/^Your identity provider refused Nansen's login request/);
    expect(describeLoginError('server_error', 'your identity provider')).toBe('Your identity provider ran into an error of its own.');
    expect(describeLoginError('weird', 'your identity provider')).toBe('Your identity provider did not complete the login (weird).');
    // Inside a sentence it stays as it is.
    expect(describeLoginError('access_denied', 'your identity provider')).toBe('You cancelled the login, or your identity provider did not allow it.');
    expect(providerNameAtSentenceStart('your identity provider')).toBe('Your identity provider');
    for (const name of ['Okta', 'eduID', 'Test IdP', 'keycloak']) expect(providerNameAtSentenceStart(name)).toBe(name);
    // Only an article or possessive at the start: one later in the name changes nothing.
    expect(providerNameAtSentenceStart('eduID of the university')).toBe('eduID of the university');
    expect(providerNameAtSentenceStart('theirs')).toBe('theirs');
    const refused = describeCallbackFailureInWords({ kind: 'misconfigured', code: 'X' }, 'your identity provider');
    expect(refused.paragraphs[0]).toBe("Your identity provider refused Nansen's login request, so you were not logged in.");
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

  it('an expired or used code (invalid_grant): log in again, no blame, only the request as a reference', () => {
    const page = describeCallbackFailureInWords({ kind: 'code_rejected', code: 'OAUTH_RESPONSE_BODY_ERROR', oauthError: 'invalid_grant' }, 'Okta', 'req-1');
    expect(page).toEqual({
      status: 400,
      title: 'Please log in again',
      paragraphs: ['The login took too long or was already used — log in again.', 'You were not logged in, and nothing else needs doing.', 'Reference: request req-1.'],
      actionLabel: 'Log in again',
    });
  });

  it('an issuer that does not match: says plainly the answer was not from the login service Nansen uses, and does not blame the settings', () => {
    const page = describeCallbackFailureInWords({ kind: 'issuer_mismatch', code: 'OAUTH_INVALID_RESPONSE' }, 'Okta', 'req-2');
    expect(page).toEqual({
      status: 400,
      title: 'Login failed',
      paragraphs: [
        'The answer to this login did not come from the login service Nansen uses, so Nansen did not accept it.',
        'Log in again; if it keeps happening, tell whoever runs Nansen.',
        'Reference: request req-2.',
      ],
      actionLabel: 'Log in again',
    });
  });

  it('a provider that refuses Nansen\'s client: not set up correctly, tell whoever runs Nansen, no setting names and no retry', () => {
    const refused = describeCallbackFailureInWords({ kind: 'misconfigured', code: 'OAUTH_RESPONSE_BODY_ERROR', oauthError: 'invalid_client' }, 'Okta', 'req-3');
    expect(refused).toEqual({
      status: 400,
      title: 'Login failed',
      paragraphs: ["Okta refused Nansen's login request, so you were not logged in.", "Nansen's login is not set up correctly; tell whoever runs Nansen (reference: request req-3)."],
    });
    for (const kind of ['code_rejected', 'issuer_mismatch', 'provider_unreachable', 'unverifiable', 'misconfigured'] as const) {
      expect(words(describeCallbackFailureInWords({ kind, code: 'X' }, 'Okta')), kind).not.toMatch(/client settings|OIDC_CLIENT/);
    }
  });

  it('a provider out of reach: try again in a moment (502); an answer that fails verification: log in again', () => {
    const down = describeCallbackFailureInWords({ kind: 'provider_unreachable', code: 'TypeError' }, 'Okta');
    expect(down).toMatchObject({ status: 502, title: 'Login failed', actionLabel: 'Try again' });
    expect(down.paragraphs[1]).toBe('Try again in a moment. If this keeps happening, ask your administrator to check that the identity provider is running.');
    expect(down.paragraphs[0]).toBe('Nansen could not reach Okta to finish your login.');
    const forged = describeCallbackFailureInWords({ kind: 'unverifiable', code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' }, 'Okta');
    expect(forged).toMatchObject({ status: 400, title: 'Login failed', actionLabel: 'Log in again' });
    expect(forged.paragraphs[1]).toBe('Log in again. If it keeps failing, tell your administrator: Nansen\'s log says which check failed, under the reference below.');
    expect(forged.paragraphs[0]).toBe('The answer from Okta could not be verified, so you were not logged in.');
  });

  it('never shows a code to the person, only the request id, shortened when long', () => {
    for (const kind of ['code_rejected', 'issuer_mismatch', 'misconfigured', 'provider_unreachable', 'unverifiable', 'no_pending_login'] as const) {
      const page = describeCallbackFailureInWords({ kind, code: 'TypeError', oauthError: 'some_error' }, 'Okta', 'abe5');
      expect(words(page), kind).not.toMatch(/TypeError|some_error/);
      expect(words(page), kind).toMatch(/[Rr]eference: request abe5[.)]/);
    }
    expect(describeCallbackFailureInWords({ kind: 'unverifiable', code: 'X' }, 'Okta', 'r'.repeat(100)).paragraphs.at(-1)).toBe(`Reference: request ${'r'.repeat(59)}….`);
    // No request id (outside a request): no reference line at all.
    expect(words(describeCallbackFailureInWords({ kind: 'unverifiable', code: 'X' }, 'Okta'))).not.toMatch(/Reference/);
    expect(describeCallbackFailureInWords({ kind: 'unverifiable', code: 'X' }, 'Okta').paragraphs).toHaveLength(2);
    expect(describeCallbackFailureInWords({ kind: 'misconfigured', code: 'X' }, 'Okta').paragraphs[1]).toBe("Nansen's login is not set up correctly; tell whoever runs Nansen.");
  });
});
