// The environment the API server runs in unless the caller's own says otherwise: `npm start`
// (scripts/start.mjs) and the memory bench; the container image's ENV repeats MALLOC_ENV
// (apps/api/test/server-env.test.ts compares). Measured with `npm run bench -- memory` (README,
// "Production build, memory"):
// - MALLOC_ARENA_MAX=2: two glibc malloc arenas instead of one per thread (libuv's pool, V8's
//   helpers), ~5 MiB less resident, no measurable throughput cost.
// - MALLOC_TRIM_THRESHOLD_: a fixed 128 KiB, so glibc hands freed memory back to the OS instead of
//   raising the threshold after large frees and keeping it (under the mixed load ~4 MiB less).
export const MALLOC_ENV = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

// An API-only process (SERVE_WEB=false) caps V8's young generation at 2 × 2 MiB instead of letting
// it grow to 2 × 16 MiB for throughput: ~25 MiB less at rest and ~35 under the load, for ~13%
// fewer orders a second when the hot tier is pushed flat out. Not with the web app in the process:
// there it saved nothing under load and server-rendered pages got slower (p50 104 → 164 ms).
// NODE_OPTIONS carries it to every process of the server (cluster workers too; the mail worker
// asks for less on its own command line, which wins).
export const API_ONLY_NODE_OPTIONS = '--max-semi-space-size=2';

/** The defaults for a server started with `env` (its SERVE_WEB decides the young generation). */
export function serverEnvDefaults(env) {
  return {
    ...MALLOC_ENV,
    ...(env.SERVE_WEB === 'false' ? { NODE_OPTIONS: API_ONLY_NODE_OPTIONS } : {}),
  };
}
