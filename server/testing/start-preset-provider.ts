// One real OpenID provider (oidc-provider, the certified implementation openid-client is tested
// against) configured to behave like Google, Okta, Keycloak, Auth0, Microsoft Entra ID or a plain
// provider: its issuer's shape, its claims, its access tokens (opaque, or JWTs with its audience and
// header), when it issues refresh tokens, which endpoints it leaves out, and its login pages. Tests
// point the BFF at it with the settings the README gives for that provider.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import type { JWK } from 'jose';
import Provider, { errors, type Configuration, type KoaContextWithOIDC, type TokenLike } from 'oidc-provider';
import type { OidcProviderId } from '../config/provider-presets';
import { createSigningKey } from '../dev-idp/create-signing-key';
import {
  type LoginFamily, renderConsentPage, renderIdentifierPage, renderLogoutPage, renderOnePageLogin, renderPasswordPage,
  renderProviderError, renderSignedOutPage, renderStaySignedInPage,
} from './preset-provider-pages';
import { BACKCHANNEL_LOGOUT_PATH } from '../auth/login-routes';
import { logoutRequestProved } from '../dev-idp/logout-request-proved';
import { isLoopbackUrl } from '../http/loopback-host';
import { AUTH0_NAMESPACE, ENTRA_CATALOG_APP_ID, ENTRA_TENANT_ID, listPresetPeople, PRESET_EXTRA_CLAIMS, type PresetPerson } from './preset-provider-people';

export interface PresetProviderClient {
  clientId: string;
  /** For client_secret_basic / client_secret_post. */
  clientSecret?: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  /** Public keys for private_key_jwt. */
  jwks?: { keys: JWK[] };
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface PresetProviderOptions {
  preset: OidcProviderId;
  /** Listen here (default: a free port); see presetIssuer for the issuer it will have. */
  port?: number;
  client: PresetProviderClient;
  /** Access token lifetime; default 10 minutes. */
  accessTokenTtlSeconds?: number;
  /** Claims added to (or replacing) a person's, by login: many groups, another department … */
  claims?: Record<string, Record<string, unknown>>;
  /**
   * ID tokens with the `sub` only, the profile and email claims at UserInfo (oidc-provider's conforming
   * mode, as providers that keep ID tokens small do).
   */
  thinIdTokens?: boolean;
}

/** How a provider behaves; one row per preset. */
interface Behaviour {
  brand: string;
  family: LoginFamily;
  /** Where the provider lives under its origin (its issuer's path). */
  mountPath: string;
  /** Auth0 writes its issuer with a trailing slash. */
  issuerTrailingSlash: boolean;
  /** When a code exchange gets a refresh token, judged on the authorization request. */
  refreshTokenFor: (request: URLSearchParams) => boolean;
  rotateRefreshTokens: boolean;
  endSession: boolean;
  /**
   * Okta's logout refuses a request without id_token_hint, and takes one by POST (its logoutCustomASWithPost)
   * as well as GET. oidc-provider takes POST at end_session only with SameSite=None session cookies (a
   * form POSTed from another site carries no Lax cookie), which browsers take only with Secure, over
   * https: here, where Nansen and the provider are on one site (localhost), the POSTed form's fields are
   * handed to its GET handler inside the server, never through the browser's URL.
   */
  logoutNeedsIdTokenHint?: boolean;
  /** Back-channel logout to Nansen, and with it a `sid` in ID tokens (Auth0 sends one always; oidc-provider only then). */
  backchannelLogout?: boolean;
  revocation: boolean;
  /** Shows a consent page when the client sends prompt=consent (Google). */
  consentPage: boolean;
  staySignedIn: boolean;
  /** The resource (and with it the access token) an authorization request is for; undefined = opaque. */
  resourceFor: (request: URLSearchParams) => string | undefined;
  resourceServer: (resource: string) => { audience: string | string[]; scope: string; header: Record<string, unknown>; claims?: (person: PresetPerson) => Record<string, unknown> } | undefined;
}

const scopeList = (request: URLSearchParams) => (request.get('scope') ?? '').split(' ');
const promptList = (request: URLSearchParams) => (request.get('prompt') ?? '').split(' ');

/** The audiences the README tells each provider's operators to set up for the catalog. */
export const PRESET_CATALOG_AUDIENCE: Record<OidcProviderId, string | undefined> = {
  google: undefined, // opaque access tokens: the catalog asks UserInfo
  okta: 'api://default',
  keycloak: 'nansen-catalog',
  auth0: 'https://catalog.nansen.example',
  entra: ENTRA_CATALOG_APP_ID,
  generic: 'urn:nansen:catalog',
};
export const ENTRA_CATALOG_SCOPE = `api://nansen-catalog/catalog.read`;

function behaviourOf(preset: OidcProviderId, issuer: () => string): Behaviour {
  switch (preset) {
    case 'google':
      return {
        brand: 'Google', family: 'identifier-first', mountPath: '', issuerTrailingSlash: false,
        refreshTokenFor: (r) => r.get('access_type') === 'offline' && promptList(r).includes('consent'),
        rotateRefreshTokens: false, endSession: false, revocation: true, consentPage: true, staySignedIn: false,
        resourceFor: () => undefined, resourceServer: () => undefined,
      };
    case 'okta':
      return {
        brand: 'Okta', family: 'one-page', mountPath: '/oauth2/default', issuerTrailingSlash: false,
        refreshTokenFor: (r) => scopeList(r).includes('offline_access'),
        rotateRefreshTokens: false, endSession: true, logoutNeedsIdTokenHint: true, revocation: true, consentPage: false, staySignedIn: false,
        // A custom authorization server: every access token is a JWT for its audience, without a typ.
        resourceFor: () => 'api://default',
        resourceServer: (resource) => (resource === 'api://default' ? { audience: 'api://default', scope: '', header: { typ: undefined }, claims: (p) => ({ uid: p.claims.sub, sub: p.claims.email, cid: undefined }) } : undefined),
      };
    case 'keycloak':
      return {
        brand: 'Keycloak', family: 'one-page', mountPath: '/realms/nansen', issuerTrailingSlash: false,
        refreshTokenFor: () => true,
        rotateRefreshTokens: true, endSession: true, revocation: true, consentPage: false, staySignedIn: false,
        // Access tokens are JWTs (typ JWT) for `account`, plus the audience an Audience mapper adds.
        resourceFor: () => 'keycloak:access',
        resourceServer: (resource) =>
          resource === 'keycloak:access'
            ? {
                audience: ['nansen-catalog', 'account'], scope: '', header: { typ: 'JWT' },
                claims: (p) => ({ typ: 'Bearer', preferred_username: p.claims.preferred_username, email: p.claims.email, realm_access: p.claims.realm_access }),
              }
            : undefined,
      };
    case 'auth0':
      return {
        brand: 'Auth0', family: 'one-page', mountPath: '', issuerTrailingSlash: true,
        refreshTokenFor: (r) => scopeList(r).includes('offline_access'),
        rotateRefreshTokens: false, endSession: true, backchannelLogout: true, revocation: true, consentPage: false, staySignedIn: false,
        // A JWT access token only for an API named by `audience`; otherwise one only UserInfo reads.
        resourceFor: (r) => r.get('audience') ?? undefined,
        resourceServer: (resource) =>
          resource === PRESET_CATALOG_AUDIENCE.auth0 ? { audience: [resource, `${issuer()}userinfo`], scope: '', header: { typ: 'JWT' } } : undefined,
      };
    case 'entra':
      return {
        brand: 'Microsoft', family: 'identifier-first', mountPath: `/${ENTRA_TENANT_ID}/v2.0`, issuerTrailingSlash: false,
        refreshTokenFor: (r) => scopeList(r).includes('offline_access'),
        rotateRefreshTokens: true, endSession: true, revocation: false, consentPage: false, staySignedIn: true,
        // The API's scope picks the resource; without it the token is for Microsoft Graph.
        resourceFor: (r) => (scopeList(r).includes(ENTRA_CATALOG_SCOPE) ? 'api://nansen-catalog' : 'https://graph.microsoft.com'),
        resourceServer: (resource) => {
          if (resource === 'api://nansen-catalog') return { audience: ENTRA_CATALOG_APP_ID, scope: ENTRA_CATALOG_SCOPE, header: { typ: 'JWT' }, claims: (p) => ({ oid: p.claims.oid, tid: ENTRA_TENANT_ID, scp: 'catalog.read', ver: '2.0' }) };
          if (resource === 'https://graph.microsoft.com') return { audience: '00000003-0000-0000-c000-000000000000', scope: '', header: { typ: 'JWT' } };
          return undefined;
        },
      };
    case 'generic':
      return {
        brand: 'Test provider', family: 'one-page', mountPath: '', issuerTrailingSlash: false,
        refreshTokenFor: () => true,
        rotateRefreshTokens: false, endSession: true, revocation: true, consentPage: false, staySignedIn: false,
        // RFC 8707: a JWT (at+jwt) for the resource asked for; opaque without one.
        resourceFor: (r) => r.get('resource') ?? undefined,
        resourceServer: (resource) => (resource === PRESET_CATALOG_AUDIENCE.generic ? { audience: resource, scope: '', header: {} } : undefined),
      };
  }
}

/** The issuer a preset provider has at this origin: a realm, a tenant, Auth0's trailing slash … */
export function presetIssuer(preset: OidcProviderId, origin: string): string {
  const { mountPath, issuerTrailingSlash } = behaviourOf(preset, () => '');
  return `${origin}${mountPath}${issuerTrailingSlash ? '/' : ''}`;
}

export interface PresetProvider {
  preset: OidcProviderId;
  issuer: string;
  brand: string;
  family: LoginFamily;
  people: PresetPerson[];
  /** The authorization requests it received (their query parameters). */
  authorizationRequests: URLSearchParams[];
  /** Requests seen per path under the issuer, e.g. hits('/token/revocation'). */
  hits(path: string): number;
  close(): Promise<void>;
}

const STANDARD_CLAIMS = {
  openid: ['sub'],
  email: ['email', 'email_verified'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'nickname', 'picture', 'locale', 'zoneinfo', 'updated_at', 'profile'],
  address: ['address'],
};

export async function startPresetProvider(options: PresetProviderOptions): Promise<PresetProvider> {
  const { preset, client } = options;
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = presetIssuer(preset, `http://localhost:${(server.address() as AddressInfo).port}`);
  const behaviour = behaviourOf(preset, () => issuer);
  const people = listPresetPeople(preset).map((p) => ({ ...p, claims: { ...p.claims, ...options.claims?.[p.login] } }));
  const findPerson = (login: string) => people.find((p) => p.login.toLowerCase() === login.trim().toLowerCase());
  const bySub = (sub: string) => people.find((p) => p.claims.sub === sub);
  const authorizationRequests: URLSearchParams[] = [];
  /** Authorization requests by nonce: what a code exchange and its refreshes were asked with. */
  const requestsByNonce = new Map<string, URLSearchParams>();
  const hitCounts = new Map<string, number>();
  const prefix = behaviour.mountPath;
  const interactionPath = (uid: string) => `${prefix}/interaction/${uid}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
        ...(client.jwks ? { jwks: client.jwks } : {}),
        client_name: 'Nansen',
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
        ...(behaviour.backchannelLogout && client.redirectUris[0]
          ? { backchannel_logout_uri: `${new URL(client.redirectUris[0]).origin}${BACKCHANNEL_LOGOUT_PATH}`, backchannel_logout_session_required: true }
          : {}),
      },
    ],
    // oidc-provider refuses to call loopback addresses (SSRF protection); Nansen is on this machine.
    fetch: (url: string | URL, init: RequestInit & { dispatcher?: unknown }) => {
      if (isLoopbackUrl(String(url))) delete init.dispatcher;
      return fetch(url, init);
    },
    jwks: { keys: [await createSigningKey()] as unknown as Record<string, unknown>[] },
    cookies: { keys: ['preset-provider-cookie-key-for-tests-only'] },
    claims: { ...STANDARD_CLAIMS, openid: ['sub', ...PRESET_EXTRA_CLAIMS[preset], ...Object.keys(Object.assign({}, ...Object.values(options.claims ?? {})))] },
    conformIdTokenClaims: options.thinIdTokens ?? false,
    extraParams: ['access_type', 'audience'],
    findAccount: async (_ctx, sub) => {
      const person = bySub(sub);
      return person ? { accountId: sub, claims: () => ({ ...person.claims, sub }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    pkce: { required: () => true },
    issueRefreshToken: (_ctx, oidcClient, source) => {
      if (!oidcClient.grantTypeAllowed('refresh_token')) return false;
      const request = source.nonce ? requestsByNonce.get(source.nonce) : undefined;
      return request ? behaviour.refreshTokenFor(request) : false;
    },
    rotateRefreshToken: () => behaviour.rotateRefreshTokens,
    formats: {
      customizers: {
        jwt: async (_ctx: unknown, token: TokenLike, jwt: { header?: Record<string, unknown>; payload: Record<string, unknown> }) => {
          const resource = token.resourceServer?.identifier();
          const server = resource ? behaviour.resourceServer(resource) : undefined;
          if (!server) return;
          jwt.header = { ...server.header };
          if (Array.isArray(server.audience)) jwt.payload.aud = server.audience;
          const person = token.accountId ? bySub(token.accountId) : undefined;
          if (person && server.claims) Object.assign(jwt.payload, server.claims(person));
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderProviderError(behaviour.brand, `${out.error}: ${out.error_description ?? ''}`);
    },
    ttl: { AccessToken: options.accessTokenTtlSeconds ?? 600, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 86_400, Session: 86_400, Grant: 86_400, Interaction: 3600 },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: behaviour.revocation },
      userinfo: { enabled: true },
      backchannelLogout: { enabled: behaviour.backchannelLogout ?? false },
      rpInitiatedLogout: behaviour.endSession
        ? {
            enabled: true,
            logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
              ctx.type = 'html';
              if (behaviour.logoutNeedsIdTokenHint && !ctx.oidc.params?.id_token_hint) {
                ctx.status = 400;
                ctx.body = renderProviderError(behaviour.brand, "invalid_request: The 'id_token_hint' parameter is missing.");
                return;
              }
              ctx.body = renderLogoutPage(behaviour.brand, form, logoutRequestProved(ctx));
            },
            postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
              ctx.type = 'html';
              ctx.body = renderSignedOutPage(behaviour.brand);
            },
          }
        : { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx: KoaContextWithOIDC, _client: unknown, oneOf?: string[]) => {
          if (oneOf) return oneOf;
          const nonce = ctx.oidc.params?.nonce;
          const request = typeof nonce === 'string' ? requestsByNonce.get(nonce) : undefined;
          // At the token endpoint the resource comes from the grant (useGrantedResource).
          return request ? behaviour.resourceFor(request) : undefined;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resource: string) => {
          const info = behaviour.resourceServer(resource);
          if (!info) throw new errors.InvalidTarget();
          return { scope: info.scope, audience: Array.isArray(info.audience) ? info.audience[0] : info.audience, accessTokenFormat: 'jwt', accessTokenTTL: options.accessTokenTtlSeconds ?? 600 };
        },
      },
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, error) => console.error(`[${preset} provider] server error:`, error));
  provider.use(async (ctx, next) => {
    hitCounts.set(ctx.path, (hitCounts.get(ctx.path) ?? 0) + 1);
    if (ctx.path === '/auth' && ctx.method === 'GET') {
      const request = new URLSearchParams(ctx.querystring);
      authorizationRequests.push(request);
      const nonce = request.get('nonce');
      if (nonce) requestsByNonce.set(nonce, request);
    }
    await next();
  });

  const app = express();
  app.disable('x-powered-by');
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '10kb' });
  const html = (res: Response, body: string) => res.status(200).set('Cache-Control', 'no-store').type('html').send(body);

  async function finishLogin(req: Request, res: Response, person: PresetPerson) {
    await provider.interactionFinished(req, res, { login: { accountId: person.claims.sub as string } }, { mergeWithLastSubmission: false });
  }

  async function grantConsent(req: Request, res: Response) {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id as string;
    const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId: accountId!, clientId });
    const missing = details.prompt.details;
    const scopes = (missing.missingOIDCScope as string[] | undefined) ?? [];
    if (scopes.length) grant.addOIDCScope(scopes.join(' '));
    const claims = (missing.missingOIDCClaims as string[] | undefined) ?? [];
    if (claims.length) grant.addOIDCClaims(claims);
    for (const [resource, list] of Object.entries((missing.missingResourceScopes ?? {}) as Record<string, string[]>)) grant.addResourceScope(resource, list.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  router.get('/interaction/:uid', async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const action = `${interactionPath(details.uid)}`;
    if (details.prompt.name === 'login') {
      return html(res, behaviour.family === 'one-page' ? renderOnePageLogin(behaviour.brand, `${action}/login`) : renderIdentifierPage(behaviour.brand, `${action}/identifier`));
    }
    if (details.prompt.name === 'consent') {
      const asked = String(details.params.prompt ?? '').split(' ').includes('consent');
      if (behaviour.consentPage && asked) {
        return html(res, renderConsentPage(behaviour.brand, `${action}/consent`, 'Nansen', String(details.params.scope ?? '').split(' ')));
      }
      return grantConsent(req, res);
    }
    res.status(400).type('html').send(renderProviderError(behaviour.brand, `Cannot handle the ${details.prompt.name} step.`));
  });

  router.post('/interaction/:uid/identifier', form, async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const identifier = String(req.body?.identifier ?? '');
    const action = interactionPath(details.uid);
    if (!findPerson(identifier)) return html(res, renderIdentifierPage(behaviour.brand, `${action}/identifier`, `Couldn't find your ${behaviour.brand} Account`));
    html(res, renderPasswordPage(behaviour.brand, `${action}/login`, identifier));
  });

  router.post('/interaction/:uid/login', form, async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const login = String(req.body?.username ?? req.body?.identifier ?? '');
    const password = String(req.body?.password ?? '');
    const person = findPerson(login);
    const action = interactionPath(details.uid);
    if (!person || password === '') {
      const error = 'Wrong username or password.';
      return html(res, behaviour.family === 'one-page' ? renderOnePageLogin(behaviour.brand, `${action}/login`, error) : renderPasswordPage(behaviour.brand, `${action}/login`, login, error));
    }
    if (behaviour.staySignedIn) return html(res, renderStaySignedInPage(behaviour.brand, `${action}/stay?login=${encodeURIComponent(person.login)}`));
    await finishLogin(req, res, person);
  });

  router.post('/interaction/:uid/stay', form, async (req, res) => {
    const person = findPerson(String(req.query.login ?? ''));
    if (!person) return res.status(400).type('html').send(renderProviderError(behaviour.brand, 'Start again.'));
    await finishLogin(req, res, person);
  });

  router.post('/interaction/:uid/consent', form, async (req, res) => {
    if (req.body?.consent !== 'allow') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user did not allow access' }, { mergeWithLastSubmission: false });
      return;
    }
    await grantConsent(req, res);
  });

  router.use((error: Error, _req: Request, res: Response, _next: express.NextFunction) => {
    res.status(400).type('html').send(renderProviderError(behaviour.brand, `${error.name}: ${error.message}`));
  });

  if (behaviour.logoutNeedsIdTokenHint) {
    // Okta's logout by POST (see logoutNeedsIdTokenHint): the form's fields go to oidc-provider's GET handler.
    app.post(`${prefix}/session/end`, form, (req, _res, next) => {
      req.method = 'GET';
      req.url = `${prefix}/session/end?${new URLSearchParams(req.body as Record<string, string>).toString()}`;
      next();
    });
  }
  app.use(prefix || '/', router);
  app.use(prefix || '/', provider.callback());
  server.on('request', app);

  return {
    preset,
    issuer,
    brand: behaviour.brand,
    family: behaviour.family,
    people,
    authorizationRequests,
    hits: (path) => hitCounts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export { AUTH0_NAMESPACE, ENTRA_TENANT_ID, ENTRA_CATALOG_APP_ID };
