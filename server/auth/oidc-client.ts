// The only module that talks OpenID Connect to the identity provider (through openid-client, and jose
// for back-channel logout tokens).
import { createRemoteJWKSet, importPKCS8, jwtVerify, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import { type ClientAuthConfig, isLoopbackUrl, type LogoutSettings } from '../config/config-schema';
import { UpstreamError } from '../http/errors';
import type { PendingLogin, SessionTokens } from './session-data';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string;
  /** The one algorithm ID tokens must be signed with (asymmetric; config refuses `none` and HMAC). */
  idTokenSigningAlg: string;
  /** How Nansen authenticates at the token endpoint; default client_secret_basic with clientSecret. */
  clientAuth?: ClientAuthConfig;
  /** Extra authorization request parameters (a preset's, `audience`, `resource`); never override PKCE, state or nonce. */
  authorizationParams?: Readonly<Record<string, string>>;
  /** Extra token request parameters, on the code exchange and on every refresh (`resource`). */
  tokenParams?: Readonly<Record<string, string>>;
  /** How logging out ends the provider's session; default: without the ID token, no logout_hint (decision 049). */
  logout?: LogoutSettings;
}

/**
 * How the browser is sent to the provider's end-session endpoint (decision 049). A `GET` URL never
 * holds the ID token; a `POST` form carries it as id_token_hint, for a provider that requires it.
 */
export type ProviderLogout =
  | { method: 'GET'; url: string }
  | { method: 'POST'; action: string; fields: Readonly<Record<string, string>> };

export interface LoginStart {
  url: string;
  state: string;
  pending: PendingLogin;
}

export interface LoginResult {
  tokens: SessionTokens;
  claims: Record<string, unknown>;
}

/** A verified OIDC Back-Channel Logout token: which provider session (`sid`) or user (`sub`) ended. */
export interface LogoutRequest {
  issuer: string;
  providerSessionId?: string;
  subject?: string;
  jti: string;
  expiresAt: number;
}

export interface OidcClient {
  readonly issuer: string;
  startLogin(returnTo: string): Promise<LoginStart>;
  finishLogin(callbackUrl: URL, pending: PendingLogin, state: string): Promise<LoginResult>;
  fetchUserInfo(accessToken: string, subject: string): Promise<Record<string, unknown>>;
  /**
   * Refresh the tokens; a new ID token must name the same subject and issuer as the login's.
   * Throws RefreshRefusedError when the session cannot go on (the provider refused the refresh token,
   * or its answer could not be trusted) and IdpUnavailableError when the provider could not be asked.
   */
  refresh(tokens: SessionTokens): Promise<SessionTokens>;
  /** Revoke a refresh token where the provider has a revocation endpoint; failures are reported, not thrown. */
  revoke(refreshToken: string): Promise<'revoked' | 'unsupported' | 'failed'>;
  /** How to end this login's provider session; null when the provider has no end-session endpoint (Google). */
  buildLogout(tokens: Pick<SessionTokens, 'idToken' | 'providerSessionId'> | undefined): Promise<ProviderLogout | null>;
  /** The provider's logout takes the ID token (OIDC_LOGOUT_ID_TOKEN_HINT=form_post): without it, it may refuse or ask. */
  readonly logoutNeedsIdToken: boolean;
  /** Verify a Back-Channel Logout token (signature, iss, aud, iat, events, no nonce); throws when invalid. */
  verifyLogoutToken(logoutToken: string): Promise<LogoutRequest>;
}

/** The session cannot be refreshed and must end (the user logs in again). */
export class RefreshRefusedError extends Error {
  override name = 'RefreshRefusedError';
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** The provider could not be reached or failed: try again later; the session stays. */
export class IdpUnavailableError extends UpstreamError {
  override name = 'IdpUnavailableError';
}

/**
 * The provider answers, but its discovery document names another issuer than OIDC_ISSUER: nobody can log
 * in until the setting is changed (trying again does not help). The message names both values and the fix;
 * it is for the log, never for a page.
 */
export class IssuerMismatchError extends IdpUnavailableError {
  override name = 'IssuerMismatchError';
  /** The issuer the provider declared, as it declared it (undefined when it is no string). */
  readonly declared: string | undefined;
  constructor(readonly expected: string, declared: unknown) {
    super(describeIssuerMismatch(expected, declared), 'idp_issuer_mismatch', 502);
    this.declared = typeof declared === 'string' ? declared : undefined;
  }
}

/** At most this much of an issuer a provider declares goes into a message (it is the provider's text). */
const MAX_DECLARED_ISSUER = 200;

/** What a provider declared as its issuer, fit for a log line: a string without control characters or a URL's password, cut short. */
export function showDeclaredIssuer(declared: unknown): string | undefined {
  if (typeof declared !== 'string' || declared === '') return undefined;
  // As declared (the operator copies it), but a URL's password as *** (not re-serialized: that would change it).
  const shown = declared
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, '$1:***@');
  return shown.length > MAX_DECLARED_ISSUER ? `${shown.slice(0, MAX_DECLARED_ISSUER - 1)}…` : shown;
}

/**
 * "OIDC_ISSUER is http://127.0.0.1:7231, but the provider says its issuer is http://localhost:7231; set
 * OIDC_ISSUER to exactly that …": both values and the fix, with the usual causes.
 */
export function describeIssuerMismatch(expected: string, declared: unknown): string {
  const shown = showDeclaredIssuer(declared);
  if (shown === undefined) {
    return `The identity provider's discovery document for OIDC_ISSUER (${expected}) names no issuer, so it is not an OpenID Connect provider's: check that OIDC_ISSUER is your provider's issuer URL.`;
  }
  return `OIDC_ISSUER is ${expected}, but the provider says its issuer is ${shown}; set OIDC_ISSUER to exactly that. `
    + 'They must match character for character (tokens carry the provider\'s issuer): a trailing slash (Auth0\'s issuer has one), 127.0.0.1 against localhost, or Keycloak\'s /auth prefix are the usual differences.';
}

const DEFAULT_TOKEN_LIFETIME_S = 300;
const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** How old a logout token may be (its `iat`), and how long its `jti` is remembered. */
const LOGOUT_TOKEN_MAX_AGE_S = 300;

type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

function toSessionTokens(
  response: TokenResponse,
  identity: { subject: string; issuer: string; providerSessionId?: string },
  obtainedBy: SessionTokens['obtainedBy'],
  previous?: SessionTokens,
): SessionTokens {
  const now = Date.now();
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    idToken: response.id_token ?? previous?.idToken,
    expiresAt: now + (response.expiresIn() ?? DEFAULT_TOKEN_LIFETIME_S) * 1000,
    obtainedAt: now,
    obtainedBy,
    subject: identity.subject,
    issuer: identity.issuer,
    ...(identity.providerSessionId ? { providerSessionId: identity.providerSessionId } : {}),
  };
}

/** Sort a failed refresh: only a refusal by the provider, or an answer we cannot trust, ends the session. */
function classifyRefreshError(err: unknown): Error {
  if (err instanceof RefreshRefusedError) return err;
  if (err instanceof oidc.ResponseBodyError) {
    // oauth4webapi raises ResponseBodyError only for a 4xx answer with an OAuth error; a 5xx is not conform (below).
    if (err.error === 'invalid_grant') return new RefreshRefusedError('The identity provider no longer accepts this session (invalid_grant).', 'invalid_grant');
    return new IdpUnavailableError(
      `The identity provider refused to renew the session (${err.error}). An administrator should check the OIDC client settings.`,
      'idp_refused_client',
      503,
    );
  }
  if (err instanceof oidc.WWWAuthenticateChallengeError) {
    // A token endpoint that refuses the client's own credentials answers 401 with a challenge (RFC 6749 §5.2): the setup, not the session.
    const error = err.cause.find((challenge) => challenge.parameters.error)?.parameters.error ?? `HTTP ${err.status}`;
    return new IdpUnavailableError(
      `The identity provider refused to renew the session (${error}). An administrator should check the OIDC client settings.`,
      'idp_refused_client',
      503,
    );
  }
  if (err instanceof oidc.ClientError && err.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    const status = err.cause instanceof Response ? err.cause.status : 0;
    if (status >= 500 || status === 0) return new IdpUnavailableError('The identity provider failed while renewing your session; try again in a moment.', 'idp_unavailable', 503);
  }
  // openid-client reports its own time limit (10 s, set at discovery) as a ClientError, never as the DOMException.
  if (err instanceof TypeError || (err instanceof oidc.ClientError && err.code === 'OAUTH_TIMEOUT')) {
    return new IdpUnavailableError('The identity provider could not be reached to renew your session; try again in a moment.', 'idp_unavailable', 503);
  }
  if (err instanceof UpstreamError) return err;
  // Anything else is an answer that failed verification (signature, claims): it is not to be trusted.
  const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : 'unverifiable';
  return new RefreshRefusedError(`The identity provider's answer to a refresh could not be verified (${code}).`, code);
}

/**
 * Why the provider could not be asked, in the network's own words: "connect ECONNREFUSED 127.0.0.1:5005"
 * (fetch's cause, not its "fetch failed"), "HTTP 500" for an answer that is not a discovery document,
 * else the error's message (openid-client's "operation timed out"). Never a token: none is sent here.
 */
function providerFailureDetail(err: unknown): string {
  if (err instanceof oidc.ClientError && err.cause instanceof Response && !err.cause.ok) return `HTTP ${err.cause.status}`;
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error && err.cause.message ? err.cause.message : err.message;
}

/** The token endpoint authentication openid-client performs (the key is imported once, here). */
async function createClientAuthentication(settings: OidcSettings): Promise<oidc.ClientAuth> {
  const auth = settings.clientAuth ?? { method: 'client_secret_basic' };
  switch (auth.method) {
    case 'client_secret_basic':
      return oidc.ClientSecretBasic(settings.clientSecret);
    case 'client_secret_post':
      return oidc.ClientSecretPost(settings.clientSecret);
    case 'private_key_jwt': {
      const { key, alg, kid, x5t, x5tS256 } = auth.privateKey;
      const cryptoKey = await importPKCS8(key.export({ type: 'pkcs8', format: 'pem' }).toString(), alg);
      return oidc.PrivateKeyJwt(
        { key: cryptoKey, ...(kid ? { kid } : {}) },
        {
          // Entra ID finds the registered certificate by its thumbprint.
          [oidc.modifyAssertion]: (header) => {
            if (x5t) header.x5t = x5t;
            if (x5tS256) header['x5t#S256'] = x5tS256;
          },
        },
      );
    }
  }
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  const insecureAllowed = isLoopbackUrl(settings.issuer);
  const tokenParams = { ...settings.tokenParams };
  let configuration: Promise<oidc.Configuration> | undefined;
  let logoutKeys: ReturnType<typeof createRemoteJWKSet> | undefined;

  function getConfiguration(): Promise<oidc.Configuration> {
    configuration ??= createClientAuthentication(settings)
      .then((clientAuthentication) => oidc.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { id_token_signed_response_alg: settings.idTokenSigningAlg },
        clientAuthentication,
        {
          // Non-repudiation: verify the ID token's signature against the provider's JWKS, even though it
          // came straight from the token endpoint (openid-client skips that check by default).
          execute: insecureAllowed ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
          timeout: 10,
        },
      ))
      .catch((err: unknown) => {
        configuration = undefined; // try again next time
        // The provider answered, with another issuer: not "cannot reach", and the fix is a setting.
        // (The code is oauth4webapi's JSON_ATTRIBUTE_COMPARISON, which openid-client does not export.)
        if (err instanceof oidc.ClientError && err.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
          const cause = err.cause as { attribute?: unknown; body?: { issuer?: unknown } } | undefined;
          if (cause?.attribute === 'issuer') throw new IssuerMismatchError(settings.issuer, cause.body?.issuer);
        }
        throw unreachable(providerFailureDetail(err));
      });
    return configuration;
  }

  function unreachable(detail: string): IdpUnavailableError {
    return new IdpUnavailableError(
      `Cannot reach the identity provider at ${settings.issuer} (${detail}). Check OIDC_ISSUER and that the provider is running.`,
      'idp_unreachable',
      502,
    );
  }

  async function checkProviderAnswers(): Promise<void> {
    const url = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let detail: string;
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      await res.body?.cancel();
      if (res.status < 500) return;
      detail = `HTTP ${res.status}`;
    } catch (err) {
      detail = providerFailureDetail(err);
    }
    configuration = undefined; // discover again once it is back: its keys may have changed
    throw unreachable(detail);
  }

  return {
    issuer: settings.issuer,
    logoutNeedsIdToken: settings.logout?.idTokenHint === 'form_post',

    async startLogin(returnTo) {
      const discoveredNow = configuration === undefined;
      const config = await getConfiguration();
      // Discovery is kept for the life of the process: before sending a browser to the provider, check it
      // still answers, so a provider that went away gives our readable error page, not the browser's.
      if (!discoveredNow) await checkProviderAnswers();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        ...settings.authorizationParams,
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, pending: { codeVerifier, nonce, returnTo, createdAt: Date.now() } };
    },

    async finishLogin(callbackUrl, pending, state) {
      const config = await getConfiguration();
      const response = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      }, tokenParams);
      const claims = response.claims();
      if (!claims) throw new Error('the token response has no ID token');
      const providerSessionId = typeof claims.sid === 'string' ? claims.sid : undefined;
      return { tokens: toSessionTokens(response, { subject: claims.sub, issuer: claims.iss, providerSessionId }, 'login'), claims: { ...claims } };
    },

    async fetchUserInfo(accessToken, subject) {
      const config = await getConfiguration();
      return { ...(await oidc.fetchUserInfo(config, accessToken, subject)) };
    },

    async refresh(tokens) {
      if (!tokens.refreshToken) throw new RefreshRefusedError('The session has no refresh token.', 'no_refresh_token');
      if (!tokens.subject || !tokens.issuer) throw new RefreshRefusedError('The session does not record whom it was issued to.', 'no_subject');
      try {
        const config = await getConfiguration();
        const response = await oidc.refreshTokenGrant(config, tokens.refreshToken, tokenParams);
        // OpenID Connect Core 12.2: a refreshed ID token keeps the login's iss and sub.
        const claims = response.claims();
        if (claims && (claims.sub !== tokens.subject || claims.iss !== tokens.issuer)) {
          throw new RefreshRefusedError('The refreshed ID token names another subject or issuer.', 'id_token_subject_changed');
        }
        return toSessionTokens(response, { subject: tokens.subject, issuer: tokens.issuer, providerSessionId: tokens.providerSessionId }, 'refresh', tokens);
      } catch (err) {
        throw classifyRefreshError(err);
      }
    },

    async revoke(refreshToken) {
      try {
        const config = await getConfiguration();
        if (!config.serverMetadata().revocation_endpoint) return 'unsupported';
        await oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' });
        return 'revoked';
      } catch {
        return 'failed';
      }
    },

    async buildLogout(tokens) {
      const config = await getConfiguration();
      const endpoint = config.serverMetadata().end_session_endpoint;
      if (!endpoint) return null;
      const { idTokenHint, sidAsLogoutHint } = settings.logout ?? { idTokenHint: 'none', sidAsLogoutHint: false };
      if (idTokenHint === 'form_post' && tokens?.idToken) {
        // What the provider got in the URL before, now in a form's body: no address bar, history, Referer or access log sees it.
        return { method: 'POST', action: endpoint, fields: { id_token_hint: tokens.idToken, post_logout_redirect_uri: settings.postLogoutRedirectUri } };
      }
      // RP-Initiated Logout 1.0 §2: client_id tells the provider whose post-logout redirect URI this is, without the ID token.
      const url = oidc.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        ...(sidAsLogoutHint && tokens?.providerSessionId ? { logout_hint: tokens.providerSessionId } : {}),
      });
      return { method: 'GET', url: url.href };
    },

    async verifyLogoutToken(logoutToken) {
      const metadata = (await getConfiguration()).serverMetadata();
      if (!metadata.jwks_uri) throw new Error('the provider publishes no jwks_uri');
      logoutKeys ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
      const { payload } = await jwtVerify(logoutToken, logoutKeys, {
        issuer: metadata.issuer,
        audience: settings.clientId,
        algorithms: [settings.idTokenSigningAlg],
        maxTokenAge: LOGOUT_TOKEN_MAX_AGE_S,
        requiredClaims: ['iat', 'jti'],
      });
      return toLogoutRequest(payload, metadata.issuer);
    },
  };
}

/** OIDC Back-Channel Logout 1.0 §2.6: the checks beyond the signature and iss/aud/iat. */
export function toLogoutRequest(payload: JWTPayload, issuer: string): LogoutRequest {
  const events = payload.events;
  if (!events || typeof events !== 'object' || typeof (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT] !== 'object') {
    throw new Error('the logout token has no back-channel logout event');
  }
  if ('nonce' in payload) throw new Error('a logout token must not contain a nonce');
  const sid = typeof payload.sid === 'string' && payload.sid ? payload.sid : undefined;
  const sub = typeof payload.sub === 'string' && payload.sub ? payload.sub : undefined;
  if (!sid && !sub) throw new Error('the logout token names neither a session (sid) nor a subject (sub)');
  if (typeof payload.jti !== 'string' || !payload.jti) throw new Error('the logout token has no jti');
  return {
    issuer,
    ...(sid ? { providerSessionId: sid } : {}),
    ...(sub ? { subject: sub } : {}),
    jti: payload.jti,
    expiresAt: ((payload.iat ?? 0) + LOGOUT_TOKEN_MAX_AGE_S) * 1000,
  };
}
