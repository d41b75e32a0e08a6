// Backing up the embedded catalog while the whole stack runs and a user edits, then restoring it
// into the running catalog: what the BFF shows afterwards is what the backup held.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ORDERS = 'hive://gold.sales/orders';

function cli(script: 'backup' | 'restore', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, `server/catalog/cli/${script}.ts`), ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('backing up and restoring the running embedded catalog', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack();
    bff = await stack.startBff(0);
  });

  afterAll(async () => {
    await stack.close();
  });

  it('takes a backup while the catalog serves, refuses a plain restore, and with --force the BFF shows the backup again', async () => {
    const roald = bff.browser();
    await roald.logIn('roald');
    const description = async () => {
      const response = await roald.request(`/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}&index=0&source=search`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { tableData: { description: string | null } }).tableData.description;
    };
    const before = await description();
    const db = path.join(stack.dataDir, 'catalog.sqlite');
    const out = path.join(stack.dataDir, 'backup.sqlite');

    expect((await cli('backup', ['--db', db, '--out', out])).code).toBe(0);
    const edit = await roald.request('/api/metadata/v0/put_table_description', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: bff.base },
      body: JSON.stringify({ key: ORDERS, description: 'Written after the backup', base: before }),
    });
    expect(edit.status).toBe(200);
    expect(await description()).toBe('Written after the backup');

    const refused = await cli('restore', ['--from', out, '--db', db]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('is open');
    expect(await description()).toBe('Written after the backup');

    const forced = await cli('restore', ['--from', out, '--db', db, '--force']);
    expect(forced.code).toBe(0);
    expect(await description()).toBe(before);
    // What the restore overwrote is kept beside the catalog, the edit made after the backup with it.
    const { previous } = JSON.parse(forced.stdout) as { previous: string };
    expect(path.dirname(previous)).toBe(stack.dataDir);
    expect(path.basename(previous)).toMatch(/^catalog\.sqlite\.before-restore-/);
    expect(forced.stderr).toContain(`; the catalog it replaced is kept at ${previous}\n`);
    const kept = new Database(previous, { readonly: true });
    try {
      expect(kept.prepare('SELECT description FROM tables WHERE key = ?').pluck().get(ORDERS)).toBe('Written after the backup');
    } finally {
      kept.close();
    }
  });
});
