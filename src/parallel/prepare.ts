// Inputs and the expected product for shapes too big for one thread: the data is
// generated in a pool worker straight into SharedArrayBuffers, and the float64
// reference is computed by the pool's workers, a block of rows each. The caller
// only awaits. The harness asks once per data sample; shapes this big have one sample
// (src/data/samples.ts), and the owner's PreparedCache keeps the last one.
import type { Prepare } from '../bench/harness.ts';
import { checkResult } from '../check/allclose.ts';
import type { Dtype, FloatArray, Shape } from '../kernels/types.ts';
import type { VariantInputs } from '../kernels/variant.ts';
import type { WorkerPool } from '../pool/pool.ts';
import { canShareMemory } from './shared-arrays.ts';
import { splitEvenly } from './tasks.ts';

export interface Prepared {
  readonly inputs: VariantInputs;
  readonly expected: Float64Array;
  readonly seed: number;
}

const sameShape = (a: Shape, b: Shape): boolean => a.m === b.m && a.l === b.l && a.n === b.n;

/**
 * The last prepared set, kept by whoever owns the pool (the dispatcher worker, the
 * figures page) so a sweep over worker counts makes it once.
 */
export interface PreparedCache {
  /** The inputs and reference for this shape, dtype and seed: the kept set when it matches, else made in `pool`'s workers. */
  prepare(pool: WorkerPool, shape: Shape, dtype: Dtype, seed: number, workers?: number): Promise<Prepared>;
  /** Forgets the kept set, so its (possibly hundreds of MiB of) memory can be freed. */
  release(): void;
}

export function createPreparedCache(): PreparedCache {
  let last: Prepared | null = null;
  // Bumped by every request and release: a set that arrives after a release (or after a newer request) is not kept.
  let generation = 0;
  return {
    async prepare(pool, shape, dtype, seed, workers = pool.size) {
      if (last && sameShape(last.inputs.shape, shape) && last.inputs.dtype === dtype && last.seed === seed) return last;
      last = null; // let the old set go before making a new one
      const asked = ++generation;
      const made = await prepareInWorkers(pool, shape, dtype, seed, workers);
      if (asked === generation) last = made;
      return made;
    },
    release() {
      generation++;
      last = null;
    },
  };
}

async function prepareInWorkers(pool: WorkerPool, shape: Shape, dtype: Dtype, seed: number, workers: number): Promise<Prepared> {
  // Without isolation the operands come back by transfer, and each worker of the
  // reference receives a copy: slower and heavier, but the message variants still run.
  const share = canShareMemory();
  const first = pool.worker(0);
  const { A, B }: { A: FloatArray; B: FloatArray } = await pool.call(first, (w) => w.api.generate(shape, dtype, seed, share));
  const expected = new Float64Array(shape.m * shape.n);
  const blocks = splitEvenly(shape.m, Math.max(1, Math.min(workers, pool.size)));
  await pool.map(blocks, blocks.length, async (w, { start, end }) => {
    const rows = share ? A : A.subarray(start * shape.l, end * shape.l);
    const r0 = share ? start : 0;
    const part = await w.api.referenceRows(share ? rows : rows.slice(), B, shape, r0, r0 + end - start);
    expected.set(part, start * shape.n);
  });
  return { inputs: { A, B, shape, dtype }, expected, seed };
}

/** `cache.prepare` in the harness's shape (one data sample per call): the same inputs and the same full check, made off the caller's thread. */
export function prepareWith(pool: WorkerPool, workers: number, cache: PreparedCache): Prepare {
  return async (shape, dtype, seed) => {
    const { inputs, expected } = await cache.prepare(pool, shape, dtype, seed, workers);
    return { inputs, check: (actual) => checkResult(actual, expected, shape, dtype) };
  };
}
