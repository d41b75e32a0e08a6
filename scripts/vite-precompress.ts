// A Vite plugin: `vite build` also writes <file>.br (brotli, quality 11) and <file>.gz (gzip, level 9)
// next to every compressible file of the output, so the BFF sends them as they are
// (server/spa/serve-spa.ts) instead of compressing on every request, or not at all.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Text formats only: images and fonts are compressed already. */
export const COMPRESSIBLE_EXTENSIONS: readonly string[] = ['.js', '.mjs', '.css', '.html', '.svg', '.json'];
/** Below this a file fits in one packet anyway, and the encoded one may be larger. */
export const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function compressBrotli(data: Buffer): Promise<Buffer> {
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export function compressGzip(data: Buffer): Promise<Buffer> {
  return gzip(data, { level: 9 });
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'nansen:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(output) {
      const written = await precompressDir(output.dir ?? outDir);
      this.info(`precompressed ${written.length} files (.br, .gz)`);
    },
  };
}

/**
 * Writes the .br and .gz of every compressible file of `dir` of at least 1 KB, skipping dot-folders
 * (Vite's .vite/manifest.json is not served), any encoding that would not be smaller, and files whose
 * twins are as new as they are (an earlier build's assets, kept by vite-keep-previous-assets.ts).
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((segment) => segment.startsWith('.')));
  const written: string[] = [];
  await Promise.all(
    files.map(async (file) => {
      if (await twinsUpToDate(file)) return;
      const data = await fs.readFile(file);
      if (data.length < MIN_COMPRESS_BYTES) return;
      const [br, gz] = await Promise.all([compressBrotli(data), compressGzip(data)]);
      if (br.length < data.length) await fs.writeFile(`${file}.br`, br);
      if (gz.length < data.length) await fs.writeFile(`${file}.gz`, gz);
      written.push(file);
    }),
  );
  return written.sort();
}

/** True when `file` has a twin and every twin it has was written after it. */
async function twinsUpToDate(file: string): Promise<boolean> {
  const [source, ...twins] = await Promise.all([file, `${file}.br`, `${file}.gz`].map((name) => fs.stat(name).catch(() => undefined)));
  const present = twins.filter((twin) => twin !== undefined);
  return source !== undefined && present.length > 0 && present.every((twin) => twin.mtimeMs >= source.mtimeMs);
}
