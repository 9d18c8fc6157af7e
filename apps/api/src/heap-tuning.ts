import { setFlagsFromString } from 'node:v8';

// After each full GC V8 lets the old generation grow to the live size times a factor it picks from
// GC speed against allocation speed: up to 4× on a machine with a large heap limit, or a gentle
// ~1.3× once its memory reducer has run at rest. Which of the two an API process got depended on
// start-up timing, so under the memory bench's mixed load it ended at ~100 or at ~125–130 MiB RSS
// (8 of 11 runs of the bundled server went high). A fixed 20 % gave 100–102 MiB in every run.
const API_ONLY_HEAP_GROWING_PERCENT = 20;

// The growth is never less than 8 MiB, though: with ~19 MiB live under the mixed load the old
// generation filled to ~28 MiB of pages before each full GC. Starting incremental marking (in a
// task) once a fifth of that room is used collects at ~23–25 MiB instead: ~4–5 MiB less RSS at
// the peak. It costs more full GCs, each mostly concurrent: door scans flat out 1,166–1,269 →
// ~1,130/s, the hot tier 798–955 → 759–819 orders/s (README, "Production build, memory").
const API_ONLY_MARKING_SOFT_TRIGGER_PERCENT = 20;

// What TurboFan keeps (optimised code, its deoptimisation data, the compiler's own pages of node's
// binary) was ~11 MiB of the API-only process under the mixed load (96 → 85 MiB with `--no-opt`,
// which halves throughput). A function now waits 4× as much work (V8's interrupt budget, 67,584
// bytes of bytecode by default) before V8 considers optimising it: the request paths still get
// optimised within seconds, while code that runs now and then (start-up, periodic jobs) stays in
// the interpreter and baseline tiers. Measured in alternating runs: −5 MiB under the load; door
// scans flat out 841 vs 828/s and at pace p99 27 vs 35 ms; the hot tier 539–557 vs 608–612
// orders/s, up to ~10% fewer.
const API_ONLY_INTERRUPT_BUDGET = 4 * 67_584;

/**
 * An API-only process (SERVE_WEB=false) keeps its heap close to what it holds live. Set here rather
 * than on node's command line: NODE_OPTIONS refuses V8 flags like these, and this reaches every
 * way the server starts (npm start, the image, cluster workers).
 */
export function tuneHeap(serveWeb: boolean): void {
  if (serveWeb) return;
  setFlagsFromString(`--heap-growing-percent=${API_ONLY_HEAP_GROWING_PERCENT}`);
  setFlagsFromString(`--incremental-marking-soft-trigger=${API_ONLY_MARKING_SOFT_TRIGGER_PERCENT}`);
  setFlagsFromString(`--interrupt-budget=${API_ONLY_INTERRUPT_BUDGET}`);
}
