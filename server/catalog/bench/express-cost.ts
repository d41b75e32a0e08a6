// What does Express itself cost per request on this machine? A bound for issue 14 §2's "Express-free
// request path" idea: `npx tsx server/catalog/bench/express-cost.ts` (-- --seconds 5 --rounds 2)
//
// Serves one fixed 6 KB JSON answer three ways, each in a process of its own, and loads each with the
// benchmarks' closed loop (bench-app.ts) at 8 connections, then at 1:
//   plain          node:http, the answer written straight away
//   express        Express 5 with the answer as its only middleware
//   express-chain  Express 5 with four pass-through middlewares and two nested routers before the
//                  answer: the shape of the BFF's /api chain, without any of its work
// and prints req/s and CPU per request of the server's process at 8 connections, and p50 at 1. The
// difference between the rows is what Express's request handling costs, whatever the handlers do.
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import express, { type RequestHandler } from 'express';
import { Pool } from 'undici';
import { cpuSeconds, loadAverage, runClosedLoop } from './bench-app';

const KINDS = ['plain', 'express', 'express-chain'] as const;
type Kind = (typeof KINDS)[number];
const PATH = '/api/metadata/v0/table?key=hive%3A%2F%2Fgold.sales%2Forders';

function serve(kind: Kind): void {
  const columns = Array.from({ length: 60 }, (_, i) => ({ name: `column_${i}`, type: 'varchar', description: 'x'.repeat(60) }));
  const body = Buffer.from(JSON.stringify({ msg: 'Success', tableData: { columns } }));
  const answer: RequestHandler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  };
  let handler: http.RequestListener = answer as unknown as http.RequestListener;
  if (kind !== 'plain') {
    const app = express();
    app.disable('x-powered-by');
    if (kind === 'express-chain') {
      for (let i = 0; i < 4; i++) app.use((_req, _res, next) => next());
      const table = express.Router().get('/table', answer);
      app.use('/api', express.Router().use('/metadata/v0', table));
    } else {
      app.use(answer);
    }
    handler = app;
  }
  const server = http.createServer(handler);
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
}

async function measure(kind: Kind, seconds: number): Promise<string> {
  const child = fork(import.meta.filename, ['--serve', kind], { execArgv: process.execArgv });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve(Number(m)));
      child.once('exit', (code) => reject(new Error(`the ${kind} server exited with ${code}`)));
    });
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 8 });
    const request = () => ({ method: 'GET' as const, path: PATH });
    await runClosedLoop(pool, 8, 1, request); // warm-up
    const before = cpuSeconds(child.pid!);
    const eight = await runClosedLoop(pool, 8, seconds, request);
    const cpuMs = ((cpuSeconds(child.pid!) - before) / eight.count) * 1000;
    const one = await runClosedLoop(pool, 1, seconds, request);
    await pool.close();
    return `${kind.padEnd(14)} 8 conn: ${eight.requestsPerSecond.toFixed(0).padStart(6)} req/s, CPU ${cpuMs.toFixed(3)} ms/request   1 conn: p50 ${one.p50.toFixed(3)} ms`;
  } finally {
    child.kill();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { serve: { type: 'string' }, seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '2' } },
  });
  if (values.serve) {
    if (!KINDS.includes(values.serve as Kind)) throw new Error(`--serve takes ${KINDS.join(', ')}`);
    serve(values.serve as Kind);
    return;
  }
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(seconds) || seconds < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--seconds and --rounds take whole numbers ≥ 1');
  console.log(`load average before: ${loadAverage()}`);
  for (let round = 1; round <= rounds; round++) {
    for (const kind of KINDS) console.log(`round ${round}  ${await measure(kind, seconds)}`);
  }
  console.log(`load average after: ${loadAverage()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
