import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
const pure = process.argv[2] === 'pure';
const pkgOf = (id) => { const m = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); return m ? m[1].replace('/', '__') : (id.includes('/contract/') ? 'contract' : null); };
const outDir = '/tmp/scratch/attr';
await build({ root: 'client', configFile: false, logLevel: 'error', plugins: [react()],
  build: { outDir, emptyOutDir: true, reportCompressedSize: false,
    rolldownOptions: { ...(pure ? { treeshake: { manualPureFunctions: ['z'] } } : {}), output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: (id) => pkgOf(id) }] }, chunkFileNames: '[name]-[hash].js' } } } });
for (const f of readdirSync(join(outDir, 'assets'))) { const b = readFileSync(join(outDir, 'assets', f)); console.log(f.padEnd(40), (gzipSync(b, { level: 9 }).length / 1024).toFixed(1)); }
