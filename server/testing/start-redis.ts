// A real redis-server on a free port in a temp folder, for the tests of shared sessions. Installed by
// scripts/ensure-redis.sh (npm test runs it); stopped by its process id.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getFreePort } from './free-port';

export interface RedisServer {
  url: string;
  /** Stop Redis (SIGTERM) and start it again on the same port and folder; data survive only with `persist`. */
  restart(): Promise<void>;
  /** Stop Redis until resume(): connections are refused meanwhile. */
  pause(): Promise<void>;
  /** Start the paused Redis again on the same port and folder. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** `password`: Redis asks for it (requirepass), and the URL carries it. */
export async function startRedis(options: { persist?: boolean; password?: string } = {}): Promise<RedisServer> {
  const binary = process.env.REDIS_SERVER_PATH ?? 'redis-server';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-redis-'));
  const port = await getFreePort();
  // With persist, every write goes to the append-only file before Redis answers: a restart loses nothing.
  const persistence = options.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const launch = async () => {
    const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir, ...(options.password ? ['--requirepass', options.password] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`Cannot run redis-server (${err.message}); run scripts/ensure-redis.sh or set REDIS_SERVER_PATH`));
      });
      child.stdout.on('data', () => {
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    return child;
  };
  const terminate = async (child: ChildProcess) => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let child = await launch();
  return {
    url: `redis://${options.password ? `:${encodeURIComponent(options.password)}@` : ''}127.0.0.1:${port}`,
    async restart() {
      await terminate(child);
      child = await launch();
    },
    async pause() {
      await terminate(child);
    },
    async resume() {
      child = await launch();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) await terminate(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
