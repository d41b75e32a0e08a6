// What a failed callback is logged as: the provider's OAuth error and words (cleaned), openid-client's
// code and the check that failed, sorted into the kind the page puts in words. The errors are
// openid-client's own, built as it builds them; the integration tests make real providers throw them.
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { IdpUnavailableError } from './oidc-client';
import { callbackFailureLogFields, cleanForLog, describeCallbackFailure } from './callback-failure';

/** openid-client's ResponseBodyError for a token endpoint's 400 with this JSON body. */
function responseBodyError(body: Record<string, string>): oidc.ResponseBodyError {
  return new oidc.ResponseBodyError('server responded with an error in the response body', { cause: body as never, response: new Response(JSON.stringify(body), { status: 400 }) });
}

/** openid-client's ClientError wrapping an oauth4webapi check with this message. */
function clientError(code: string, message: string): Error {
  return Object.assign(new Error('invalid response encountered', { cause: new Error(message) }), { code });
}

describe('a failed login callback, described for the log', () => {
  it('invalid_grant: the code was refused, with the provider\'s words', () => {
    const failure = describeCallbackFailure(responseBodyError({ error: 'invalid_grant', error_description: 'grant request is invalid' }));
    expect(failure).toEqual({
      kind: 'code_rejected', code: 'OAUTH_RESPONSE_BODY_ERROR', oauthError: 'invalid_grant', oauthErrorDescription: 'grant request is invalid', status: 400,
      check: 'the provider refused the authorization code (expired, already used, or not issued for this login)',
    });
    expect(callbackFailureLogFields(failure)).toEqual({
      reason: 'code_rejected', oauth_error: 'invalid_grant', oauth_error_description: 'grant request is invalid', status: 400, code: 'OAUTH_RESPONSE_BODY_ERROR',
      check: 'the provider refused the authorization code (expired, already used, or not issued for this login)',
    });
  });

  it('invalid_client and its kin are the setup; server_error is the provider\'s; a challenge names its error', () => {
    for (const error of ['invalid_client', 'unauthorized_client', 'unsupported_grant_type', 'invalid_request']) {
      expect(describeCallbackFailure(responseBodyError({ error })).kind, error).toBe('misconfigured');
    }
    expect(describeCallbackFailure(responseBodyError({ error: 'temporarily_unavailable' })).kind).toBe('provider_unreachable');
    const challenge = new oidc.WWWAuthenticateChallengeError('server responded with a challenge in the WWW-Authenticate HTTP Header', {
      cause: [{ scheme: 'basic', parameters: { error: 'invalid_client', error_description: 'client authentication failed' } }] as never,
      response: new Response(null, { status: 401 }),
    });
    expect(describeCallbackFailure(challenge)).toMatchObject({ kind: 'misconfigured', oauthError: 'invalid_client', oauthErrorDescription: 'client authentication failed', status: 401 });
  });

  it('names the issuer check that failed: in the callback, missing from it, or in the ID token', () => {
    expect(describeCallbackFailure(clientError('OAUTH_INVALID_RESPONSE', 'unexpected "iss" (issuer) response parameter value'))).toEqual({
      kind: 'issuer_mismatch', code: 'OAUTH_INVALID_RESPONSE', check: 'issuer in the callback does not match',
    });
    expect(describeCallbackFailure(clientError('OAUTH_INVALID_RESPONSE', 'response parameter "iss" (issuer) missing')).check).toMatch(/^issuer missing from the callback/);
    expect(describeCallbackFailure(clientError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected JWT "iss" (issuer) claim value'))).toMatchObject({ kind: 'issuer_mismatch', check: 'issuer in the ID token does not match' });
    // Another check: its own words, as the check.
    expect(describeCallbackFailure(clientError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected JWT "nonce" claim value'))).toEqual({
      kind: 'unverifiable', code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', check: 'unexpected JWT "nonce" claim value',
    });
  });

  it('logs the issuer that arrived, cleaned and cut, beside the one expected', () => {
    const inner = Object.assign(new Error('unexpected JWT "iss" (issuer) claim value'), {
      cause: { expected: 'https://idp.example', claims: { iss: `https://evil.example/\u202e\r\nforged the-code-value ${'x'.repeat(300)}` }, claim: 'iss' },
    });
    const failure = describeCallbackFailure(Object.assign(new Error('wrapped', { cause: inner }), { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' }), ['the-code-value'], 'https://configured.example');
    expect(failure).toMatchObject({ kind: 'issuer_mismatch', issuerExpected: 'https://idp.example' });
    expect(failure.issuerReceived).toMatch(/^https:\/\/evil\.example\/ forged \[redacted\] x+…$/);
    expect(failure.issuerReceived).toHaveLength(200);
    expect(callbackFailureLogFields(failure)).toMatchObject({ issuer_received: failure.issuerReceived, issuer_expected: 'https://idp.example' });
    // From the callback's parameters, with the configured issuer when the error names none.
    const param = Object.assign(new Error('unexpected "iss" (issuer) response parameter value'), { cause: { parameters: new URLSearchParams({ iss: 'https://other.example' }) } });
    expect(describeCallbackFailure(Object.assign(new Error('wrapped', { cause: param }), { code: 'OAUTH_INVALID_RESPONSE' }), [], 'https://configured.example')).toMatchObject({
      issuerReceived: 'https://other.example', issuerExpected: 'https://configured.example',
    });
  });

  it('names the settings to check in the log line of a provider that refuses Nansen\'s client', () => {
    expect(describeCallbackFailure(responseBodyError({ error: 'invalid_client' })).check).toBe(
      'the provider refused Nansen\'s token request: check OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_CLIENT_AUTH_METHOD against the client at the provider',
    );
  });

  it('a provider out of reach, or answering what is not OAuth', () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5005') });
    expect(describeCallbackFailure(refused)).toEqual({ kind: 'provider_unreachable', code: 'TypeError', check: 'connect ECONNREFUSED 127.0.0.1:5005' });
    const notConform = Object.assign(new Error('unexpected HTTP response status code', { cause: new Response('oops', { status: 502 }) }), { code: 'OAUTH_RESPONSE_IS_NOT_CONFORM' });
    expect(describeCallbackFailure(notConform)).toMatchObject({ kind: 'provider_unreachable', status: 502 });
    expect(describeCallbackFailure(new IdpUnavailableError('Cannot reach the identity provider at https://idp.example.com (HTTP 500).', 'idp_unreachable', 502))).toMatchObject({ kind: 'provider_unreachable', code: 'idp_unreachable' });
    expect(describeCallbackFailure('a string')).toMatchObject({ kind: 'unverifiable', code: 'unknown' });
  });

  it('keeps the code and state values, control characters and length out of what the provider wrote', () => {
    const code = 'SplxlOBeZQQYbYS6WxSbIA';
    const state = 'af0ifjsldkj-state';
    const failure = describeCallbackFailure(
      responseBodyError({ error: 'invalid_grant', error_description: `code ${code} for state ${state} is\r\nFORGED 2026 info login ok\u202e${'x'.repeat(400)}` }),
      [code, state],
    );
    expect(failure.oauthErrorDescription).toMatch(/^code \[redacted\] for state \[redacted\] is FORGED 2026 info login ok x+…$/);
    expect(failure.oauthErrorDescription).toHaveLength(200);
    expect(cleanForLog('a\u0000b\u0085c\u2066d')).toBe('a b c d');
    // Too short to be a code or state: not taken for one.
    expect(cleanForLog('abc', ['a'])).toBe('abc');
  });
});
