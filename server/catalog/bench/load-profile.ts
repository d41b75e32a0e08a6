// Where does a demo load spend its time: inside SQLite, or in JavaScript?
//   npm run bench:profile -- --tables 100000
//
// Builds a new demo catalog (createDemoCatalogFile, the code `npm start`, `npm run catalog:demo` and
// `npm run bench` use) while timing every call into SQLite: each statement's run/get/all/iterate and
// every exec/pragma. Time inside those calls is SQLite's own work (parsing bound values, b-trees,
// FTS5, pages written) and cannot move to another thread; everything else is JavaScript (generating
// the demo records, building rows and search documents, garbage collection). It prints both per
// table and the statements that cost the most. The file is deleted afterwards.
//
// The timing wraps better-sqlite3's Statement and Database methods for this process only: about
// 0.1 µs per call, ~20 calls per table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createDemoCatalogFile } from '../demo/seed-demo-catalog';

interface Cost {
  ms: number;
  calls: number;
}

/** Wraps the SQLite entry points of better-sqlite3; returns the time spent per SQL text. */
function timeSqliteCalls(): Map<string, Cost> {
  const costs = new Map<string, Cost>();
  const add = (sql: string, ms: number) => {
    // One line per statement; long lists of placeholders are shortened to their head.
    const oneLine = sql.replace(/\s+/g, ' ').trim();
    const label = (oneLine.includes('?') ? oneLine.replace(/ VALUES \(.*$/i, ' VALUES (…)') : oneLine).slice(0, 100);
    const cost = costs.get(label) ?? { ms: 0, calls: 0 };
    cost.ms += ms;
    cost.calls++;
    costs.set(label, cost);
  };
  // Nested calls (pragma → prepare().all) are counted once, by the outermost call.
  let depth = 0;
  const wrap = (target: Record<string, unknown>, method: string, sqlOf: (self: unknown, args: unknown[]) => string) => {
    const original = target[method] as (...args: unknown[]) => unknown;
    target[method] = function timed(this: unknown, ...args: unknown[]) {
      if (depth > 0) return original.apply(this, args);
      depth++;
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        depth--;
        add(sqlOf(this, args), performance.now() - started);
      }
    };
  };
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate']) wrap(statement, method, (self) => (self as { source: string }).source);
  const database = Database.prototype as unknown as Record<string, unknown>;
  wrap(database, 'exec', (_self, args) => String(args[0]));
  wrap(database, 'pragma', (_self, args) => `PRAGMA ${String(args[0])}`);
  return costs;
}

function main(): void {
  const { values } = parseArgs({ options: { tables: { type: 'string', default: '100000' }, top: { type: 'string', default: '20' } } });
  const count = Number(values.tables.replace(/_/g, ''));
  const top = Number(values.top);
  if (!Number.isInteger(count) || count < 1000) throw new Error('--tables must be a whole number ≥ 1000');
  if (!Number.isInteger(top) || top < 1) throw new Error('--top must be a whole number ≥ 1');

  const costs = timeSqliteCalls();
  const dir = mkdtempSync(join(tmpdir(), 'nansen-profile-'));
  try {
    const started = performance.now();
    createDemoCatalogFile(join(dir, 'catalog.db'), { count });
    const totalMs = performance.now() - started;
    const sqliteMs = [...costs.values()].reduce((sum, c) => sum + c.ms, 0);
    const perTable = (ms: number) => ((ms * 1000) / count).toFixed(1);
    process.stdout.write(
      `Demo load of ${count.toLocaleString('en')} tables: ${(totalMs / 1000).toFixed(1)} s, ${Math.round(count / (totalMs / 1000)).toLocaleString('en')} tables/s\n\n` +
        '| where | µs per table | share |\n|---|---|---|\n' +
        `| inside SQLite | ${perTable(sqliteMs)} | ${Math.round((100 * sqliteMs) / totalMs)} % |\n` +
        `| JavaScript (demo records, rows, search documents, GC) | ${perTable(totalMs - sqliteMs)} | ${Math.round((100 * (totalMs - sqliteMs)) / totalMs)} % |\n` +
        `| total | ${perTable(totalMs)} | 100 % |\n\n` +
        `The ${top} costliest statements (time inside SQLite):\n\n| µs per table | calls | statement |\n|---|---|---|\n`,
    );
    for (const [sql, cost] of [...costs].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
      process.stdout.write(`| ${perTable(cost.ms)} | ${cost.calls.toLocaleString('en')} | \`${sql.replace(/\|/g, '\\|')}\` |\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`bench:profile: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
