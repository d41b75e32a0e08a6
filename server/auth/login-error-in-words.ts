// The OAuth / OpenID Connect error codes a provider sends back to the callback (RFC 6749 §4.1.2.1,
// OpenID Connect Core §3.1.2.6), in plain words for the "Login was not completed" page.

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
