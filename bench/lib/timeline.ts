/** The `p`th percentile of ascending `sorted` (nearest rank), or null when it is empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const tenth = (ms: number | null) => (ms === null ? null : Math.round(ms * 10) / 10);

export interface Sample {
  /** When the request started, ms after the timeline's zero (negative: during a warm-up). */
  at: number;
  ms: number;
  /** HTTP status, 0 when the request failed without an answer. */
  status: number;
}

export interface Window {
  /** Start of the window, seconds after zero. */
  second: number;
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

export interface Summary {
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  status5xx: number;
  otherNon2xx: number;
  errors: number;
}

/**
 * Latencies of one kind of request over time, so that a percentile can be told per window as
 * well as for the whole run: a p99 over a minute hides a bad ten seconds.
 */
export class Timeline {
  readonly samples: Sample[] = [];

  /** `zero`: performance.now() at the timeline's start. */
  constructor(private readonly zero: number) {}

  /** Records one request by its start (performance.now()) and its duration. */
  record(startedAt: number, ms: number, status: number): void {
    this.samples.push({ at: startedAt - this.zero, ms, status });
  }

  /** The requests started in [from, to) seconds. */
  between(from: number, to: number): Sample[] {
    return this.samples.filter((s) => s.at >= from * 1000 && s.at < to * 1000);
  }

  summary(from: number, to: number): Summary {
    const samples = this.between(from, to);
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    return {
      count: samples.length,
      p50Ms: tenth(percentile(sorted, 50)),
      p99Ms: tenth(percentile(sorted, 99)),
      maxMs: tenth(sorted.at(-1) ?? null),
      status5xx: samples.filter((s) => s.status >= 500).length,
      otherNon2xx: samples.filter(
        (s) => s.status > 0 && (s.status < 200 || (s.status >= 300 && s.status < 500)),
      ).length,
      errors: samples.filter((s) => s.status === 0).length,
    };
  }

  /** Percentiles per `size`-second window from `from` to `to`. */
  windows(from: number, to: number, size: number): Window[] {
    const out: Window[] = [];
    for (let second = from; second < to; second += size) {
      const sorted = this.between(second, Math.min(second + size, to))
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      out.push({
        second,
        count: sorted.length,
        p50Ms: tenth(percentile(sorted, 50)),
        p99Ms: tenth(percentile(sorted, 99)),
      });
    }
    return out;
  }
}
