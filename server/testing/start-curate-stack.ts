// The real parts for the curate (write route) integration tests, on free ports: the development
// OpenID provider, one embedded catalog (with or without description ETags) behind a small HTTP gate
// the test can steer, and BFFs that each get their own edit policy, index switches and upstream.
//
// The gate stands in front of the catalog's metadata and search apps. It records what reached them
// (method, path, If-Match) and can, on request: run a hook just before the next description PUT (to
// change the description between the BFF's read and its write), answer GET /edits with 404 and a
// follow PUT of a person metadata does not know with 500 (as Amundsen's services do), and refuse the
// next PUT /user once (a login whose recording in metadata failed), and make the search service fail.
import * as v from 'valibot';
import express, { type Express } from 'express';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import type { EditPolicy } from '../api/edit-rights';
import { createOidcClient } from '../auth/oidc-client';
import { createBearerAuth } from '../catalog/auth/create-bearer-auth';
import { openCatalog, type Catalog } from '../catalog/create-catalog';
import { UNKNOWN_URL_MESSAGE } from '../catalog/http/catalog-errors';
import { createCatalogStore, type CatalogStore } from '../catalog/store/create-catalog-store';
import { createBffApp } from '../create-bff-app';
import { startDevIdp, type DevIdp } from '../dev-idp/start-dev-idp';
import { createMemoryLogger } from '../http/logger';
import { createMetadataClient } from '../upstream/metadata-client';
import { createSearchClient } from '../upstream/search-client';
import { createUpstreamHttp, type UpstreamHttp } from '../upstream/upstream-http';
import { BffBrowser } from './bff-browser';
import { getFreePort } from './free-port';
import { createTestSessionDeps } from './test-session-deps';

const AUDIENCE = 'urn:nansen:catalog';
/** The keys of Amundsen's v2 SearchRequest (API.md §5.1). */
const AMUNDSEN_SEARCH_KEYS = ['query_term', 'resource_types', 'page_index', 'results_per_page', 'filters', 'highlight_options'];
const CLIENT_ID = 'nansen-bff';
const CLIENT_SECRET = 'curate-stack-test-secret';

export interface CurateBffOptions {
  editPolicy?: EditPolicy;
  updateSearchDocuments?: boolean;
  indexUsers?: boolean;
  indexDashboards?: boolean;
  /** Point this BFF's metadata and search at a port where nothing listens (the catalog is down). */
  catalogDown?: boolean;
  /** The client config's tableSort (the BFF sends Nansen's `sort`): true with the embedded catalog, false with Amundsen's. */
  tableSort?: boolean;
}

export interface GateRequest {
  method: string;
  path: string;
  ifMatch: string | undefined;
}

export interface CatalogGate {
  seen: GateRequest[];
  /** Runs once, just before the next description PUT reaches the catalog. */
  beforeNextDescriptionPut: (() => void) | null;
  /** Behave like Amundsen's services: no GET /edits, and a follow PUT of an unknown person is a 500. */
  amundsen: boolean;
  /** The search service answers every request with 503. */
  searchDown: boolean;
  /** The bodies of POST /v2/search that reached the gate, newest last. */
  searchBodies: Record<string, unknown>[];
  /** Refuse the next PUT /user of this person with 500; resolves when that happened. */
  refuseNextUserPut(userId: string): Promise<void>;
}

export interface CurateStack<B extends string> {
  dataDir: string;
  logger: ReturnType<typeof createMemoryLogger>;
  gate: CatalogGate;
  /** A second connection to the catalog's SQLite file: another writer, or a look at what was stored. */
  store: CatalogStore;
  bases: Record<B, string>;
  /** A browser signed in on BFF `bff` as `login` (a demo person of the development provider). */
  signIn(bff: B, login: string): Promise<BffBrowser>;
  close(): Promise<void>;
}

function createGate(store: CatalogStore): { gate: CatalogGate; wrap(metadata: Express, search: Express): { metadata: Express; search: Express } } {
  const refusals = new Map<string, () => void>();
  const gate: CatalogGate = {
    seen: [],
    searchBodies: [],
    beforeNextDescriptionPut: null,
    amundsen: false,
    searchDown: false,
    refuseNextUserPut: (userId) => new Promise<void>((resolve) => refusals.set(userId, resolve)),
  };
  const wrap = (metadataApp: Express, searchApp: Express) => {
    const metadata = express();
    metadata.use(express.raw({ type: () => true, limit: '1mb' }), (req, res, next) => {
      const decoded = decodeURIComponent(req.path);
      gate.seen.push({ method: req.method, path: decoded, ifMatch: req.get('if-match') });
      // express.raw consumed the body: hand it on as the text the catalog's parsers read.
      const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      if (req.method === 'PUT' && decoded.endsWith('/description') && gate.beforeNextDescriptionPut) {
        const hook = gate.beforeNextDescriptionPut;
        gate.beforeNextDescriptionPut = null;
        hook();
      }
      if (gate.amundsen && decoded === '/edits') {
        res.status(404).json({ message: UNKNOWN_URL_MESSAGE });
        return;
      }
      const follow = /^\/user\/([^/]+)\/follow\//.exec(decoded);
      if (gate.amundsen && req.method === 'PUT' && follow && !store.users.getUser(follow[1]!)) {
        res.status(500).json({ message: 'Internal Server Error' });
        return;
      }
      if (req.method === 'PUT' && decoded === '/user') {
        const userId = (JSON.parse(raw || '{}') as { user_id?: string }).user_id ?? '';
        const refused = refusals.get(userId);
        if (refused) {
          refusals.delete(userId);
          res.status(500).json({ message: 'Internal Server Error' });
          refused();
          return;
        }
      }
      req.body = raw;
      // The catalog's readRawBody sees a body it already has (express.text skips a read body).
      (req as { _body?: boolean })._body = true;
      next();
    }, metadataApp);
    const search = express();
    // The catalog's own JSON parser skips a body already read (req._body): it gets this one.
    search.use(express.json({ type: () => true }), (req, res, next) => {
      gate.seen.push({ method: req.method, path: `search:${req.path}`, ifMatch: undefined });
      if (gate.searchDown) {
        res.status(503).json({ message: 'Service Unavailable' });
        return;
      }
      if (req.path === '/v2/search') {
        const body = (req.body ?? {}) as Record<string, unknown>;
        gate.searchBodies.push(body);
        // Amundsen's SearchRequest refuses a key it does not know with a generic 500 (API.md §5.1, §9.15).
        if (gate.amundsen && Object.keys(body).some((key) => !AMUNDSEN_SEARCH_KEYS.includes(key))) {
          res.status(500).json({ message: 'Internal Server Error' });
          return;
        }
      }
      next();
    }, searchApp);
    return { metadata, search };
  };
  return { gate, wrap };
}

export async function startCurateStack<B extends string>(options: {
  catalog: { demoTables: number; descriptionEtags?: boolean; prepare?: (store: CatalogStore) => void };
  bffs: Record<B, CurateBffOptions>;
}): Promise<CurateStack<B>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-curate-'));
  const logger = createMemoryLogger();
  const servers: Server[] = [];
  const listen = (app: Express, port: number) =>
    new Promise<void>((resolve) => {
      servers.push(app.listen(port, '127.0.0.1', () => resolve()));
    });
  const names = Object.keys(options.bffs) as B[];
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await getFreePort()] as const))) as Record<B, number>;
  const bases = Object.fromEntries(names.map((name) => [name, `http://localhost:${ports[name]}`])) as Record<B, string>;

  const idp: DevIdp = await startDevIdp({
    mode: 'test',
    port: 0,
    client: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: names.map((n) => `${bases[n]}/auth`),
      postLogoutRedirectUris: names.map((n) => `${bases[n]}/logged-out`),
    },
    accessTokenAudience: AUDIENCE,
  });
  const dbPath = path.join(dataDir, 'catalog.sqlite');
  const catalog: Catalog = openCatalog({
    dbPath,
    demoTables: options.catalog.demoTables,
    descriptionEtags: options.catalog.descriptionEtags,
    authenticate: createBearerAuth({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true }),
    log: { error: (message, err) => logger.warn(message, err) },
  });
  const store = createCatalogStore(dbPath);
  options.catalog.prepare?.(store);
  const { gate, wrap } = createGate(store);
  const gated = wrap(catalog.metadataApp, catalog.searchApp);
  const metadataPort = await getFreePort();
  const searchPort = await getFreePort();
  await listen(gated.metadata, metadataPort);
  await listen(gated.search, searchPort);
  const deadPort = await getFreePort();

  const upstreams: UpstreamHttp[] = [];
  const sessionClosers: (() => Promise<void>)[] = [];
  for (const name of names) {
    const bff = options.bffs[name];
    const base = bases[name];
    const upstream = (service: string, port: number) => {
      const http = createUpstreamHttp({ name: service, baseUrl: `http://127.0.0.1:${bff.catalogDown ? deadPort : port}`, timeoutMs: 5000, logger });
      upstreams.push(http);
      return http;
    };
    const sessions = await createTestSessionDeps(fs.mkdtempSync(path.join(dataDir, `bff-${name}-`)));
    sessionClosers.push(sessions.close);
    const app = createBffApp({
      publicUrl: base,
      redirectUri: `${base}/auth`,
      userIdClaim: 'email',
      providerName: 'Test IdP',
      session: sessions,
      oidc: createOidcClient({
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: `${base}/auth`,
        postLogoutRedirectUri: `${base}/logged-out`,
        scopes: 'openid email profile',
        idTokenSigningAlg: 'RS256',
      }),
      metadata: createMetadataClient(upstream('metadata service', metadataPort)),
      search: createSearchClient(upstream('search service', searchPort), logger),
      clientConfig: toClientConfig(v.parse(UiConfigFileSchema, {}), {
        providerName: 'Test IdP', indexUsers: bff.indexUsers ?? true, indexDashboards: bff.indexDashboards ?? true, logoUrl: null, tableSort: bff.tableSort,
      }),
      announcements: null,
      logo: null,
      editPolicy: bff.editPolicy,
      updateSearchDocuments: bff.updateSearchDocuments,
      spaDistDir: path.join(dataDir, 'no-spa-built'),
      logger,
    });
    await listen(app, ports[name]);
  }

  return {
    dataDir,
    logger,
    gate,
    store,
    bases,
    async signIn(bff, login) {
      const browser = new BffBrowser(bases[bff]);
      const res = await browser.logIn(login);
      if (res.status !== 303) throw new Error(`logging in as ${login} answered ${res.status}`);
      return browser;
    },
    async close() {
      for (const server of servers) {
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        });
      }
      for (const upstream of upstreams) await upstream.close();
      for (const close of sessionClosers) await close();
      store.close();
      catalog.close();
      await idp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
