import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearAllButAssets, KEPT_BUILDS, pruneAssets } from './vite-keep-previous-assets';

describe('keeping earlier builds’ assets', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-keep-assets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), name);
  };
  const assets = () => fs.readdirSync(path.join(dir, 'assets')).sort();
  /** One build: clears the output as the plugin does, writes the files (with twins) and prunes. */
  const build = async (files: string[]) => {
    await clearAllButAssets(dir);
    for (const file of ['index.html', '.vite/manifest.json', ...files.flatMap((file) => [file, `${file}.gz`])]) write(file);
    return pruneAssets(dir, ['index.html', '.vite/manifest.json', ...files]);
  };

  it('keeps the files of the two builds before the current one, and removes older ones with their twins', async () => {
    expect(KEPT_BUILDS).toBe(2);
    await build(['assets/app-1.js', 'assets/shared-x.js']);
    await build(['assets/app-2.js', 'assets/shared-x.js']);
    await build(['assets/app-3.js', 'assets/shared-x.js']);
    expect(assets()).toEqual(['app-1.js', 'app-1.js.gz', 'app-2.js', 'app-2.js.gz', 'app-3.js', 'app-3.js.gz', 'shared-x.js', 'shared-x.js.gz']);
    const fourth = await build(['assets/app-4.js']);
    expect(assets()).toEqual(['app-2.js', 'app-2.js.gz', 'app-3.js', 'app-3.js.gz', 'app-4.js', 'app-4.js.gz', 'shared-x.js', 'shared-x.js.gz']);
    expect(fourth).toEqual({ kept: 6, removed: 2 });
  });

  it('counts files no record names (a build from before the plugin) as one earlier build', async () => {
    write('assets/before-a.js');
    write('assets/before-b.css');
    await build(['assets/app-1.js']);
    expect(assets()).toContain('before-a.js');
    await build(['assets/app-2.js']);
    expect(assets()).toContain('before-b.css');
    await build(['assets/app-3.js']);
    expect(assets()).toEqual(['app-1.js', 'app-1.js.gz', 'app-2.js', 'app-2.js.gz', 'app-3.js', 'app-3.js.gz']);
  });

  it('empties everything else of the output, as emptyOutDir would, but keeps the record of builds', async () => {
    await build(['assets/app-1.js']);
    write('old-public-file.txt');
    write('.vite/other.json');
    await clearAllButAssets(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['.vite', 'assets']);
    expect(fs.readdirSync(path.join(dir, '.vite'))).toEqual(['kept-builds.json']);
  });

  it('treats a damaged record as none, and a missing output folder as empty', async () => {
    await clearAllButAssets(path.join(dir, 'not-yet'));
    await build(['assets/app-1.js']);
    fs.writeFileSync(path.join(dir, '.vite/kept-builds.json'), '{ not json');
    await build(['assets/app-2.js']);
    await build(['assets/app-3.js']);
    // app-1 had no record left: it counted as one unnamed earlier build, kept through two more builds.
    expect(assets()).toEqual(['app-1.js', 'app-1.js.gz', 'app-2.js', 'app-2.js.gz', 'app-3.js', 'app-3.js.gz']);
    await build(['assets/app-4.js']);
    expect(assets()).not.toContain('app-1.js');
  });
});
