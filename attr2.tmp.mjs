import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
const walk = (d) => readdirSync(d).flatMap((f) => statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]);
for (const f of walk('/tmp/scratch/attr').filter((f) => /\.(js|css)$/.test(f))) console.log(f.replace('/tmp/scratch/attr/', '').padEnd(50), (gzipSync(readFileSync(f), { level: 9 }).length / 1024).toFixed(1));
