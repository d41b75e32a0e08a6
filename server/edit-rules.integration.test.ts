// Who may edit, end to end on the server: a bad EDIT_RULES_FILE stops Nansen itself (server/main.ts)
// before anything starts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs server/main.ts with `env` until it exits; its exit code and what it wrote to stderr. */
function runNansen(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('a bad edit rules file at start-up', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-edit-rules-start-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops Nansen with exit code 78 and a message naming the file, the place in it and the fix', async () => {
    const file = path.join(dir, 'edit-rules.json');
    fs.writeFileSync(file, JSON.stringify({ grants: [{ groups: ['stewards'], role: 'edtor' }] }));
    const { code, stderr } = await runNansen({ EDIT_RULES_FILE: file, DATA_DIR: path.join(dir, 'data') });
    expect(code).toBe(78);
    // (oidc-provider may first warn about the Node.js version when it loads.)
    expect(stderr.slice(stderr.indexOf('Nansen cannot start'))).toBe(
      `Nansen cannot start; fix these settings:\n  - EDIT_RULES_FILE (${file}): grants[0].role must be one of "viewer", "editor", "owner-editor", "admin" (found "edtor")\n`,
    );
    // Nothing started: the data folder was never made.
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('stops Nansen when the file is missing, resolving a relative EDIT_RULES_FILE from where it starts', async () => {
    const { code, stderr } = await runNansen({ EDIT_RULES_FILE: 'no-such-edit-rules.json', DATA_DIR: path.join(dir, 'data') });
    expect(code).toBe(78);
    expect(stderr).toContain(`EDIT_RULES_FILE (${path.join(ROOT, 'no-such-edit-rules.json')}): there is no such file; create it`);
  });
});
