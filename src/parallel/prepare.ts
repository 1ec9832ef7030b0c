// Inputs and the expected product for shapes too big for the page's thread: the
// data is generated in a worker straight into SharedArrayBuffers, and the float64
// reference is computed by the pool's workers, a block of rows each. The page only
// awaits. The last set is kept, so a sweep over worker counts generates it once.
import type { Prepare } from '../bench/harness.ts';
import { checkResult } from '../check/allclose.ts';
import type { Dtype, FloatArray, Shape } from '../kernels/types.ts';
import type { VariantInputs } from '../kernels/variant.ts';
import type { WorkerPool } from '../pool/pool.ts';
import { splitEvenly } from './tasks.ts';

export interface Prepared {
  readonly inputs: VariantInputs;
  readonly expected: Float64Array;
  readonly seed: number;
  /** Time spent generating the operands and the reference (kept apart from any measurement). */
  readonly generateMs: number;
  readonly referenceMs: number;
}

let last: Prepared | null = null;

const sameShape = (a: Shape, b: Shape): boolean => a.m === b.m && a.l === b.l && a.n === b.n;

/** Forgets the kept set, so its (possibly hundreds of MB of) memory can be freed. */
export function releasePrepared(): void {
  last = null;
}

export async function prepareInWorkers(
  pool: WorkerPool,
  shape: Shape,
  dtype: Dtype,
  seed: number,
  workers: number = pool.size,
): Promise<Prepared> {
  if (last && sameShape(last.inputs.shape, shape) && last.inputs.dtype === dtype && last.seed === seed) return last;
  last = null; // let the old set go before making a new one
  // Without isolation the operands come back by transfer, and each worker of the
  // reference receives a copy: slower and heavier, but the message variants still run.
  const share = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
  const t0 = performance.now();
  const first = pool.workers[0];
  const { A, B }: { A: FloatArray; B: FloatArray } = await pool.call(first, (w) => w.api.generate(shape, dtype, seed, share));
  const t1 = performance.now();
  const expected = new Float64Array(shape.m * shape.n);
  const blocks = splitEvenly(shape.m, Math.max(1, Math.min(workers, pool.size)));
  await pool.map(blocks, blocks.length, async (w, { start, end }) => {
    const rows = share ? A : A.subarray(start * shape.l, end * shape.l);
    const r0 = share ? start : 0;
    const part = await w.api.referenceRows(share ? rows : rows.slice(), B, shape, r0, r0 + end - start);
    expected.set(part, start * shape.n);
  });
  const t2 = performance.now();
  last = { inputs: { A, B, shape, dtype }, expected, seed, generateMs: t1 - t0, referenceMs: t2 - t1 };
  return last;
}

/** prepareInWorkers in the harness's shape: the same inputs and the same full check, made off the page's thread. */
export function prepareWith(pool: WorkerPool, workers: number = pool.size): Prepare {
  return async (shape, dtype, seed) => {
    const { inputs, expected } = await prepareInWorkers(pool, shape, dtype, seed, workers);
    return { inputs, check: (actual) => checkResult(actual, expected, shape, dtype) };
  };
}
