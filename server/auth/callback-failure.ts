// Why a login callback failed, from what openid-client threw: the OAuth error the provider answered,
// openid-client's code and the check that failed, for one log line an auditor can read (an expired
// code is not an attack; an issuer that does not match may be one), and the kind of failure the page
// puts in words (login-error-in-words.ts). Never a code, state, token or cookie value.
import * as oidc from 'openid-client';
import { UpstreamError } from '../http/errors';

export type CallbackFailureKind =
  /** The provider refused the authorization code (invalid_grant): too slow, used twice, or not this login's. */
  | 'code_rejected'
  /** The answer names another issuer than the one the login went to (a mix-up, or a forged answer). */
  | 'issuer_mismatch'
  /** The provider refused Nansen itself (invalid_client, unauthorized_client …): the setup. */
  | 'misconfigured'
  /** The provider could not be reached, or failed on its side. */
  | 'provider_unreachable'
  /** The answer failed verification (signature, audience, nonce …). */
  | 'unverifiable'
  /**
   * No login of this browser is pending under the callback's state: a callback URL opened again after its
   * login finished (or after logging out), in another browser, or too late. Nothing is sent to the provider.
   */
  | 'no_pending_login';

export interface CallbackFailure {
  kind: CallbackFailureKind;
  /** openid-client's code (OAUTH_RESPONSE_BODY_ERROR …), else the error's name. */
  code: string;
  /** The OAuth `error` the provider answered (invalid_grant …). */
  oauthError?: string;
  /** The provider's `error_description`: control characters out, shortened, code and state values out. */
  oauthErrorDescription?: string;
  /** The HTTP status of the provider's answer, when there was one. */
  status?: number;
  /** The check that failed, in words. */
  check: string;
  /** For an issuer that does not match: the issuer that arrived (untrusted: cleaned, at most 200 characters) and the one expected. */
  issuerReceived?: string;
  issuerExpected?: string;
}

/** A provider's words are logged up to this many characters. */
export const MAX_LOGGED_DESCRIPTION = 200;

// C0 and C1 controls (a forged line break in the log) and the bidirectional overrides (text that reads otherwise than it is).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from outside (a provider's error_description) made fit for one log line: control characters
 * become spaces, the callback's `secrets` (its code and state) are taken out wherever they appear, and
 * it is cut at `max` characters.
 */
export function cleanForLog(text: string, secrets: readonly string[] = [], max = MAX_LOGGED_DESCRIPTION): string {
  let clean = text.replace(CONTROL, ' ');
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  clean = clean.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** OAuth errors that say the provider refuses Nansen's client, not this login (RFC 6749 §5.2). */
const CLIENT_REFUSED = new Set(['invalid_client', 'unauthorized_client', 'unsupported_grant_type', 'invalid_request', 'invalid_scope', 'invalid_target']);
const PROVIDER_FAILED = new Set(['server_error', 'temporarily_unavailable']);

/** The message of the check openid-client's error wraps (oauth4webapi's), which says what did not match. */
function innerMessage(err: Error): string {
  return err.cause instanceof Error && err.cause.message ? err.cause.message : err.message;
}

/** The check that failed, in words, for the messages of oauth4webapi that name the issuer. */
function issuerCheck(message: string): string | undefined {
  if (/unexpected "iss" \(issuer\) response parameter value/.test(message)) return 'issuer in the callback does not match';
  if (/response parameter "iss" \(issuer\) missing/.test(message)) return 'issuer missing from the callback, which the provider says it sends';
  if (/unexpected JWT "iss" \(issuer\) claim value/.test(message)) return 'issuer in the ID token does not match';
  return undefined;
}

function oauthErrorFailure(err: Error & { code?: string; status?: number }, error: string, description: unknown, secrets: readonly string[]): CallbackFailure {
  const oauthErrorDescription = typeof description === 'string' && description.trim() ? cleanForLog(description, secrets) : undefined;
  const base = {
    code: err.code ?? err.name,
    oauthError: cleanForLog(error, secrets, 60),
    ...(oauthErrorDescription ? { oauthErrorDescription } : {}),
    ...(typeof err.status === 'number' ? { status: err.status } : {}),
  };
  if (error === 'invalid_grant') return { ...base, kind: 'code_rejected', check: 'the provider refused the authorization code (expired, already used, or not issued for this login)' };
  if (PROVIDER_FAILED.has(error)) return { ...base, kind: 'provider_unreachable', check: 'the provider failed to answer the token request' };
  if (CLIENT_REFUSED.has(error)) return { ...base, kind: 'misconfigured', check: 'the provider refused Nansen\'s token request: check OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_CLIENT_AUTH_METHOD against the client at the provider' };
  return { ...base, kind: 'unverifiable', check: 'the provider refused the token request' };
}

/**
 * The issuer that arrived, from oauth4webapi's error (openid-client's error wraps it as `cause`): its
 * own `cause` holds the callback's parameters (`iss`) or the ID token's claims, and the issuer expected.
 */
function issuersOf(err: Error, secrets: readonly string[], expected: string | undefined): Pick<CallbackFailure, 'issuerReceived' | 'issuerExpected'> {
  const detail: unknown = (err.cause instanceof Error ? err.cause : err).cause;
  const found = detail && typeof detail === 'object' ? (detail as { expected?: unknown; parameters?: unknown; claims?: unknown }) : {};
  const received = found.parameters instanceof URLSearchParams
    ? found.parameters.get('iss')
    : found.claims && typeof found.claims === 'object' ? (found.claims as { iss?: unknown }).iss : undefined;
  const wanted = typeof found.expected === 'string' ? found.expected : expected;
  return {
    ...(typeof received === 'string' ? { issuerReceived: cleanForLog(received, secrets) } : {}),
    ...(wanted ? { issuerExpected: cleanForLog(wanted, secrets) } : {}),
  };
}

/**
 * What went wrong, from an error thrown while finishing a login. `secrets` are the callback's code and
 * state: a provider that echoes them in its error_description does not get them into the log.
 * `expectedIssuer` is the configured issuer, logged with an issuer that does not match it.
 */
export function describeCallbackFailure(err: unknown, secrets: readonly string[] = [], expectedIssuer?: string): CallbackFailure {
  if (err instanceof oidc.ResponseBodyError) return oauthErrorFailure(err, err.error, err.error_description, secrets);
  if (err instanceof oidc.AuthorizationResponseError) return oauthErrorFailure(err, err.error, err.error_description, secrets);
  if (err instanceof oidc.WWWAuthenticateChallengeError) {
    // A token endpoint that refuses the client's own credentials answers 401 with a challenge (RFC 6749 §5.2).
    const challenge = err.cause.find((c) => c.parameters.error)?.parameters;
    return oauthErrorFailure(err, challenge?.error ?? 'invalid_client', challenge?.error_description, secrets);
  }
  if (err instanceof UpstreamError) {
    return { kind: 'provider_unreachable', code: err.code ?? err.name, check: cleanForLog(err.message, secrets) };
  }
  if (!(err instanceof Error)) return { kind: 'unverifiable', code: 'unknown', check: 'an error that is not an Error was thrown' };
  const ownCode: unknown = (err as Error & { code?: unknown }).code;
  const code = typeof ownCode === 'string' ? ownCode : err.name;
  const message = innerMessage(err);
  const issuer = issuerCheck(message);
  if (issuer) return { kind: 'issuer_mismatch', code, check: issuer, ...issuersOf(err, secrets, expectedIssuer) };
  if (err instanceof TypeError || code === 'OAUTH_TIMEOUT') return { kind: 'provider_unreachable', code, check: cleanForLog(message, secrets) };
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON') {
    const status = err.cause instanceof Response ? err.cause.status : undefined;
    return { kind: 'provider_unreachable', code, ...(status ? { status } : {}), check: 'the provider\'s answer to the token request was not an OAuth answer' };
  }
  return { kind: 'unverifiable', code, check: cleanForLog(message, secrets) };
}

/** A callback of no login this browser has pending (a replayed or copied callback URL, or one too old). */
export const NO_PENDING_LOGIN: CallbackFailure = {
  kind: 'no_pending_login',
  code: '',
  check: 'no login of this browser is pending under this state (the callback was used already, is too old, or comes from another browser); nothing was sent to the provider',
};

/**
 * No pending login because the browser's pending-login cookie could not be opened: sealed by another
 * instance with other SESSION_SECRETS (a login started on one instance and finished on another), or altered.
 */
export const NO_PENDING_LOGIN_UNKNOWN_SECRET: CallbackFailure = {
  ...NO_PENDING_LOGIN,
  check: 'the pending-login cookie was sealed with a secret this instance does not have (or altered): do all instances share SESSION_SECRETS? nothing was sent to the provider',
};

/** The failure as the fields of one log line. */
export function callbackFailureLogFields(failure: CallbackFailure): Record<string, string | number> {
  return {
    reason: failure.kind,
    ...(failure.oauthError ? { oauth_error: failure.oauthError } : {}),
    ...(failure.oauthErrorDescription ? { oauth_error_description: failure.oauthErrorDescription } : {}),
    ...(failure.status ? { status: failure.status } : {}),
    ...(failure.code ? { code: failure.code } : {}),
    check: failure.check,
    ...(failure.issuerReceived !== undefined ? { issuer_received: failure.issuerReceived } : {}),
    ...(failure.issuerExpected !== undefined ? { issuer_expected: failure.issuerExpected } : {}),
  };
}
