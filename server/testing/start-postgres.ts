// A real PostgreSQL server on a free port in a temp folder, for the database importer's tests.
// Installed by scripts/ensure-postgres.sh (npm run test:unit runs it). initdb and postgres refuse to
// run as root, and CI runs as root: then both run as the `postgres` user (runuser), in a folder that
// user owns. Password authentication over TCP (scram), so the tests can also give a wrong password.
// Autovacuum is off so that row-count estimates change only when a test runs ANALYZE. Stopped by the
// postmaster's process id.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { getFreePort } from './free-port';

export interface PostgresServer {
  host: string;
  port: number;
  /** The superuser's URL for `database` (default `postgres`); its password is `superuserPassword`. */
  url(database?: string, user?: string, password?: string): string;
  superuserPassword: string;
  /** Runs SQL as the superuser in `database`. */
  sql(statements: string, database?: string): Promise<pg.QueryResult[]>;
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL's bin folder, or POSTGRES_BIN_DIR. */
export function findPostgresBinDir(): string {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(`No PostgreSQL server found in ${root}; run scripts/ensure-postgres.sh or set POSTGRES_BIN_DIR to the folder with initdb and postgres`);
  }
  return path.join(root, versions[0], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/** The command to run a PostgreSQL binary: as `postgres` when we are root. */
function asServerUser(binary: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-postgres-'));
  const data = path.join(dir, 'data');
  const superuserPassword = `pw-${Math.random().toString(36).slice(2)}`;
  const pwfile = path.join(dir, 'pwfile');
  fs.writeFileSync(pwfile, `${superuserPassword}\n`, { mode: 0o600 });
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
    fs.chownSync(pwfile, uid, gid);
  }
  const [initdb, initArgs] = asServerUser(path.join(bin, 'initdb'), [
    '-D', data, '-U', 'postgres', '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync',
  ]);
  try {
    execFileSync(initdb, initArgs, { stdio: 'pipe' });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(err as { stderr?: Buffer }).stderr?.toString() ?? (err as Error).message}`);
  }
  const port = await getFreePort();
  const [server, serverArgs] = asServerUser(path.join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'autovacuum=off', '-c', 'fsync=off',
  ]);
  const child: ChildProcess = spawn(server, serverArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`postgres did not start within 30 s:\n${output}`)), 30_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`Cannot run postgres (${err.message}); run scripts/ensure-postgres.sh or set POSTGRES_BIN_DIR`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited with ${code}:\n${output}`));
    });
    child.stderr?.on('data', () => {
      if (/database system is ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.removeAllListeners('exit');

  const url = (database = 'postgres', user = 'postgres', password = superuserPassword) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    host: '127.0.0.1',
    port,
    url,
    superuserPassword,
    async sql(statements, database = 'postgres') {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      try {
        const result = await client.query(statements);
        return Array.isArray(result) ? result : [result];
      } finally {
        await client.end();
      }
    },
    async stop() {
      // The postmaster's own pid (runuser's child when we are root): a fast shutdown.
      const pidFile = path.join(data, 'postmaster.pid');
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : child.pid;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (pid) process.kill(pid, 'SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null && pid) process.kill(pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
