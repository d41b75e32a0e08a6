import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
// '.js' names the .ts file for TypeScript and for Vite's config loader alike.
import { precompress } from './scripts/vite-precompress.js';
import { keepPreviousAssets } from './scripts/vite-keep-previous-assets.js';
import { fileTimeLimitMs, HungFileWatchdog } from './scripts/test-watchdog/hung-file-watchdog.js';

// The SPA lives in client/ and is served by the BFF from dist/client, with .br and .gz twins of its
// text files (scripts/vite-precompress.ts). The manifest (dist/client/.vite/manifest.json, never
// served) tells scripts/bundle-sizes.ts which files each route loads.
export default defineConfig({
  root: 'client',
  resolve: {
    // react-router's package exports its development build to every bundler (no "production"
    // condition): dev-only warnings and checks, run on every render. The app takes its production
    // build, the same code with them off (ENABLE_DEV_WARNINGS = false); tests (vitest) keep the warnings.
    alias: process.env['VITEST'] ? [] : [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }],
  },
  plugins: [react(), precompress(), keepPreviousAssets()],
  build: {
    outDir: '../dist/client',
    // Emptied by keepPreviousAssets instead, which keeps the two earlier builds' assets (decision 069).
    emptyOutDir: false,
    sourcemap: false,
    manifest: true,
    // Every browser Nansen supports preloads modules itself (Chromium, Firefox 115+, Safari 17+).
    modulePreload: { polyfill: false },
    // React, React DOM and the router in one file of their own, which every page loads: left to itself the
    // bundler spread them over the app's first script and a shared file, and the first page went 36 bytes
    // over its 115 kB gzip budget (decision 007); in one file they compress better (114.7 kB).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }] } } },
  },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'contract/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Closing at the end (workers, servers): after this, vitest exits anyway, saying what kept it open.
    teardownTimeout: 10_000,
    // A test file still running after TEST_FILE_TIME_LIMIT_SECONDS (10 minutes) ends the run, named: a worker
    // stuck in native code never reaches the timeouts above (scripts/test-watchdog/hung-file-watchdog.ts).
    reporters: ['default', new HungFileWatchdog({ limitMs: fileTimeLimitMs(process.env) })],
    pool: 'forks',
    setupFiles: ['client/testing-setup.ts'],
  },
});
