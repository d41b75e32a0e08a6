// The embedded catalog in its own process, forked by server/main.ts (start-catalog-process.ts): it
// waits for its settings over IPC, serves, answers "ready", and stops on SIGTERM or as soon as the
// parent goes away (the IPC channel closes), so it is never left behind as an orphan.
import { createLogger } from '../http/logger';
import { isToCatalogProcess, type FromCatalogProcess } from './catalog-process-protocol';
import { serveCatalog, type ServedCatalog } from './serve-catalog';

// Text until the settings arrive; then in the BFF's LOG_FORMAT.
let logger = createLogger();
let served: ServedCatalog | undefined;
let stopping = false;

function send(message: FromCatalogProcess): Promise<void> {
  return new Promise((resolve) => (process.connected ? process.send!(message, () => resolve()) : resolve()));
}

function stop(reason: string, code = 0) {
  if (stopping) return;
  stopping = true;
  logger.info(`stopping (${reason})`);
  const force = setTimeout(() => process.exit(code || 1), 5_000);
  force.unref();
  Promise.resolve(served?.close()).then(
    () => process.exit(code),
    () => process.exit(1),
  );
}

if (!process.send) {
  process.stderr.write('server/catalog/catalog-main.ts is started by server/main.ts (npm start), not on its own.\n');
  process.exit(64);
}

// Ctrl-C reaches the whole process group: the parent leads the shutdown (it stops the BFF first, then sends SIGTERM).
process.on('SIGINT', () => {});
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('disconnect', () => stop('the Nansen process that started it is gone'));

process.once('message', (message: unknown) => {
  if (!isToCatalogProcess(message)) {
    logger.error('unexpected first message from the parent; stopping');
    process.exit(1);
  }
  logger = createLogger(undefined, { format: message.settings.logFormat });
  serveCatalog(message.settings, logger).then(
    async (catalog) => {
      served = catalog;
      await send({ type: 'ready', pid: process.pid });
    },
    async (err: unknown) => {
      await send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
      process.exit(1);
    },
  );
});
