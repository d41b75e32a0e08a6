// The docs' first commands with a new DATA_DIR: a catalog command refuses a DATA_DIR folder that does
// not exist (decision 062), so wherever README.md and docs/ show one, `mkdir -p` comes first — and
// the commands run as written.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DOCS = ['README.md', 'docs/ingest.md', 'docs/operations.md'];

/** Every ```sh block of a Markdown file. */
const shBlocks = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The lines of a block that run a catalog command with `DATA_DIR=FOLDER`, with that folder. */
const dataDirCommands = (block: string) =>
  block.split('\n').flatMap((line) => {
    const match = /^\s*DATA_DIR=(\S+) npm run (?:-s )?catalog:/.exec(line);
    return match ? [{ line, folder: match[1] }] : [];
  });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-docs-data-dir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('docs: first catalog commands with a new DATA_DIR', () => {
  it('show mkdir -p of the folder before every catalog command they run with DATA_DIR=FOLDER, in README.md, docs/ingest.md and docs/operations.md', () => {
    const shown = DOCS.map((file) => ({
      file,
      commands: shBlocks(file).flatMap((block) => dataDirCommands(block).map((c) => ({ ...c, block }))),
    }));
    for (const { file, commands } of shown) {
      expect(commands.length, `${file} shows a catalog command with a new DATA_DIR`).toBeGreaterThan(0);
      for (const { line, folder, block } of commands) {
        const mkdir = block.split('\n').findIndex((l) => l.trim() === `mkdir -p ${folder}`);
        expect(mkdir, `${file}: "${line.trim()}" comes after mkdir -p ${folder}`).toBeGreaterThanOrEqual(0);
        expect(mkdir).toBeLessThan(block.split('\n').indexOf(line));
      }
    }
  });

  it('run as README.md writes them: the folder made, a new catalog loaded there; without mkdir -p the command is refused, naming mkdir -p', async () => {
    const block = shBlocks('README.md').find((b) => dataDirCommands(b).length > 0);
    if (!block) throw new Error('README.md has no sh block with a catalog command and DATA_DIR');
    const folder = join(dir, 'srv', 'nansen');
    writeFileSync(join(dir, 'records.ndjson'), `${JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' })}\n`);
    const script = block.replaceAll('/srv/nansen', folder).replaceAll('records.ndjson', join(dir, 'records.ndjson'));
    const env = { ...process.env, CATALOG_DB: undefined, DATA_DIR: undefined };

    const withoutMkdir = script.split('\n').filter((l) => !l.startsWith('mkdir -p')).join('\n');
    const refused = await promisify(execFile)('bash', ['-eu', '-c', withoutMkdir], { cwd: ROOT, env, timeout: 60_000 }).catch((err: { code: number; stderr: string }) => err);
    expect('code' in refused && refused.code).toBe(1);
    expect(refused.stderr).toContain(`create the folder (mkdir -p ${folder})`);
    expect(existsSync(folder)).toBe(false);

    await promisify(execFile)('bash', ['-eu', '-c', script], { cwd: ROOT, env, timeout: 60_000 });
    const db = new Database(join(folder, 'catalog.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT key FROM tables').pluck().all()).toEqual(['hive://gold.core/orders']);
    } finally {
      db.close();
    }
  });
});
