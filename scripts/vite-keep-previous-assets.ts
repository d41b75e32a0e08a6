// A Vite plugin: `vite build` keeps the files of the two builds before it under assets/, so a page
// opened before a deploy (or a restart: `npm start` builds first) still gets the menu, dialog, toast
// or page code it asks for later, with its stylesheet, instead of a 404 (decision 069). Asset names
// carry a hash of their content, so an old file never shadows a new one. Everything else of the
// output (index.html, the manifest, public files) is the new build's alone, as with `emptyOutDir`.
// Which build wrote which file is kept in .vite/kept-builds.json (dot-folders are never served).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Builds kept besides the current one. */
export const KEPT_BUILDS = 2;
const RECORD = path.join('.vite', 'kept-builds.json');
const ASSETS = 'assets';

export function keepPreviousAssets(): Plugin {
  let outDir = '';
  let written: string[] = [];
  return {
    name: 'nansen:keep-previous-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async buildStart() {
      await clearAllButAssets(outDir);
    },
    writeBundle(_output, bundle) {
      written = Object.keys(bundle);
    },
    // After every plugin's writeBundle, so the .br and .gz twins (vite-precompress.ts) are on disk.
    async closeBundle() {
      const { kept, removed } = await pruneAssets(outDir, written);
      this.info(`kept ${kept} files of the ${KEPT_BUILDS} builds before this one under assets/; removed ${removed} older ones`);
    },
  };
}

/** Empties `outDir` as Vite's `emptyOutDir` would, except assets/ and the record of builds. */
export async function clearAllButAssets(outDir: string): Promise<void> {
  const entries = await fs.readdir(outDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    const full = path.join(outDir, entry.name);
    if (entry.name === ASSETS && entry.isDirectory()) continue;
    if (entry.name === '.vite' && entry.isDirectory()) {
      for (const inner of await fs.readdir(full)) if (path.join('.vite', inner) !== RECORD) await fs.rm(path.join(full, inner), { recursive: true, force: true });
      continue;
    }
    await fs.rm(full, { recursive: true, force: true });
  }
}

/**
 * Records the build that wrote `written` (output file names, relative to `outDir`) as the newest, and
 * removes the files under assets/ that neither it nor the KEPT_BUILDS builds before it wrote. Files found
 * there that no record names (a build from before this plugin) count as one earlier build.
 */
export async function pruneAssets(outDir: string, written: readonly string[]): Promise<{ kept: number; removed: number }> {
  const assetsDir = path.join(outDir, ASSETS);
  const onDisk = await listFiles(assetsDir);
  const twins = (file: string) => [file, `${file}.br`, `${file}.gz`];
  const current = new Set(written.filter((file) => file.startsWith(`${ASSETS}/`)).flatMap((file) => twins(file.slice(ASSETS.length + 1))));
  const earlier = (await readRecord(outDir)).map((build) => new Set(build));
  const recorded = new Set(earlier.flatMap((build) => [...build]));
  const unrecorded = onDisk.filter((file) => !current.has(file) && !recorded.has(file));
  if (unrecorded.length > 0) earlier.unshift(new Set(unrecorded));

  const builds = [current, ...earlier].slice(0, KEPT_BUILDS + 1);
  const keep = new Set(builds.flatMap((build) => [...build]));
  const doomed = onDisk.filter((file) => !keep.has(file));
  await Promise.all(doomed.map((file) => fs.rm(path.join(assetsDir, file), { force: true })));

  const exists = new Set(onDisk);
  const record = builds.map((build) => [...build].filter((file) => exists.has(file)).sort());
  await fs.mkdir(path.join(outDir, '.vite'), { recursive: true });
  // The newest build first; the current one is recorded too, so the next build knows it as its previous.
  await fs.writeFile(path.join(outDir, RECORD), `${JSON.stringify(record, null, 1)}\n`);
  const kept = onDisk.filter((file) => keep.has(file) && !current.has(file)).length;
  return { kept, removed: doomed.length };
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The builds before this one, newest first; a record that cannot be read counts as none. */
async function readRecord(outDir: string): Promise<string[][]> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(path.join(outDir, RECORD), 'utf8'));
    if (Array.isArray(parsed) && parsed.every((build) => Array.isArray(build) && build.every((file) => typeof file === 'string'))) return parsed as string[][];
  } catch {
    // Missing or damaged: the files on disk that no record names count as one earlier build.
  }
  return [];
}
