import { setFlagsFromString } from 'node:v8';

// After each full GC V8 lets the old generation grow to the live size times a factor it picks from
// GC speed against allocation speed: up to 4× on a machine with a large heap limit, or a gentle
// ~1.3× once its memory reducer has run at rest. Which of the two an API process got depended on
// start-up timing, so under the memory bench's mixed load it ended at ~100 or at ~125–130 MiB RSS
// (8 of 11 runs of the bundled server went high). A fixed 20 % gave 100–102 MiB in every run;
// the extra full GCs of a ~25 MiB heap take a few ms each, every few seconds under that load.
// Set here rather than on node's command line: NODE_OPTIONS refuses V8 flags like this one, and
// this reaches every way the server starts (npm start, the image, cluster workers).
const API_ONLY_HEAP_GROWING_PERCENT = 20;

/** An API-only process (SERVE_WEB=false) keeps its heap close to what it holds live. */
export function tuneHeap(serveWeb: boolean): void {
  if (!serveWeb) setFlagsFromString(`--heap-growing-percent=${API_ONLY_HEAP_GROWING_PERCENT}`);
}
