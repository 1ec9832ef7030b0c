// Benchmark data: the same matrices on every run for a given seed, and several
// different samples from one base seed. Pure: no DOM, no workers, no timers.
import { arrayFor, type Dtype, type FloatArray, type Shape } from '../kernels/types.ts';

/** A named benchmark set of the lecture (section 2.1). */
export interface Dataset {
  readonly id: string;
  readonly label: string;
  readonly shape: Shape;
  /** How many different samples (different seeds, see sampleSeed) a run of this shape multiplies. */
  readonly samples: number;
  readonly dtype: Dtype;
}

/** Base seed used when a request does not name one. */
export const DEFAULT_SEED = 20240601;

// #region generate
/**
 * mulberry32: a tiny 32-bit PRNG. Fast, seedable and good enough for test data
 * (not for cryptography). Each call returns the next uniform value in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u32 = (t ^ (t >>> 14)) >>> 0;
    // Keep 24 bits: every value is then exact in float32 as well as float64, so the
    // f32 and f64 runs multiply the very same numbers and only the storage differs.
    return (u32 >>> 8) / 0x1000000;
  };
}

/** Row-major A (m×l) and B (l×n), uniform in [0, 1) like np.random.rand. */
export function generateInputs(shape: Shape, dtype: Dtype, seed: number): { A: FloatArray; B: FloatArray } {
  const random = mulberry32(seed);
  const A = new (arrayFor(dtype))(shape.m * shape.l);
  const B = new (arrayFor(dtype))(shape.l * shape.n);
  for (let k = 0; k < A.length; k++) A[k] = random();
  for (let k = 0; k < B.length; k++) B[k] = random();
  return { A, B };
}
// #endregion generate

/**
 * Seed of sample `index` of a set: a different, well-mixed seed per sample, the
 * same every run (the notebook's "same data across runs, several samples").
 */
export function sampleSeed(baseSeed: number, index: number): number {
  // splitmix32-style finaliser so that neighbouring indices give unrelated streams.
  let z = (baseSeed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The notebook's benchmark sets (2.1) and the big set of 4.2. The big set holds one
 * sample where the notebook drew 3: a sample is 229 MiB of float32 operands and its
 * reference 8·10⁹ multiply-adds. A second one held next to pool-row's copies (0.82 GiB
 * with 2 workers) would pass the 1 GiB budget of src/kernels/memory.ts.
 */
export const datasets = {
  lowL: { id: 'lowL', label: 'low l', shape: { m: 200, l: 10, n: 400 }, samples: 10, dtype: 'f64' },
  highL: { id: 'highL', label: 'high l', shape: { m: 20, l: 10000, n: 40 }, samples: 10, dtype: 'f64' },
  big: { id: 'big', label: 'big', shape: { m: 200, l: 100000, n: 400 }, samples: 1, dtype: 'f32' },
} as const satisfies Record<string, Dataset>;

export type DatasetId = keyof typeof datasets;
