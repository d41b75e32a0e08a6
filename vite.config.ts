import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/vite-precompress';

// The SPA lives in client/ and is served by the BFF from dist/client, with .br and .gz twins of its
// text files (scripts/vite-precompress.ts).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: false },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'contract/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
