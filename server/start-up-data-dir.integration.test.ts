// `npm start` with a DATA_DIR it cannot write (issue 14 §4): the process stops at once with exit code 78
// and one line naming DATA_DIR, the path, the reason and the fix — no stack, nothing half-started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFreePort } from './testing/free-port';

async function startNansen(dataDir: string): Promise<{ code: number | null; output: string }> {
  const ports = await Promise.all([getFreePort(), getFreePort(), getFreePort(), getFreePort()]);
  const env = {
    ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, CATALOG_DEMO_TABLES: '5',
    PORT: String(ports[0]), DEV_IDP_PORT: String(ports[1]), CATALOG_METADATA_PORT: String(ports[2]), CATALOG_SEARCH_PORT: String(ports[3]),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 60_000);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output };
}

describe('start-up with a DATA_DIR that cannot be written', () => {
  it('stops with exit code 78 and a message naming DATA_DIR, the path and the fix', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-start-')), 'data');
    fs.writeFileSync(file, 'a file where the data folder should be');
    const { code, output } = await startNansen(file);
    expect(code).toBe(78);
    expect(output).toContain(`DATA_DIR (${file}) cannot be written: a file of that name is in the way (EEXIST).`);
    expect(output).toContain('point DATA_DIR at a folder Nansen may write');
    expect(output).not.toMatch(/\n\s+at /);
  }, 90_000);

  it.skipIf(!fs.existsSync('/proc/self'))('stops at once with the same message for a DATA_DIR under /proc, where no folder can be made', async () => {
    // Node's mkdir -p never returned there: Nansen hung with no output.
    const { code, output } = await startNansen('/proc/nope');
    expect(code).toBe(78);
    expect(output).toContain('DATA_DIR (/proc/nope) cannot be written: no folder can be made there (ENOENT).');
    expect(output).not.toMatch(/\n\s+at /);
  }, 90_000);
});
