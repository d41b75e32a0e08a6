// The architecture's boundaries, checked on every test run (a lint that cannot be skipped):
// who may import whom, who may read the environment, who may call fetch, and no import cycles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function listSources(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('server/testing/');
const sources = ['client', 'server', 'contract'].flatMap(listSources);
const source = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Relative imports of a file, resolved to repo paths (without extension). */
function importsOf(file: string): string[] {
  const specs = [...source(file).matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), s)));
}

function resolveModule(target: string): string | undefined {
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`]) {
    if (sources.includes(candidate)) return candidate;
  }
  return undefined;
}

describe('architecture boundaries', () => {
  it('finds the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('keeps client and server apart; contract imports neither and no Node module', () => {
    const offenders: string[] = [];
    for (const file of sources) {
      for (const target of importsOf(file)) {
        if (file.startsWith('client/') && target.startsWith('server')) offenders.push(`${file} → ${target}`);
        if (file.startsWith('server/') && target.startsWith('client')) offenders.push(`${file} → ${target}`);
        if (file.startsWith('contract/') && !target.startsWith('contract')) offenders.push(`${file} → ${target}`);
      }
      if (file.startsWith('contract/') && !isTest(file) && /from\s+['"]node:/.test(source(file))) offenders.push(`${file} imports a Node module`);
    }
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in server/config (and main, which hands it over)', () => {
    // Benchmarks (like tests) start Nansen as a child process and hand it an environment of their own.
    const isBenchmark = (f: string) => f.includes('/bench/');
    const offenders = sources.filter(
      (f) => !isTest(f) && !isBenchmark(f) && !f.startsWith('server/config/') && f !== 'server/main.ts' && /process\.env/.test(source(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('calls fetch in the browser only from client/lib', () => {
    const offenders = sources.filter((f) => f.startsWith('client/') && !f.startsWith('client/lib/') && !isTest(f) && /\bfetch\(/.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it('lets only server/upstream call the metadata and search services (the catalog benchmark aside)', () => {
    const offenders = sources.filter(
      (f) => f.startsWith('server/') && !f.startsWith('server/upstream/') && !f.startsWith('server/catalog/bench/') && !isTest(f) && /from ['"]undici['"]/.test(source(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps server/auth free of the catalog and the upstream clients', () => {
    const offenders = sources
      .filter((f) => f.startsWith('server/auth/'))
      .flatMap((f) => importsOf(f).filter((t) => /^server\/(catalog|upstream|api)/.test(t)).map((t) => `${f} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it('does not let SPA features import each other', () => {
    const offenders: string[] = [];
    for (const file of sources.filter((f) => f.startsWith('client/features/'))) {
      const feature = file.split('/')[2];
      for (const target of importsOf(file)) {
        const m = /^client\/features\/([^/]+)/.exec(target);
        if (m && m[1] !== feature) offenders.push(`${file} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(sources.map((f) => [f, importsOf(f).map(resolveModule).filter((t): t is string => !!t)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, 'visiting');
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    expect(cycles).toEqual([]);
  });
});
