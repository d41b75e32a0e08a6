// The OAuth / OpenID Connect error codes a provider sends back to the callback (RFC 6749 §4.1.2.1,
// OpenID Connect Core §3.1.2.6), in plain words for the "Login was not completed" page; and a callback
// that could not be finished (callback-failure.ts), in words for the "Login failed" page.
import type { CallbackFailure } from './callback-failure';

/**
 * The provider's name where it starts a sentence: the generic "your identity provider" (provider-presets.ts)
 * becomes "Your identity provider". Only a name that starts with a lower-case article or possessive is
 * changed; a real name keeps its own spelling (Okta, eduID).
 */
export function providerNameAtSentenceStart(providerName: string): string {
  return /^(your|the|our|a|an) /.test(providerName) ? `${providerName[0]!.toUpperCase()}${providerName.slice(1)}` : providerName;
}

/** What happened, in words, for an `error` code from the provider; a generic sentence for codes not listed. */
export function describeLoginError(code: string, name: string): string {
  const providerName = providerNameAtSentenceStart(name);
  switch (code) {
    case 'access_denied':
      // A Cancel on the provider's login page is the usual cause: said first, in the person's words.
      return `You cancelled the login, or ${name} did not allow it.`;
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
  /** The main button: start the login again, or try it again; none where trying again cannot help. */
  actionLabel?: string;
}

/**
 * What the person is told when the answer from the provider could not be turned into a session
 * (callback-failure.ts sorts it). The setup is blamed only when the provider refused Nansen's client (its
 * setting names are in the log line, not the page); the codes are in the log line too, and the page's small
 * reference is the request id that finds it.
 */
export function describeCallbackFailureInWords(
  failure: Pick<CallbackFailure, 'kind' | 'code' | 'oauthError'>,
  providerName: string,
  requestId?: string,
): CallbackFailurePage {
  // Only the request id: it finds the log line, which has the codes (a person has no use for TypeError or OAUTH_…).
  const references = requestId ? [`Reference: request ${shorten(requestId, MAX_CODE_LENGTH)}.`] : [];
  const startName = providerNameAtSentenceStart(providerName);
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
          'The answer to this login did not come from the login service Nansen uses, so Nansen did not accept it.',
          'Log in again; if it keeps happening, tell whoever runs Nansen.',
          ...references,
        ],
        actionLabel: 'Log in again',
      };
    case 'misconfigured':
      // Trying again cannot help: no button. The setting names to check are in the log line.
      return {
        status: 400,
        title: 'Login failed',
        paragraphs: [
          `${startName} refused Nansen's login request, so you were not logged in.`,
          `Nansen's login is not set up correctly; tell whoever runs Nansen${requestId ? ` (reference: request ${shorten(requestId, MAX_CODE_LENGTH)})` : ''}.`,
        ],
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
