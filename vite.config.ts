import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
// '.js' names the .ts file for TypeScript and for Vite's config loader alike.
import { precompress } from './scripts/vite-precompress.js';

// The SPA lives in client/ and is served by the BFF from dist/client, with .br and .gz twins of its
// text files (scripts/vite-precompress.ts). The manifest (dist/client/.vite/manifest.json, never
// served) tells scripts/bundle-sizes.ts which files each route loads.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    // Every browser Nansen supports preloads modules itself (Chromium, Firefox 115+, Safari 17+).
    modulePreload: { polyfill: false },
  },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'contract/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['client/testing-setup.ts'],
  },
});
