// The environment the API server runs in unless the caller's own says otherwise: `npm start`
// (scripts/start.mjs), the memory bench, and the container image (the Dockerfile's ENV repeats
// these values; apps/api/test/server-env.test.ts compares them). Measured with
// `npm run bench -- memory --api-only` (README, "Production build, memory"):
// - MALLOC_ARENA_MAX=2: two glibc malloc arenas instead of one per thread (libuv's pool, V8's
//   helpers), ~5 MiB less resident, no measurable throughput cost.
// - MALLOC_TRIM_THRESHOLD_: a fixed 128 KiB, so glibc hands freed memory back to the OS instead of
//   raising the threshold after large frees and keeping it (under the mixed load ~4 MiB less).
// - --max-semi-space-size=2: V8's young generation capped at 2 × 2 MiB instead of growing to
//   2 × 16 MiB for throughput, ~25 MiB less resident at rest and under load, for ~13% fewer
//   orders a second when the hot tier is pushed flat out. NODE_OPTIONS carries it to every
//   process of the server (cluster workers too; the mail worker asks for less on its own
//   command line, which wins).
export const SERVER_ENV_DEFAULTS = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  NODE_OPTIONS: '--max-semi-space-size=2',
};
