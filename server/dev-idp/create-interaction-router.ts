import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import { findDemoPerson, listDemoLogins } from './dev-accounts';
import { renderErrorPage, renderLoginPage } from './render-dev-idp-pages';

export const INTERACTION_PATH = '/interaction';

export function getInteractionUrl(uid: string): string {
  return `${INTERACTION_PATH}/${uid}`;
}

const cancelUrl = (uid: string) => `${getInteractionUrl(uid)}/cancel`;

function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
}

async function loadInteraction(provider: Provider, req: Request, response: Response): Promise<InteractionDetails> {
  const details = await provider.interactionDetails(req, response);
  if (details.uid !== req.params.uid) throw new InteractionMismatchError();
  return details;
}

class InteractionMismatchError extends Error {
  override name = 'InteractionMismatchError';
  constructor() {
    super('This login page belongs to another login attempt.');
  }
}

function toStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Our first-party client gets consent without a consent screen: grant what the provider reports as
 * missing (OIDC scopes, claims and the resource's scopes) and finish the interaction.
 */
async function grantFirstPartyConsent(provider: Provider, req: Request, response: Response, details: InteractionDetails) {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (!accountId || typeof clientId !== 'string') throw new Error('Consent was asked before anyone logged in.');
  const grant =
    (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  const missingScope = toStringList(missing.missingOIDCScope);
  if (missingScope.length > 0) grant.addOIDCScope(missingScope.join(' '));
  const missingClaims = toStringList(missing.missingOIDCClaims);
  if (missingClaims.length > 0) grant.addOIDCClaims(missingClaims);
  const resourceScopes = (missing.missingResourceScopes ?? {}) as Record<string, unknown>;
  for (const [resource, scopes] of Object.entries(resourceScopes)) grant.addResourceScope(resource, toStringList(scopes).join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(req, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** Whether this browser is logged in at the provider (a session with an account, from its cookie). */
async function hasProviderSession(provider: Provider, req: Request, response: Response): Promise<boolean> {
  try {
    const session = await provider.Session.get(provider.createContext(req, response));
    return typeof session.accountId === 'string';
  } catch {
    return false;
  }
}

export interface InteractionRouterOptions {
  /** Our one client: it gets consent without a consent screen. */
  firstPartyClientId: string;
  /**
   * The application's home (the registered client's origin): where the error page's "Go back to Nansen"
   * link leads, and where a finished login's page sends a browser that is logged in here.
   */
  applicationUrl: string;
}

/** Express routes for the development IdP's own login page and automatic first-party consent. */
export function createInteractionRouter(provider: Provider, { firstPartyClientId, applicationUrl }: InteractionRouterOptions): Router {
  const router = express.Router();
  const logins = listDemoLogins();
  const groupsOf = (login: string) => findDemoPerson(login)?.groups ?? [];

  router.get(`${INTERACTION_PATH}/:uid`, async (req, response) => {
    const details = await loadInteraction(provider, req, response);
    if (details.prompt.name === 'login') {
      sendHtml(response, 200, renderLoginPage({ action: `${getInteractionUrl(details.uid)}/login`, cancelAction: cancelUrl(details.uid), logins, groupsOf }));
      return;
    }
    if (details.prompt.name === 'consent' && details.params.client_id === firstPartyClientId) {
      await grantFirstPartyConsent(provider, req, response, details);
      return;
    }
    sendHtml(response, 400, renderErrorPage('Cannot continue', `The development IdP cannot handle the "${details.prompt.name}" step for this application.`, applicationUrl));
  });

  router.post(`${INTERACTION_PATH}/:uid/login`, express.urlencoded({ extended: false, limit: '10kb' }), async (req, response) => {
    const details = await loadInteraction(provider, req, response);
    if (details.prompt.name !== 'login') throw new InteractionMismatchError();
    const login = typeof req.body?.login === 'string' ? req.body.login.trim() : '';
    const password = typeof req.body?.password === 'string' ? req.body.password : '';
    const action = `${getInteractionUrl(details.uid)}/login`;
    // Log-in names are lower case; "LIV" is Liv, as most providers take a user name in any case.
    const person = findDemoPerson(login.toLowerCase());
    if (!person || password === '') {
      const error = !person
        ? `"${login}" is not a demo person. Log in as one of: ${logins.join(', ')}.`
        : 'Type any password; it must not be empty.';
      sendHtml(response, 200, renderLoginPage({ action, cancelAction: cancelUrl(details.uid), logins, groupsOf, error, login }));
      return;
    }
    await provider.interactionFinished(req, response, { login: { accountId: person.login } }, { mergeWithLastSubmission: false });
  });

  // Cancel on the login page: the login ends with access_denied, as a real provider's Cancel does, and the
  // application's callback says the person cancelled it, with a way to log in again (decision 101).
  router.post(`${INTERACTION_PATH}/:uid/cancel`, express.urlencoded({ extended: false, limit: '10kb' }), async (req, response) => {
    const details = await loadInteraction(provider, req, response);
    if (details.prompt.name !== 'login') throw new InteractionMismatchError();
    await provider.interactionFinished(req, response, { error: 'access_denied', error_description: 'You cancelled the login.' }, { mergeWithLastSubmission: false });
  });

  const handleInteractionError: ErrorRequestHandler = async (error: Error, req, response, next) => {
    if (response.headersSent) return next(error);
    const expired = error.name === 'SessionNotFound' || error.name === 'InteractionMismatchError';
    // Back after logging in lands here, on the finished login's page: a browser that is logged in here
    // goes to the application's home (only ever that fixed URL: no open redirect) instead of an error.
    if (expired && req.method === 'GET' && (await hasProviderSession(provider, req, response))) {
      response.status(303).set('Cache-Control', 'no-store').location(applicationUrl).end();
      return;
    }
    if (!expired) console.error('[dev-idp] interaction failed:', error.name, error.message);
    const message = expired
      ? 'This login attempt has expired or was started in another browser.'
      : 'Something went wrong while logging in.';
    sendHtml(response, expired ? 400 : 500, renderErrorPage('Login failed', message, applicationUrl));
  };
  router.use(handleInteractionError);
  return router;
}
