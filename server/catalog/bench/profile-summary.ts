// Where a process spent its CPU, per request: `npx tsx server/catalog/bench/profile-summary.ts FILE.cpuprofile
// --last 10 --requests 5190` (a profile from `npm run bench:bff -- --cpu-prof-dir DIR`, one call per run).
//
// Takes the samples of the profile's last --last seconds (the measurement; the warm-up and start-up come
// before it), leaves out the idle ones, and prints three views, in ms per request when --requests is given
// (the requests answered in that window: req/s × seconds from the bench's output). The profiler samples
// on a wall clock: on a loaded machine a descheduled process still gets samples, so the profile's busy
// time per request is more than the CPU time. With --cpu-ms (the bench's "CPU … ms/req", from /proc)
// each share is given as that CPU time instead (share × CPU per request):
//   owner      each sample goes to the innermost frame of our code or of a package: what Node's internals
//              and native code did on behalf of express-session counts as express-session
//   self       each sample goes to the frame that was running (package, file of ours, node: module, or a
//              native function by name)
//   inclusive  each sample goes to every package or file on its stack, once
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const ROOT_URL = `file://${path.resolve(import.meta.dirname, '..', '..', '..')}/`;

/**
 * Wrappers around `res.end` / `res.writeHead` that pass the response's own writing through: in the owner
 * view the writing goes to whoever called them, not to the wrapper (express-session wraps `res.end`).
 */
const ANSWER_WRITE = '(Node writing the answer, under res.end)';
const PASS_THROUGH = new Set(['express-session end', 'express-session writeend', 'express-session writetop', 'on-headers writeHead']);

/** What a frame belongs to: a package, a file of ours, a node: module, or a native function / VM state. */
export function frameGroup(frame: CallFrame): { group: string; userland: boolean } {
  const { url, functionName } = frame;
  if (!url) return { group: functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`, userland: false };
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const [first, second] = url.slice(inModules + 'node_modules/'.length).split('/');
    return { group: first?.startsWith('@') ? `${first}/${second}` : (first ?? url), userland: true };
  }
  if (url.startsWith('node:')) return { group: url.replace(/^node:(internal\/)?/, 'node:'), userland: false };
  if (url.startsWith(ROOT_URL)) return { group: url.slice(ROOT_URL.length), userland: true };
  // A profile of another checkout (a baseline worktree): its files by their path in the repository.
  const ours = /\/((?:server|contract|client|scripts)\/.*)$/.exec(url);
  return { group: ours ? ours[1]! : url, userland: true };
}

/** The owner view folded into the parts of a forwarded call that the docs compare (docs/benchmarks.md, bench:bff). */
const COMPONENTS: [string, RegExp][] = [
  ['session (cookie, record, store read)', /^(express-session|cookie-signature|cookie|on-headers|server\/auth\/session-middleware\.ts|server\/auth\/sqlite-session-store\.ts|connect-redis|@redis\/.*)$/],
  ['tokens (store read, refresh check)', /^server\/auth\/(sqlite-token-store|token-store|session-auth|token-cipher)\.ts$/],
  ['Express and its router', /^(express|router|parseurl|path-to-regexp|finalhandler|qs|send|serve-static|encodeurl|escape-html|utils-merge|merge-descriptors|depd|debug|ms)$/],
  ['JSON body parsing', /^(body-parser|raw-body|type-is|content-type|iconv-lite|bytes|media-typer|mime-types|mime-db|unpipe|http-errors)$/],
  ['request id, access log, metrics', /^server\/http\/(logger|request-context|metrics)\.ts$|^server\/create-bff-app\.ts$/],
  ['guards and headers', /^server\/http\/(security-headers|same-origin-guard|rate-limit)\.ts$/],
  ['upstream call (undici)', /^(undici|server\/upstream\/upstream-http\.ts)$/],
  ['answer checks and mapping', /^(valibot|zod|server\/upstream\/(?!upstream-http).*|server\/api\/.*|contract\/.*|server\/http\/parse-request\.ts)$/],
  ['writing the answer', /^(server\/http\/send-json\.ts|\(Node writing the answer, under res\.end\))$/],
  ['garbage collection', /^\(garbage collector\)$/],
];

export function componentOf(owner: string): string {
  for (const [name, pattern] of COMPONENTS) if (pattern.test(owner)) return name;
  return owner.startsWith('node:') || owner.startsWith('(') || owner.startsWith('wasm:') ? 'Node internals, native, other' : 'other packages and files';
}

export function summarize(profile: Profile, lastSeconds: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const groupOf = new Map(profile.nodes.map((n) => [n.id, frameGroup(n.callFrame)]));

  const self = new Map<string, number>();
  const owner = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  const from = profile.endTime - lastSeconds * 1e6;
  let t = profile.startTime;
  let busyUs = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i] ?? 0;
    // A sample's time is the gap to the next one (the last one gets none).
    const dt = (profile.timeDeltas[i + 1] ?? 0);
    if (t < from) continue;
    const leafId = profile.samples[i]!;
    const leaf = groupOf.get(leafId)!;
    if (leaf.group === '(idle)') continue;
    busyUs += dt;
    add(self, leaf.group, dt);
    const frame = byId.get(leafId)!.callFrame;
    add(functions, `${frame.functionName || '(anonymous)'} ${leaf.group}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, dt);
    let ownerGroup: string | undefined;
    const seen = new Set<string>();
    for (let id: number | undefined = leafId; id !== undefined; id = parent.get(id)) {
      const g = groupOf.get(id)!;
      const { functionName } = byId.get(id)!.callFrame;
      // Node writing the answer (under res.end) before any code of ours or of a package: the answer's write,
      // whoever wrapped res.end (express-session did).
      if (ownerGroup === undefined && g.group === 'node:_http_outgoing' && functionName === 'end') ownerGroup = ANSWER_WRITE;
      const passThrough = PASS_THROUGH.has(`${g.group} ${functionName}`);
      if (g.userland && ownerGroup === undefined && !passThrough) ownerGroup = g.group;
      if (!seen.has(g.group)) {
        seen.add(g.group);
        add(inclusive, g.group, dt);
      }
    }
    add(owner, ownerGroup ?? leaf.group, dt);
  }
  return { busyUs, self, owner, inclusive, functions };
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { last: { type: 'string', default: '10' }, requests: { type: 'string' }, top: { type: 'string', default: '25' }, 'cpu-ms': { type: 'string' } },
  });
  const requests = values.requests ? Number(values.requests) : undefined;
  const cpuMs = values['cpu-ms'] ? Number(values['cpu-ms']) : undefined;
  const top = Number(values.top);
  for (const file of positionals) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
    const { busyUs, self, owner, inclusive, functions } = summarize(profile, Number(values.last));
    const busyMs = busyUs / 1000;
    console.log(`${file}: ${busyMs.toFixed(0)} ms busy in the last ${values.last} s${requests ? `, ${requests} requests: ${(busyMs / requests).toFixed(3)} ms of CPU per request` : ''}`);
    const print = (title: string, m: Map<string, number>) => {
      console.log(`\n${title}`);
      for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
        const perRequest = cpuMs
          ? `${((us / busyUs) * cpuMs * 1000).toFixed(1).padStart(7)} µs CPU/req`
          : requests ? `${((us / 1000 / requests) * 1000).toFixed(1).padStart(7)} µs/req` : '';
        console.log(`${((100 * us) / busyUs).toFixed(1).padStart(6)} % ${perRequest}  ${k}`);
      }
    };
    const components = new Map<string, number>();
    for (const [k, us] of owner) components.set(componentOf(k), (components.get(componentOf(k)) ?? 0) + us);
    print('components (the owner view folded)', components);
    print('owner (innermost frame of ours or of a package)', owner);
    print('self', self);
    print('inclusive', inclusive);
    print('functions (self)', functions);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
