import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from './vite-precompress';

describe('precompressDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-precompress-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  const exists = (name: string) => fs.existsSync(path.join(dir, name));
  const code = 'export function greet(name) { return `hello ${name}`; }\n'.repeat(100);

  it('writes a brotli and a gzip twin of every compressible file of 1 KB or more, in every folder', async () => {
    for (const name of ['assets/index-abc.js', 'assets/index-abc.css', 'index.html', 'logo.svg', 'data.json', 'assets/deep/x.mjs']) write(name, code);
    const written = await precompressDir(dir);
    expect(written.map((file) => path.relative(dir, file))).toEqual(['assets/deep/x.mjs', 'assets/index-abc.css', 'assets/index-abc.js', 'data.json', 'index.html', 'logo.svg']);
    for (const name of written) {
      expect(zlib.brotliDecompressSync(fs.readFileSync(`${name}.br`)).toString()).toBe(code);
      expect(zlib.gunzipSync(fs.readFileSync(`${name}.gz`)).toString()).toBe(code);
    }
  });

  it('leaves twins newer than their file alone (an earlier build kept), and redoes older ones', async () => {
    write('assets/kept-abc.js', code);
    write('assets/kept-abc.js.br', 'old twin');
    write('assets/kept-abc.js.gz', 'old twin');
    write('assets/rewritten-abc.js', code);
    write('assets/rewritten-abc.js.gz', 'stale twin');
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'assets/kept-abc.js'), past, past);
    fs.utimesSync(path.join(dir, 'assets/rewritten-abc.js.gz'), past, past);
    const written = await precompressDir(dir);
    expect(written.map((file) => path.relative(dir, file))).toEqual(['assets/rewritten-abc.js']);
    expect(fs.readFileSync(path.join(dir, 'assets/kept-abc.js.br'), 'utf8')).toBe('old twin');
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'assets/rewritten-abc.js.gz'))).toString()).toBe(code);
  });

  it('compresses at the highest levels (brotli 11, gzip 9)', async () => {
    write('app.js', code);
    await precompressDir(dir);
    const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT, BROTLI_PARAM_SIZE_HINT } = zlib.constants;
    const brotli11 = zlib.brotliCompressSync(code, { params: { [BROTLI_PARAM_QUALITY]: 11, [BROTLI_PARAM_MODE]: BROTLI_MODE_TEXT, [BROTLI_PARAM_SIZE_HINT]: code.length } });
    expect(fs.readFileSync(path.join(dir, 'app.js.br'))).toEqual(brotli11);
    expect(fs.readFileSync(path.join(dir, 'app.js.gz'))).toEqual(zlib.gzipSync(code, { level: 9 }));
  });

  it('skips small files, other formats, dot-folders and encodings that would not be smaller', async () => {
    write('small.js', 'x'.repeat(1023));
    write('exactly-1k.js', 'y'.repeat(1024));
    write('photo.png', Buffer.alloc(5000, 1));
    write('font.woff2', Buffer.alloc(5000, 1));
    write('.vite/manifest.json', code);
    write('random.json', crypto.randomBytes(4000));
    await precompressDir(dir);
    expect(exists('small.js.br') || exists('small.js.gz')).toBe(false);
    expect(exists('exactly-1k.js.br') && exists('exactly-1k.js.gz')).toBe(true);
    expect(exists('photo.png.br') || exists('font.woff2.gz')).toBe(false);
    expect(exists('.vite/manifest.json.br')).toBe(false);
    expect(exists('random.json.gz')).toBe(false);
  });
});
