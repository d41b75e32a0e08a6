// The OAuth / OpenID Connect error codes a provider sends back to the callback (RFC 6749 §4.1.2.1,
// OpenID Connect Core §3.1.2.6), in plain words for the "Login was not completed" page; and a callback
// that could not be finished (callback-failure.ts), in words for the "Login failed" page.
import type { CallbackFailure } from './callback-failure';

/** What happened, in words, for an `error` code from the provider; a generic sentence for codes not listed. */
export function describeLoginError(code: string, providerName: string): string {
  switch (code) {
    case 'access_denied':
      return `The login was cancelled, or ${providerName} did not allow it.`;
    case 'login_required':
      return `${providerName} needs you to log in, but could not show its login page.`;
    case 'consent_required':
      return `${providerName} needs your consent before Nansen may use your account.`;
    case 'interaction_required':
      return `${providerName} needs something from you first (for example a second factor or accepting its terms).`;
    case 'account_selection_required':
      return `${providerName} needs you to choose an account.`;
    case 'temporarily_unavailable':
      return `${providerName} is busy or down for maintenance at the moment.`;
    case 'server_error':
      return `${providerName} ran into an error of its own.`;
    case 'invalid_request':
    case 'unauthorized_client':
    case 'unsupported_response_type':
    case 'invalid_scope':
    case 'invalid_request_uri':
    case 'invalid_request_object':
    case 'request_not_supported':
    case 'request_uri_not_supported':
    case 'registration_not_supported':
      return `${providerName} refused Nansen's login request (${shorten(code, MAX_CODE_LENGTH)}): a setup problem. Ask your administrator to check Nansen's client settings at the provider.`;
    default:
      return `${providerName} did not complete the login (${shorten(code, MAX_CODE_LENGTH)}).`;
  }
}

/** The provider's own words are shown up to this many characters; an unknown code up to this many. */
const MAX_DESCRIPTION_LENGTH = 300;
const MAX_CODE_LENGTH = 60;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The provider's `error_description`, shortened to fit a page; undefined when it adds nothing to the code. */
export function shortenProviderDescription(description: unknown, code: string): string | undefined {
  if (typeof description !== 'string') return undefined;
  const text = description.trim();
  if (!text || text === code) return undefined;
  return shorten(text, MAX_DESCRIPTION_LENGTH);
}

/** The "Login failed" page for a callback that could not be finished: words for the person, the codes only as a reference. */
export interface CallbackFailurePage {
  status: number;
  title: string;
  paragraphs: string[];
  /** The main button: start the login again, or try it again. */
  actionLabel: string;
}

/**
 * What the person is told when the answer from the provider could not be turned into a session
 * (callback-failure.ts sorts it). The administrator's settings are blamed only when the provider refused
 * Nansen's client; the OAuth error and openid-client's code appear once, as a small reference, with the
 * request id the log line carries.
 */
export function describeCallbackFailureInWords(
  failure: Pick<CallbackFailure, 'kind' | 'code' | 'oauthError'>,
  providerName: string,
  requestId?: string,
): CallbackFailurePage {
  const codes = [failure.oauthError, failure.code].filter(Boolean).map((c) => shorten(c!, MAX_CODE_LENGTH));
  const referenceParts = [...(codes.length ? [codes.join(', ')] : []), ...(requestId ? [`request ${shorten(requestId, MAX_CODE_LENGTH)}`] : [])];
  const references = referenceParts.length ? [`Reference: ${referenceParts.join('; ')}.`] : [];
  switch (failure.kind) {
    // The same cause, the same words: a code the provider refused, or a callback of no login pending here (a replay).
    case 'no_pending_login':
    case 'code_rejected':
      return {
        status: 400,
        title: 'Please log in again',
        paragraphs: ['The login took too long or was already used — log in again.', 'You were not logged in, and nothing else needs doing.', ...references],
        actionLabel: 'Log in again',
      };
    case 'issuer_mismatch':
      return {
        status: 400,
        title: 'Login failed',
        paragraphs: [
          `The answer to this login did not come from ${providerName} as Nansen expected, so you were not logged in.`,
          'This happens when a login started elsewhere, or in another tab, comes back here, or when someone slips in an answer of their own. Log in again from Nansen; if it happens again, tell your administrator, who can look it up with the reference below.',
          ...references,
        ],
        actionLabel: 'Log in again',
      };
    case 'misconfigured':
      return {
        status: 400,
        title: 'Login failed',
        paragraphs: [
          `${providerName} refused Nansen's login request, so you were not logged in.`,
          `This is a setup problem, not yours: ask your administrator to check Nansen's client settings at ${providerName} and in Nansen (OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_CLIENT_AUTH_METHOD).`,
          ...references,
        ],
        actionLabel: 'Try again',
      };
    case 'provider_unreachable':
      return {
        status: 502,
        title: 'Login failed',
        paragraphs: [
          `Nansen could not reach ${providerName} to finish your login.`,
          'Try again in a moment. If this keeps happening, ask your administrator to check that the identity provider is running.',
          ...references,
        ],
        actionLabel: 'Try again',
      };
    case 'unverifiable':
      return {
        status: 400,
        title: 'Login failed',
        paragraphs: [
          `The answer from ${providerName} could not be verified, so you were not logged in.`,
          'Log in again. If it keeps failing, tell your administrator: Nansen\'s log says which check failed, under the reference below.',
          ...references,
        ],
        actionLabel: 'Log in again',
      };
  }
}
