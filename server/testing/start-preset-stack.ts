// A preset test provider, the embedded catalog and one BFF built from `loadConfig` with the settings
// the README gives for that provider (plus any a test adds), all on free ports. The BFF's deps come
// from the Config exactly as main.ts builds them, so a preset's defaults are what is tested.
import * as v from 'valibot';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { createOidcClient } from '../auth/oidc-client';
import { toOidcSettings } from '../auth/oidc-settings';
import { createBearerAuth } from '../catalog/auth/create-bearer-auth';
import { openCatalog, type Catalog } from '../catalog/create-catalog';
import type { Config } from '../config/config-schema';
import { loadConfig } from '../config/load-config';
import type { OidcProviderId } from '../config/provider-presets';
import { createBffApp } from '../create-bff-app';
import { createMemoryLogger } from '../http/logger';
import { createMetadataClient } from '../upstream/metadata-client';
import { createSearchClient } from '../upstream/search-client';
import { createUpstreamHttp, type UpstreamHttp } from '../upstream/upstream-http';
import { createUserDirectory } from '../users/directory/create-user-directory';
import { BffBrowser } from './bff-browser';
import { getFreePort } from './free-port';
import { completeProviderLogin } from './preset-login';
import { ENTRA_CATALOG_SCOPE, PRESET_CATALOG_AUDIENCE, startPresetProvider, type PresetProvider, type PresetProviderClient, type PresetProviderOptions } from './start-preset-provider';
import { createTestSessionDeps } from './test-session-deps';

export const PRESET_CLIENT = { clientId: 'nansen', clientSecret: 'preset-provider-client-secret-long-enough' };

/** What the README's "Connect your provider" tells each provider's operators to set, beyond the client. */
export const README_SETTINGS: Record<OidcProviderId, Record<string, string>> = {
  google: {},
  okta: { CATALOG_TOKEN_AUDIENCE: PRESET_CATALOG_AUDIENCE.okta! },
  keycloak: { CATALOG_TOKEN_AUDIENCE: PRESET_CATALOG_AUDIENCE.keycloak! },
  auth0: { OIDC_AUDIENCE: PRESET_CATALOG_AUDIENCE.auth0! },
  entra: { OIDC_SCOPES: `openid email profile ${ENTRA_CATALOG_SCOPE}`, CATALOG_TOKEN_AUDIENCE: PRESET_CATALOG_AUDIENCE.entra! },
  generic: { OIDC_RESOURCE: PRESET_CATALOG_AUDIENCE.generic! },
};

export interface PresetStackOptions {
  /** Settings beyond (or instead of) the README's; a value of '' removes one. */
  env?: Record<string, string>;
  /** How the client is registered at the provider (default: client_secret_basic with PRESET_CLIENT's secret). */
  client?: Partial<PresetProviderClient>;
  /** The provider's people's claims, changed by login (see PresetProviderOptions.claims). */
  claims?: PresetProviderOptions['claims'];
  thinIdTokens?: boolean;
  demoTables?: number;
}

export interface PresetStack {
  provider: PresetProvider;
  config: Config;
  base: string;
  /** The metadata service: the embedded catalog's (for a test to ingest records), or METADATA_URL. */
  metadataUrl: string;
  sessions: Awaited<ReturnType<typeof createTestSessionDeps>>;
  logger: ReturnType<typeof createMemoryLogger>;
  browser(): BffBrowser;
  close(): Promise<void>;
}

export async function startPresetStack(preset: OidcProviderId, options: PresetStackOptions = {}): Promise<PresetStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `nansen-${preset}-`));
  const logger = createMemoryLogger();
  const base = `http://localhost:${await getFreePort()}`;
  const provider = await startPresetProvider({
    preset,
    client: {
      clientId: PRESET_CLIENT.clientId,
      clientSecret: PRESET_CLIENT.clientSecret,
      redirectUris: [`${base}/auth`],
      postLogoutRedirectUris: [`${base}/logged-out`],
      ...options.client,
    },
    claims: options.claims,
    thinIdTokens: options.thinIdTokens,
  });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PUBLIC_URL: base,
    DATA_DIR: dataDir,
    OIDC_PROVIDER: preset,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: PRESET_CLIENT.clientId,
    OIDC_CLIENT_SECRET: PRESET_CLIENT.clientSecret,
    ...README_SETTINGS[preset],
    ...options.env,
  };
  // The README's CATALOG_TOKEN_AUDIENCE is the embedded catalog's, refused with METADATA_URL.
  if (options.env?.METADATA_URL !== undefined && options.env.CATALOG_TOKEN_AUDIENCE === undefined) delete env.CATALOG_TOKEN_AUDIENCE;
  const config = loadConfig(env);
  const issuer = config.oidc.issuer!;

  // With METADATA_URL and SEARCH_URL set, the test runs the services (Amundsen stand-ins); else the embedded catalog.
  const catalog: Catalog | undefined = config.catalog.embedded
    ? openCatalog({
        dbPath: path.join(dataDir, 'catalog.sqlite'),
        demoTables: options.demoTables ?? 20,
        authenticate: createBearerAuth({ issuer, audience: config.catalog.tokenAudience, allowInsecureHttp: true }),
      })
    : undefined;
  const servers: Server[] = [];
  const listen = async (app: { listen: (port: number, host: string, cb: () => void) => Server }, port = 0) => {
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(port, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  };
  const metadataUrl = catalog ? await listen(catalog.metadataApp) : config.catalog.metadataUrl;
  const searchUrl = catalog ? await listen(catalog.searchApp) : config.catalog.searchUrl;
  const upstreams: UpstreamHttp[] = [
    createUpstreamHttp({ name: 'metadata service', baseUrl: metadataUrl, timeoutMs: 5000, logger }),
    createUpstreamHttp({ name: 'search service', baseUrl: searchUrl, timeoutMs: 5000, logger }),
  ];
  const sessions = await createTestSessionDeps(dataDir);
  const directory = await createUserDirectory(config.userDirectory.source);
  const app = createBffApp({
    publicUrl: config.publicUrl,
    trustProxy: config.http.trustProxy,
    redirectUri: config.oidc.redirectUri,
    userIdClaim: config.oidc.userIdClaim,
    claims: config.oidc.claims,
    providerName: config.oidc.providerName,
    session: sessions,
    oidc: createOidcClient(toOidcSettings(config, { issuer, clientSecret: config.oidc.clientSecret })),
    metadata: createMetadataClient(upstreams[0]!),
    upstreamAuth: config.catalog.upstreamAuth,
    search: createSearchClient(upstreams[1]!, logger),
    clientConfig: toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: config.oidc.providerName, indexUsers: true, indexDashboards: true, logoUrl: null }),
    announcements: null,
    logo: null,
    userDirectory: directory ? { directory, ...config.userDirectory } : undefined,
    // As server/main.ts: with Amundsen's services the BFF updates the search documents after a tag change.
    updateSearchDocuments: !config.catalog.embedded,
    spaDistDir: path.join(dataDir, 'no-spa-built'),
    logger,
  });
  await listen(app, Number(new URL(base).port));

  return {
    provider,
    config,
    base,
    metadataUrl,
    sessions,
    logger,
    browser: () => new BffBrowser(base, (url, login) => completeProviderLogin(url, login)),
    async close() {
      for (const server of servers) {
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        });
      }
      for (const upstream of upstreams) await upstream.close();
      await sessions.close();
      catalog?.close();
      await provider.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
