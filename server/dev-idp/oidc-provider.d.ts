// Minimal typings for the parts of oidc-provider 9 that the development IdP uses. The package
// ships no types and we chose not to add @types/oidc-provider for a development-only tool.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<OidcClaims> | OidcClaims;
  }

  export interface OidcClient {
    clientId: string;
    grantTypeAllowed(type: string): boolean;
  }

  export interface TokenLike {
    kind: string;
    accountId?: string;
    scopes: Set<string>;
    /** The authorization request's nonce (codes and refresh tokens keep it). */
    nonce?: string;
    /** With resource indicators: the resource server the token is for. */
    resourceServer?: { identifier(): string; audience?: string };
  }

  export interface KoaContextWithOIDC {
    host: string;
    path: string;
    method: string;
    querystring: string;
    body: unknown;
    type: string;
    status: number;
    oidc: {
      client?: OidcClient;
      params?: Record<string, unknown>;
      /** The browser's session at the provider; sidFor gives the `sid` a client's ID tokens carry. */
      session?: { accountId?: string; sidFor(clientId: string): string | undefined };
      [key: string]: unknown;
    };
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string } };
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
    [key: string]: unknown;
  }

  /** What oidc-provider stores for a model instance (a token, a grant, a session …); it may add properties. */
  export type AdapterPayload = Record<string, unknown>;

  /** oidc-provider's storage interface, one instance per model name (see its example/my_adapter.js). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Configuration {
    /** A factory (not async) called once per model name. Default: an in-memory store per provider. */
    adapter?: (model: string) => Adapter;
    clients?: ClientMetadata[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys?: (string | Buffer)[] };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: unknown) => Promise<Account | undefined>;
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: { uid: string }) => string | Promise<string> };
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: OidcClient) => boolean };
    issueRefreshToken?: (ctx: KoaContextWithOIDC, client: OidcClient, source: TokenLike) => boolean | Promise<boolean>;
    extraTokenClaims?: (ctx: KoaContextWithOIDC, token: TokenLike) => Promise<Record<string, unknown> | undefined>;
    renderError?: (ctx: KoaContextWithOIDC, out: Record<string, string>, error: Error) => void | Promise<void>;
    ttl?: Record<string, number>;
    features?: Record<string, Record<string, unknown>>;
    [key: string]: unknown;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string };
    grantId?: string;
    returnTo: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    /** The browser's session at the provider (from its session cookie); `accountId` when someone is logged in. */
    readonly Session: { get(ctx: unknown): Promise<{ accountId?: string }> };
    /** A Koa context for a plain Node request (Provider is a Koa application). */
    createContext(req: IncomingMessage, res: ServerResponse): unknown;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    /** A Koa middleware before the provider's own (paths relative to where the provider is mounted). */
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
  }

  export const errors: Record<string, new (...args: unknown[]) => Error>;
}
