// The Node options the BFF's process runs with: `npm start` and `npm run dev` pass them to tsx
// (package.json), and the benchmarks and the browser tests start server/main.ts with them, so that they
// measure and test what people run. bff-node-flags.test.ts keeps package.json and this list the same.
//
// --max-semi-space-size=32: V8's young generation may grow to 2 × 32 MB instead of 2 × 16 MB. Every
// request allocates a few hundred short-lived objects; with the default size, V8 stops the BFF for a
// scavenge often enough that one cheap request in a hundred waited for one. Measured at 1 M tables with
// 8 clients searching (npm run bench:event-loop): /api/auth_user's p99 3.6 ms → 2.4–2.7 ms; up to 32 MB
// more memory under load. docs/decisions/024-bff-young-generation.md.
export const BFF_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
