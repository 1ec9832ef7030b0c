// How much clock time one probe charges to its neighbours: profile an empty
// loop body, where every charged tick is probe cost, and divide by the hits.
// Pure given the clock; the instrumented loop is made at build time.
import * as loop from './calibration-loop.ts?region=probe-calibration&profile';

export function calibrateProbe(now: () => number, hits = 200_000): number {
  const hitCounts = new Float64Array(loop.probeCount);
  const time = new Float64Array(loop.probeCount);
  (loop.create(now, hitCounts, time).spin as (n: number) => void)(hits);
  let t = 0;
  let h = 0;
  for (let k = 0; k < loop.probeCount; k++) {
    t += time[k]!;
    h += hitCounts[k]!;
  }
  return h > 0 ? (t / h) * 1e6 : 0; // ms per hit → ns per hit
}
