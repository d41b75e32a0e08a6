// read config → check where the BFF will listen and open the session store → start what the config asks for (dev IdP, embedded catalog) → BFF → listen → shut down cleanly.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PEOPLE } from './demo/demo-people';
import { createOidcClient } from './auth/oidc-client';
import { toOidcSettings } from './auth/oidc-settings';
import { SIGNING_ALGORITHM as DEV_IDP_SIGNING_ALGORITHM } from './dev-idp/create-signing-key';
import { createSessionStores } from './auth/create-session-stores';
import { BACKCHANNEL_LOGOUT_PATH } from './auth/login-routes';
import { createTokenCipher } from './auth/token-cipher';
import { DEV_MACHINE_CLIENT } from './dev-idp/dev-machine-client';
import type { CatalogProcessSettings } from './catalog/catalog-process-protocol';
import { serveCatalog } from './catalog/serve-catalog';
import { catalogProcessEnv, startCatalogProcess } from './catalog/start-catalog-process';
import { isLoopbackUrl, type Config } from './config/config-schema';
import { ConfigError, findConfigWarnings, loadConfig, startUpLogFormat } from './config/load-config';
import { checkDataDir, usesDataDir } from './config/check-data-dir';
import { loadUiConfig, type UiConfig } from './config/load-ui-config';
import { loadEditRules, type LoadedEditRules } from './edit-rules/load-edit-rules';
import { createBffApp } from './create-bff-app';
import { readOrCreateDevIdpClientSecret } from './dev-idp/dev-idp-files';
import { createLogger, type Logger, type LogFormat } from './http/logger';
import { createMetadataClient } from './upstream/metadata-client';
import { createSearchClient } from './upstream/search-client';
import { createUpstreamHttp } from './upstream/upstream-http';
import { createUserDirectory } from './users/directory/create-user-directory';
import { listenError, StartUpError, type ListenAddress } from './start-up/start-up-error';
import { redisStartUpError } from './start-up/redis-start-up-error';
import { describeSessionStore } from './start-up/describe-session-store';
import { routeConsoleToLogger } from './start-up/console-to-logger';
import { checkProviderAtStart } from './start-up/check-provider';
import { checkServicesAtStart } from './start-up/check-services';
import { checkCanListen } from './start-up/check-can-listen';
import { findUnknownSettings } from './config/unknown-settings';

/** The audience the development IdP puts in access tokens and the embedded catalog demands. */
const DEV_CATALOG_AUDIENCE = 'urn:nansen:catalog';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function listen(app: { listen: (port: number, host: string, cb: (err?: Error) => void) => Server }, port: number, address: ListenAddress, what: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Express 5 calls the listen callback with the error when listening fails.
    const server = app.listen(port, address.host, (err?: NodeJS.ErrnoException) => (err ? reject(listenError(err, port, what, address)) : resolve(server)));
  });
}

/** In development a missing SESSION_SECRET is generated once and kept in the data folder. */
/** SESSION_SECRETS as configured; outside production, one generated once into DATA_DIR. */
function resolveSessionSecrets(config: Config): string[] {
  if (config.session.secrets) return [...config.session.secrets];
  const file = path.join(config.dataDir, '.session-secret');
  if (fs.existsSync(file)) return [fs.readFileSync(file, 'utf8').trim()];
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return [secret];
}

interface Settings {
  config: Config;
  ui: UiConfig;
  editRules: LoadedEditRules;
}

/** The environment, then the UI config and edit rules files it names; throws ConfigError listing every bad setting. */
function readSettings(): Settings {
  const config = loadConfig(process.env);
  const ui = loadUiConfig(config.ui.configFile, {
    providerName: config.oidc.providerName,
    indexUsers: config.ui.indexUsers,
    embeddedCatalog: config.catalog.embedded,
  });
  const editRules = loadEditRules(config.editRules.file);
  // Last: a bad setting or file is reported before anything is made in DATA_DIR.
  if (usesDataDir(config)) checkDataDir(config.dataDir);
  return { config, ui, editRules };
}

function describeUiConfig(config: Config, ui: UiConfig): string {
  if (!config.ui.configFile) return 'UI config: every option at its default (UI_CONFIG_FILE is unset)';
  const parts = [`UI config: ${config.ui.configFile}`];
  if (ui.announcements) parts.push(`${ui.announcements.length} announcement(s)`);
  if (ui.logo) parts.push(`logo at ${ui.logo.path}`);
  return parts.join(', ');
}

async function start({ config, ui, editRules }: Settings, logger: Logger, onCrash: (description: string) => void) {
  const closers: (() => Promise<void> | void)[] = [];
  const closeServer = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

  // First what can be checked at once, before the slow parts (the development provider, the embedded
  // catalog and, on a first start, its demo data): where the BFF will listen, and the session store.
  await checkCanListen(config.port, { host: config.host, setting: 'HOST' }, 'PORT');
  const sessionSecrets = resolveSessionSecrets(config);
  const sessionStores = await createSessionStores(
    config.session.store === 'redis' ? { kind: 'redis', url: config.session.redisUrl! } : { kind: 'sqlite', dbPath: config.session.dbPath },
    createTokenCipher(sessionSecrets),
    { logger, secrets: sessionSecrets },
  ).catch((err: unknown) => {
    // An unreachable Redis is the operator's to fix: one line naming REDIS_URL (password hidden), not a stack.
    throw config.session.store === 'redis' ? redisStartUpError(err, config.session.redisUrl!) : err;
  });
  closers.push(() => sessionStores.close());
  logger.info(describeSessionStore(config.session));
  if (sessionStores.droppedAtOpen) {
    logger.info(`ended ${sessionStores.droppedAtOpen} session(s) stored under their cookie's id, as before this version (decision 050): their people log in again`);
  }
  if (sessionStores.secretWarning) logger.warn(sessionStores.secretWarning);
  if (sessionStores.dropFailure) {
    logger.warn(`could not delete the sessions an earlier version stored under their cookie's id (decision 050): ${sessionStores.dropFailure}. They cannot be used (Nansen looks sessions up by the id's hash) and expire by themselves; delete the nansen:session:, nansen:tokens: keys that are not 64 hex digits to be rid of them now`);
  }

  let issuer = config.oidc.issuer;
  let clientSecret = config.oidc.clientSecret;
  if (config.devIdp.enabled) {
    clientSecret = readOrCreateDevIdpClientSecret(config.dataDir);
    // Loaded only when it runs: oidc-provider prints its warnings when loaded (through console.warn, JSON lines with LOG_FORMAT=json).
    const { startDevIdp } = await import('./dev-idp/start-dev-idp');
    const devIdp = await startDevIdp({
      mode: config.mode,
      port: config.devIdp.port,
      dataDir: config.dataDir,
      client: {
        clientId: config.oidc.clientId,
        clientSecret,
        redirectUris: [config.oidc.redirectUri],
        postLogoutRedirectUris: [config.oidc.postLogoutRedirectUri],
        backchannelLogoutUri: `${config.publicUrl}${BACKCHANNEL_LOGOUT_PATH}`,
      },
      machineClients: [DEV_MACHINE_CLIENT],
      accessTokenAudience: DEV_CATALOG_AUDIENCE,
    }).catch((err: NodeJS.ErrnoException) => {
      throw listenError(err, config.devIdp.port, 'DEV_IDP_PORT');
    });
    closers.push(() => devIdp.close());
    issuer = devIdp.issuer;
    logger.info(`development identity provider at ${issuer} (never used in production)`);
  }
  if (!issuer) throw new Error('unreachable: no issuer');
  // Your provider, looked at while the rest starts; the development provider is up by now.
  const providerWarning = config.devIdp.enabled ? Promise.resolve(undefined) : checkProviderAtStart(issuer, undefined, { exact: config.catalog.embedded });

  if (config.catalog.embedded) {
    const settings: CatalogProcessSettings = {
      dbPath: config.catalog.dbPath,
      demoTables: config.catalog.demoTables,
      issuer,
      audience: config.catalog.tokenAudience ?? (config.devIdp.enabled ? DEV_CATALOG_AUDIENCE : undefined),
      allowInsecureHttp: isLoopbackUrl(issuer),
      host: config.catalog.host,
      metadataPort: config.catalog.metadataPort,
      searchPort: config.catalog.searchPort,
      machineClients: config.catalog.machineClients,
    };
    const where = `metadata ${config.catalog.metadataUrl}, search ${config.catalog.searchUrl} (${config.catalog.dbPath})`;
    if (config.catalog.process === 'in-process') {
      const catalog = await serveCatalog(settings, logger);
      closers.push(() => catalog.close());
      logger.info(`embedded catalog in this process (pid ${process.pid}, CATALOG_PROCESS=in-process): ${where}`);
    } else {
      const catalog = await startCatalogProcess({ settings, env: catalogProcessEnv(process.env), logger, onCrash, logFormat: config.http.logFormat });
      closers.push(() => catalog.stop());
      logger.info(`embedded catalog in its own process (pid ${catalog.pid}): ${where}`);
    }
    const catalogHost = config.catalog.host;
    if (!isLoopbackUrl(`http://${catalogHost.includes(':') && !catalogHost.startsWith('[') ? `[${catalogHost}]` : catalogHost}`)) {
      logger.info(`embedded catalog: listening on ${catalogHost} (CATALOG_HOST): other machines reach its metadata and search APIs over plain http; see "Machine access" in docs/ingest.md`);
    }
    if (config.catalog.machineClients.length) logger.info(`embedded catalog: machine clients (load only): ${config.catalog.machineClients.join(', ')}`);
  }

  const metadataHttp = createUpstreamHttp({ name: 'metadata service', setting: 'METADATA_URL', baseUrl: config.catalog.metadataUrl, timeoutMs: config.upstreamTimeoutMs, logger });
  const searchHttp = createUpstreamHttp({ name: 'search service', setting: 'SEARCH_URL', baseUrl: config.catalog.searchUrl, timeoutMs: config.upstreamTimeoutMs, logger });
  closers.push(() => metadataHttp.close(), () => searchHttp.close());
  // Real services (METADATA_URL, SEARCH_URL) looked at while the rest starts; the embedded catalog is up by now.
  const serviceWarnings = config.catalog.embedded ? Promise.resolve([]) : checkServicesAtStart([
    { setting: 'METADATA_URL', name: 'metadata service', url: config.catalog.metadataUrl, healthcheck: (ms) => metadataHttp.healthcheck(ms) },
    { setting: 'SEARCH_URL', name: 'search service', url: config.catalog.searchUrl, healthcheck: (ms) => searchHttp.healthcheck(ms) },
  ]);

  const directory = await createUserDirectory(config.userDirectory.source);
  if (directory) logger.info(`people the metadata service does not know are looked up in the ${directory.name} user directory`);

  const app = createBffApp({
    publicUrl: config.publicUrl,
    trustProxy: config.http.trustProxy,
    redirectUri: config.oidc.redirectUri,
    userIdClaim: config.oidc.userIdClaim,
    claims: config.oidc.claims,
    providerName: config.oidc.providerName,
    session: {
      secrets: sessionSecrets,
      store: sessionStores.sessions,
      tokens: sessionStores.tokens,
      storeName: config.session.store === 'redis' ? 'Redis' : 'SQLite',
      connectionProblem: sessionStores.connectionProblem,
      idleTimeoutMinutes: config.session.idleTimeoutMinutes,
      absoluteTimeoutMs: config.session.absoluteTimeoutHours * 3_600_000,
    },
    oidc: createOidcClient(
      toOidcSettings(config, { issuer, clientSecret, idTokenSigningAlg: config.devIdp.enabled ? DEV_IDP_SIGNING_ALGORITHM : undefined }),
    ),
    metadata: createMetadataClient(metadataHttp),
    upstreamAuth: config.catalog.upstreamAuth,
    search: createSearchClient(searchHttp, logger),
    clientConfig: ui.clientConfig,
    announcements: ui.announcements,
    logo: ui.logo,
    userDirectory: directory ? { directory, ...config.userDirectory } : undefined,
    editPolicy: editRules.policy,
    // The embedded catalog indexes its own writes; Amundsen's search documents are updated by the BFF.
    updateSearchDocuments: !config.catalog.embedded,
    spaDistDir: path.join(ROOT, 'dist', 'client'),
    firstSearchBudgetMs: config.firstSearchBudgetMs,
    logger,
    readiness: { metadata: metadataHttp, search: searchHttp },
    issuerExact: config.catalog.embedded,
    metricsEnabled: config.http.metricsEnabled,
    rateLimits: config.http.rateLimits,
  });
  const bffServer = await listen(app, config.port, { host: config.host, setting: 'HOST' }, 'PORT');
  closers.unshift(closeServer(bffServer));

  logger.info(describeUiConfig(config, ui));
  logger.info(editRules.summary);
  const providerProblem = await providerWarning;
  if (providerProblem) logger.warn(providerProblem);
  for (const warning of await serviceWarnings) logger.warn(warning);
  logger.info(`Nansen is ready: open ${config.publicUrl}`);
  if (config.devIdp.enabled) logger.info(`log in as one of: ${DEMO_PEOPLE.map((p) => p.login).join(', ')} (any password)`);

  return async () => {
    for (const close of closers) await close();
  };
}

/** Bad settings: in text a block under one sentence; in JSON one line each, as every other line. */
function reportConfigError(err: ConfigError, unknownSettings: string[], format: LogFormat) {
  if (format === 'text') {
    process.stderr.write(`${err.message}\n${unknownSettings.map((warning) => `  (also: ${warning})\n`).join('')}`);
    return;
  }
  const logger = createLogger(undefined, { format });
  for (const problem of err.problems) logger.error(`Nansen cannot start; fix this setting: ${problem}`);
  for (const warning of unknownSettings) logger.warn(warning);
}

async function main() {
  // Warned about, never refused: a mistyped name is often why a setting seems to be ignored.
  const unknownSettings = findUnknownSettings(process.env);
  let settings: Settings;
  try {
    settings = readSettings();
  } catch (err) {
    if (err instanceof ConfigError) {
      reportConfigError(err, unknownSettings, startUpLogFormat(process.env));
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(undefined, { format: settings.config.http.logFormat });
  // Libraries' console output (oidc-provider's warnings) as JSON lines too.
  if (settings.config.http.logFormat === 'json') routeConsoleToLogger(logger);
  for (const warning of [...unknownSettings, ...findConfigWarnings(settings.config)]) logger.warn(warning);
  let stop: (() => Promise<void>) | undefined;
  let stopping = false;
  const shutDown = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${reason}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    (stop ?? (async () => {}))().then(() => process.exit(code), () => process.exit(1));
  };
  // A dead embedded catalog is not restarted here: Nansen stops with exit code 70 so that whatever
  // supervises it (systemd, Docker, Kubernetes, a terminal) sees the failure (docs/decisions/016-embedded-catalog-in-its-own-process.md).
  const onCatalogCrash = () => shutDown('the embedded catalog stopped', 70);
  // From the start: a signal while a big demo catalog is still being built ends the catalog's process too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutDown(signal, 0));
  try {
    stop = await start(settings, logger, onCatalogCrash);
  } catch (err) {
    // The operator's to fix: one line. Anything else is a bug or a surprise, and keeps its stack.
    if (err instanceof StartUpError) logger.error(`Nansen could not start: ${err.message}`);
    else logger.error('Nansen could not start', err);
    process.exit(1);
  }
}

await main();
