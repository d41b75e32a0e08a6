// A made-up lineage answer of `size` entities around one table, for the lineage benchmark: half
// upstream and half downstream, spread over `levels` levels each way, each entity fed by one or two
// entities one level closer (listed once per parent, as Amundsen's Neo4j proxy does), seeded so every
// run draws the same graph.
import type { LineageItem, LineageResponse } from '../../contract/api-table';

export const BENCH_TABLE_KEY = 'hive://gold.sales/orders';

export function buildSyntheticLineage(size: number, levels = 5, seed = 42): LineageResponse {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sides = { upstream: [] as LineageItem[], downstream: [] as LineageItem[] };
  let made = 0;
  for (const side of ['upstream', 'downstream'] as const) {
    const count = side === 'upstream' ? Math.floor((size - 1) / 2) : size - 1 - Math.floor((size - 1) / 2);
    const keysByLevel: string[][] = [[BENCH_TABLE_KEY]];
    for (let i = 0; i < count; i++) {
      const level = 1 + Math.floor((i * levels) / count);
      const name = `${side === 'upstream' ? 'src' : 'out'}_${level}_${i}`;
      const key = `hive://gold.bench/${name}`;
      const closer = keysByLevel[level - 1]!;
      const parents = new Set([closer[Math.floor(random() * closer.length)]!]);
      if (closer.length > 1 && random() < 0.5) parents.add(closer[Math.floor(random() * closer.length)]!);
      for (const parent of parents) {
        sides[side].push({ key, level, parent, source: 'hive', badges: [], usage: made % 7, link: null, in_amundsen: true, database: 'hive', cluster: 'gold', schema: 'bench', name, column: null });
      }
      (keysByLevel[level] ??= []).push(key);
      made++;
    }
  }
  return {
    msg: 'Success',
    key: BENCH_TABLE_KEY,
    direction: 'both',
    depth: levels,
    upstream_entities: sides.upstream,
    downstream_entities: sides.downstream,
    upstream_count: new Set(sides.upstream.map((i) => i.key)).size,
    downstream_count: new Set(sides.downstream.map((i) => i.key)).size,
  };
}
