import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { isLoopbackUrl } from '../config/config-schema';
import type { JWK } from 'jose';
import Provider, { errors, type Adapter, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { createSigningKey, SIGNING_ALGORITHM } from './create-signing-key';
import { createInteractionRouter, getInteractionUrl } from './create-interaction-router';
import { DEV_IDP_CLAIMS, findDemoPerson, findDevAccount } from './dev-accounts';
import { DEV_IDP_FILES, getDevIdpDir, readOrCreateCookieKeys, readOrCreateSigningKeys } from './dev-idp-files';
import { openSqliteAdapterStore } from './sqlite-adapter';
import { logoutRequestProved } from './logout-request-proved';
import { renderErrorPage, renderLogoutPage, renderSignedOutPage } from './render-dev-idp-pages';

export interface DevIdpOptions {
  /** The development IdP refuses to start in production. */
  mode: 'development' | 'production' | 'test';
  /** Bind address; default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Default `http://localhost:${actualPort}`; used verbatim everywhere. */
  issuer?: string;
  client: {
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    /** Where the provider POSTs a logout token when someone's session here ends (OIDC Back-Channel Logout). */
    backchannelLogoutUri?: string;
  };
  /**
   * Machine clients (pipelines): the client-credentials grant only, secret in the Basic header; their
   * access tokens are JWTs for the catalog whose `sub` is the client id.
   */
  machineClients?: readonly { clientId: string; clientSecret: string }[];
  /** Access tokens are JWTs for this audience (a resource indicator such as `urn:nansen:catalog`). */
  accessTokenAudience: string;
  /**
   * Keep what a restart must not lose in `${dataDir}/dev-idp/`: signing keys, cookie keys, and grants,
   * sessions and tokens (SQLite); the client secret is there too (readOrCreateDevIdpClientSecret).
   * Without it, everything lives in memory and ends with the IdP (tests).
   */
  dataDir?: string;
}

export interface DevIdp {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function sendKoaHtml(ctx: KoaContextWithOIDC, html: string): void {
  ctx.type = 'html';
  ctx.body = html;
}

/** What the provider keeps between requests: on disk with a dataDir, else in memory. */
interface DevIdpState {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
  /** Undefined: oidc-provider's in-memory store, one per provider. */
  adapter?: (model: string) => Adapter;
  close(): void;
}

async function openDevIdpState(dataDir: string | undefined): Promise<DevIdpState> {
  if (dataDir === undefined) {
    return { jwks: { keys: [await createSigningKey()] }, cookieKeys: [randomBytes(32).toString('base64url')], close: () => {} };
  }
  const jwks = await readOrCreateSigningKeys(dataDir);
  const cookieKeys = readOrCreateCookieKeys(dataDir);
  const store = openSqliteAdapterStore(path.join(getDevIdpDir(dataDir), DEV_IDP_FILES.store));
  return { jwks, cookieKeys, adapter: store.createAdapter, close: store.close };
}

/** The BFF's public URL, for "Go back to Nansen": where it asks to land after logging out. */
function getApplicationUrl(client: DevIdpOptions['client']): string {
  const [landing] = [...client.postLogoutRedirectUris, ...client.redirectUris];
  if (!landing) throw new Error('The development IdP needs the client\'s post-logout redirect URI.');
  return `${new URL(landing).origin}/`;
}

function createProviderConfiguration(options: DevIdpOptions, state: DevIdpState, applicationUrl: string): Configuration {
  const { client, accessTokenAudience } = options;
  return {
    adapter: state.adapter,
    // oidc-provider refuses to call loopback addresses (SSRF protection); this provider's one client,
    // the BFF, is on this machine, and back-channel logout must reach it.
    fetch: (url: string | URL, init: RequestInit & { dispatcher?: unknown }) => {
      if (isLoopbackUrl(String(url))) delete init.dispatcher;
      return fetch(url, init);
    },
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: SIGNING_ALGORITHM,
        ...(client.backchannelLogoutUri ? { backchannel_logout_uri: client.backchannelLogoutUri, backchannel_logout_session_required: true } : {}),
      },
      ...(options.machineClients ?? []).map((machine) => ({
        client_id: machine.clientId,
        client_secret: machine.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      })),
    ],
    jwks: state.jwks,
    cookies: { keys: state.cookieKeys },
    claims: DEV_IDP_CLAIMS,
    conformIdTokenClaims: false,
    allowOmittingSingleRegisteredRedirectUri: false,
    findAccount: findDevAccount,
    interactions: { url: (_ctx, interaction) => getInteractionUrl(interaction.uid) },
    pkce: { required: () => true },
    // Our one client is first-party: it gets a refresh token without asking for offline_access
    // (which oidc-provider would only honour with prompt=consent). The refresh token still ends with
    // the IdP session, so logging out at the IdP stops refreshing.
    issueRefreshToken: (_ctx, oidcClient) => oidcClient.grantTypeAllowed('refresh_token'),
    // The catalog learns who calls it from the access token alone.
    extraTokenClaims: async (_ctx, token) => {
      const person = token.kind === 'AccessToken' && token.accountId ? findDemoPerson(token.accountId) : undefined;
      return person ? { email: person.email, preferred_username: person.login } : undefined;
    },
    renderError: (ctx, out) => {
      const title = String(ctx.oidc?.route ?? '').startsWith('end_session') ? 'Sign-out failed' : 'Login failed';
      sendKoaHtml(ctx, renderErrorPage(title, `${out.error}: ${out.error_description ?? 'no description'}`, applicationUrl));
    },
    ttl: {
      AccessToken: 10 * MINUTE,
      ClientCredentials: 10 * MINUTE,
      AuthorizationCode: MINUTE,
      IdToken: HOUR,
      RefreshToken: DAY,
      Session: DAY,
      Grant: DAY,
      Interaction: HOUR,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      // Pipelines get tokens for the catalog without a person (machine access, decision 015).
      clientCredentials: { enabled: true },
      backchannelLogout: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          sendKoaHtml(ctx, renderLogoutPage(form, logoutRequestProved(ctx)));
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => sendKoaHtml(ctx, renderSignedOutPage(applicationUrl)),
      },
      resourceIndicators: {
        enabled: true,
        // Every authorization request is for the catalog unless it names a resource itself …
        defaultResource: async (_ctx: unknown, _client: unknown, oneOf?: string[]) => oneOf ?? accessTokenAudience,
        // … and the token endpoint keeps using it, so access tokens are JWTs for the catalog.
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resourceIndicator: string) => {
          if (resourceIndicator !== accessTokenAudience) throw new errors.InvalidTarget();
          return { scope: '', audience: accessTokenAudience, accessTokenFormat: 'jwt', accessTokenTTL: 10 * MINUTE };
        },
      },
    },
  };
}

/** Start a development-only OpenID provider with the demo people, on its own port. */
export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  if (options.mode === 'production') {
    throw new Error('The development IdP never runs in production; configure a real OpenID provider instead.');
  }
  const applicationUrl = getApplicationUrl(options.client);
  const state = await openDevIdpState(options.dataDir);
  const server = createServer();
  try {
    const port = await listen(server, options.port, options.host ?? '127.0.0.1');
    const issuer = options.issuer ?? `http://localhost:${port}`;
    const provider = new Provider(issuer, createProviderConfiguration(options, state, applicationUrl));
    provider.on('server_error', (_ctx, error) => console.error('[dev-idp] server error:', error));
    provider.on('backchannel.error', (...args: unknown[]) => {
      const [, error, client] = args as [unknown, Error, { clientId: string }];
      console.error(`[dev-idp] back-channel logout to ${client.clientId} failed: ${error.message}`);
    });
    const app = express();
    app.disable('x-powered-by');
    app.use(createInteractionRouter(provider, { firstPartyClientId: options.client.clientId, applicationUrl }));
    app.use(provider.callback());
    server.on('request', app);
    const close = async () => {
      await closeServer(server);
      state.close();
    };
    return { issuer, port, close };
  } catch (error) {
    if (server.listening) await closeServer(server);
    state.close();
    throw error;
  }
}
