// The real parts for integration tests, on free ports: a development OpenID provider (persistent in a
// temp DATA_DIR, so it can be restarted), the embedded catalog, and as many BFF instances as a test
// asks for (all registered at the provider), each with its own session stores or shared ones.
import * as v from 'valibot';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ClientConfig } from '../../contract/client-config';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import type { EditPolicy } from '../api/edit-rights';
import type { RateLimitSettings } from '../config/config-schema';
import { BACKCHANNEL_LOGOUT_PATH } from '../auth/login-routes';
import { createOidcClient } from '../auth/oidc-client';
import { createBearerAuth } from '../catalog/auth/create-bearer-auth';
import { openCatalog, type Catalog } from '../catalog/create-catalog';
import { createBffApp } from '../create-bff-app';
import { readOrCreateDevIdpClientSecret } from '../dev-idp/dev-idp-files';
import { startDevIdp, type DevIdp } from '../dev-idp/start-dev-idp';
import { createMemoryLogger, type LogFormat } from '../http/logger';
import { createMetadataClient } from '../upstream/metadata-client';
import { createSearchClient } from '../upstream/search-client';
import { createUpstreamHttp, type UpstreamHttp } from '../upstream/upstream-http';
import { BffBrowser } from './bff-browser';
import { getFreePort } from './free-port';
import { createTestSessionDeps } from './test-session-deps';

const AUDIENCE = 'urn:nansen:catalog';
const CLIENT_ID = 'nansen-bff';

export type TestSessionDeps = Awaited<ReturnType<typeof createTestSessionDeps>>;

export interface TestBff {
  base: string;
  sessions: TestSessionDeps;
  browser(): BffBrowser;
  close(): Promise<void>;
}

export interface TestStack {
  dataDir: string;
  issuer: string;
  logger: ReturnType<typeof createMemoryLogger>;
  /** Stop the provider and start it again on the same port and DATA_DIR. */
  restartIdp(): Promise<void>;
  /** Stop the provider (unreachable until startIdp). */
  stopIdp(): Promise<void>;
  /** Start the stopped provider again on the same port and DATA_DIR. */
  startIdp(): Promise<void>;
  /** Stop the catalog's metadata and search servers (connections refused until startCatalog; the database stays open). */
  stopCatalog(): Promise<void>;
  /** Listen again on the same ports, the same catalog. */
  startCatalog(): Promise<void>;
  /**
   * Start BFF number `slot` (0 … bffSlots-1). Sessions on SQLite files of its own unless `sessions`
   * is given (to share them with another instance, or to use Redis).
   */
  startBff(slot: number, options?: { /** OIDC_ISSUER as the BFF is given it; default the provider's own issuer. */ issuer?: string; sessions?: TestSessionDeps; editPolicy?: EditPolicy; rateLimits?: RateLimitSettings; spaDistDir?: string; logoutIdTokenHint?: 'none' | 'form_post';
    /** The UI config's page switches; default people not indexed, dashboards indexed, announcements off. */
    pages?: Partial<Pick<ClientConfig, 'indexUsers' | 'indexDashboards' | 'announcements'>> }): Promise<TestBff>;
  close(): Promise<void>;
}

export async function startTestStack(
  options: {
    bffSlots?: number; demoTables?: number; logFormat?: LogFormat; metricsEnabled?: boolean;
    /** The BFFs' login callback path (OIDC_REDIRECT_URI's); default /auth. */
    callbackPath?: string;
  } = {},
): Promise<TestStack> {
  const callbackPath = options.callbackPath ?? '/auth';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-stack-'));
  const logger = createMemoryLogger({ format: options.logFormat });
  const bffPorts = await Promise.all(Array.from({ length: options.bffSlots ?? 1 }, () => getFreePort()));
  const bases = bffPorts.map((port) => `http://localhost:${port}`);
  const clientSecret = readOrCreateDevIdpClientSecret(dataDir);
  const idpOptions = {
    mode: 'test' as const,
    port: 0,
    dataDir,
    client: {
      clientId: CLIENT_ID,
      clientSecret,
      redirectUris: bases.map((base) => `${base}${callbackPath}`),
      postLogoutRedirectUris: bases.map((base) => `${base}/logged-out`),
      // Back-channel logout goes to the first instance; with shared stores it ends the session everywhere.
      backchannelLogoutUri: `${bases[0]}${BACKCHANNEL_LOGOUT_PATH}`,
    },
    accessTokenAudience: AUDIENCE,
  };
  let idp: DevIdp = await startDevIdp(idpOptions);
  const issuer = idp.issuer;
  const closers: (() => Promise<void> | void)[] = [];

  const catalog: Catalog = openCatalog({
    dbPath: path.join(dataDir, 'catalog.sqlite'),
    demoTables: options.demoTables ?? 40,
    authenticate: createBearerAuth({ issuer, audience: AUDIENCE, allowInsecureHttp: true }),
  });
  const listen = (app: { listen: (port: number, host: string, cb: () => void) => Server }, port: number) =>
    new Promise<Server>((resolve) => {
      const server = app.listen(port, '127.0.0.1', () => resolve(server));
    });
  const metadataPort = await getFreePort();
  const searchPort = await getFreePort();
  let metadataServer = await listen(catalog.metadataApp, metadataPort);
  let searchServer = await listen(catalog.searchApp, searchPort);
  let catalogUp = true;
  const closeServer = (server: Server) =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  let idpUp = true;
  const stopIdp = async () => {
    await idp.close();
    idpUp = false;
  };
  const startIdp = async () => {
    idp = await startDevIdp({ ...idpOptions, port: Number(new URL(issuer).port), issuer });
    idpUp = true;
  };
  const stopCatalogServers = async () => {
    if (!catalogUp) return;
    catalogUp = false;
    await Promise.all([closeServer(metadataServer), closeServer(searchServer)]);
  };
  const upstreams: UpstreamHttp[] = [
    createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${metadataPort}`, timeoutMs: 5000, logger }),
    createUpstreamHttp({ name: 'search service', baseUrl: `http://127.0.0.1:${searchPort}`, timeoutMs: 5000, logger }),
  ];
  const [metadataHttp, searchHttp] = upstreams as [UpstreamHttp, UpstreamHttp];

  return {
    dataDir,
    issuer,
    logger,
    async restartIdp() {
      await stopIdp();
      await startIdp();
    },
    stopIdp,
    startIdp,
    stopCatalog: stopCatalogServers,
    async startCatalog() {
      if (catalogUp) return;
      metadataServer = await listen(catalog.metadataApp, metadataPort);
      searchServer = await listen(catalog.searchApp, searchPort);
      catalogUp = true;
    },
    async startBff(slot, bffOptions = {}) {
      const base = bases[slot];
      if (!base) throw new Error(`No BFF slot ${slot}: start the stack with bffSlots > ${slot}`);
      const ownDir = fs.mkdtempSync(path.join(dataDir, `bff-${slot}-`));
      const sessions = bffOptions.sessions ?? (await createTestSessionDeps(ownDir));
      const app = createBffApp({
        publicUrl: base,
        redirectUri: `${base}${callbackPath}`,
        userIdClaim: 'email',
        providerName: 'Test IdP',
        session: sessions,
        oidc: createOidcClient({
          issuer: bffOptions.issuer ?? issuer,
          clientId: CLIENT_ID,
          clientSecret,
          redirectUri: `${base}${callbackPath}`,
          postLogoutRedirectUri: `${base}/logged-out`,
          scopes: 'openid email profile',
          idTokenSigningAlg: 'RS256',
          // The development provider's logout, as load-config gives it: no ID token, the sid as logout_hint.
          logout: { idTokenHint: bffOptions.logoutIdTokenHint ?? 'none', sidAsLogoutHint: true },
        }),
        metadata: createMetadataClient(metadataHttp),
        search: createSearchClient(searchHttp),
        clientConfig: { ...toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Test IdP', indexUsers: false, indexDashboards: true, logoUrl: null }), ...bffOptions.pages },
        announcements: bffOptions.pages?.announcements?.enabled ? [] : null,
        logo: null,
        spaDistDir: bffOptions.spaDistDir ?? path.join(ownDir, 'no-spa-built'),
        editPolicy: bffOptions.editPolicy,
        logger,
        readiness: { metadata: metadataHttp, search: searchHttp },
        metricsEnabled: options.metricsEnabled,
        rateLimits: bffOptions.rateLimits,
      });
      const server = await listen(app, Number(new URL(base).port));
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        });
        if (!bffOptions.sessions) await sessions.close();
      };
      closers.push(close);
      return { base, sessions, browser: () => new BffBrowser(base), close };
    },
    async close() {
      for (const close of closers.reverse()) await close();
      await stopCatalogServers();
      for (const upstream of upstreams) await upstream.close();
      catalog.close();
      if (idpUp) await idp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
