// How much clock time one probe charges to its neighbours: profile an empty
// loop body, where every charged tick is probe cost, and divide by the hits.
// Pure given the clock.
import { compile, instrument } from './instrument.ts';

const EMPTY = `function spin(n) {
  for (let i = 0; i < n; i++) {
    i;
  }
}`;

export function calibrateProbe(now: () => number, hits = 200_000): number {
  const inst = instrument(EMPTY);
  const mod = compile(inst, now);
  (mod.functions.spin as (n: number) => void)(hits);
  let t = 0;
  let h = 0;
  for (let k = 0; k < inst.probeCount; k++) {
    t += mod.time[k]!;
    h += mod.hits[k]!;
  }
  return h > 0 ? (t / h) * 1e6 : 0; // ms per hit → ns per hit
}
