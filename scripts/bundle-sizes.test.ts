import { describe, expect, it } from 'vitest';
import { collectFiles, type Manifest } from './bundle-sizes';

const MANIFEST: Manifest = {
  'index.html': { file: 'assets/index-a.js', src: 'index.html', isEntry: true, imports: ['_vendor-b.js'], dynamicImports: ['app/routes/home-route.tsx', 'app/routes/table-route.tsx'], css: ['assets/index-a.css'] },
  '_vendor-b.js': { file: 'assets/vendor-b.js', imports: ['index.html'] },
  '_chip-c.js': { file: 'assets/chip-c.js', imports: ['index.html', '_shared-d.js'], css: ['assets/chip-c.css'] },
  '_shared-d.js': { file: 'assets/shared-d.js', imports: ['_chip-c.js'] },
  '_logo-e.svg': { file: 'assets/logo-e.svg' },
  'app/routes/home-route.tsx': { file: 'assets/home-route-f.js', src: 'app/routes/home-route.tsx', isDynamicEntry: true, imports: ['index.html'] },
  'app/routes/table-route.tsx': {
    file: 'assets/table-route-g.js',
    src: 'app/routes/table-route.tsx',
    isDynamicEntry: true,
    imports: ['index.html', '_chip-c.js', '_logo-e.svg'],
    dynamicImports: ['app/routes/lineage-graph.tsx'],
    css: ['assets/table-route-g.css'],
  },
  'app/routes/lineage-graph.tsx': { file: 'assets/lineage-graph-h.js', isDynamicEntry: true },
};

describe('collectFiles', () => {
  it('takes the entry with its static imports, transitively, and their CSS', () => {
    expect(collectFiles(MANIFEST, ['index.html'])).toEqual(['assets/index-a.js', 'assets/index-a.css', 'assets/vendor-b.js']);
  });

  it('adds a route chunk with its static imports and their CSS, once each, without dynamic imports or other assets', () => {
    expect(collectFiles(MANIFEST, ['index.html', 'app/routes/table-route.tsx'])).toEqual([
      'assets/index-a.js',
      'assets/index-a.css',
      'assets/vendor-b.js',
      'assets/table-route-g.js',
      'assets/table-route-g.css',
      'assets/chip-c.js',
      'assets/chip-c.css',
      'assets/shared-d.js',
    ]);
  });

  it('says which chunk is missing', () => {
    expect(() => collectFiles(MANIFEST, ['app/routes/gone.tsx'])).toThrow('the manifest has no chunk app/routes/gone.tsx');
  });
});
