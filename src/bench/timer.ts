// How fine the clock is. Browsers coarsen performance.now() against timing attacks:
// 100 µs in a normal page, 5 µs in a cross-origin-isolated one. The harness sizes its
// batches from this figure, so it is measured, never assumed. Pure given `now`.

export interface ResolutionOptions {
  /** Upper bound on clock reads, so a frozen clock cannot hang the caller. */
  readonly maxReads?: number;
  /** Stop after this many positive steps: enough to meet the true step size at least once. */
  readonly steps?: number;
  /** Returned when the clock never moved within maxReads (a frozen or very coarse clock). */
  readonly fallbackMs?: number;
}

/** Smallest positive difference between successive `now()` readings, in the clock's unit (ms). */
export function measureResolution(now: () => number, options: ResolutionOptions = {}): number {
  const { maxReads = 1_000_000, steps = 50, fallbackMs = 1 } = options;
  let smallest = Number.POSITIVE_INFINITY;
  let seen = 0;
  let prev = now();
  for (let i = 0; i < maxReads && seen < steps; i++) {
    const t = now();
    if (t > prev) {
      smallest = Math.min(smallest, t - prev);
      seen++;
      prev = t;
    }
  }
  return Number.isFinite(smallest) ? smallest : fallbackMs;
}
