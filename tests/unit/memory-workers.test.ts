// The memory guard counts what every worker holds once per worker, since each
// worker's copy takes memory of its own: pool-row sends each worker its own copy
// of B, parallel-tuned gives each a packing scratch.
import { describe, expect, it } from 'vitest';
import { datasets } from '../../src/data/generate.ts';
import { memoryNeed, memoryRefusal } from '../../src/kernels/memory.ts';
import { operandBytes } from '../../src/kernels/types.ts';
import { TUNED_SCRATCH_BYTES } from '../../src/kernels/wasm-module.ts';
import { findParallelVariant } from '../../src/parallel/variants.ts';

const variant = (id: string) => findParallelVariant(id)!;
const { shape, dtype } = datasets.big; // 200×100000×400, f32
const bOfBig = 100_000 * 400 * 4; // 160 000 000 B ≈ 152.6 MiB

describe('memory guard per worker', () => {
  it('refuses pool-row on the big set with 8 workers, naming the copy each worker gets', () => {
    const reason = memoryRefusal(variant('pool-row'), shape, dtype, undefined, 8);
    // A, B, C 229.2 MiB; rows of A twice and B once on the sending side 305.2 MiB; 8 × 152.6 MiB of B in the workers.
    expect(memoryNeed(variant('pool-row'), shape, dtype, 8)).toBe(operandBytes(shape, dtype) + 320_000_000 + 8 * bOfBig);
    expect(reason).toBe(
      'pool-row needs 1.7 GiB (1.5 GiB of it temporaries, 152.6 MiB of them in each of 8 workers) for 200×100000×400 (m×l×n, f32); the budget is 1.0 GiB',
    );
  });

  it('allows pool-row on the big set with 2 or 3 workers, where it fits, and refuses 4', () => {
    expect(memoryRefusal(variant('pool-row'), shape, dtype, undefined, 2)).toBeNull(); // 839.5 MiB
    expect(memoryRefusal(variant('pool-row'), shape, dtype, undefined, 3)).toBeNull(); // 992.1 MiB < 1 GiB
    expect(memoryRefusal(variant('pool-row'), shape, dtype, undefined, 4)).toMatch(/^pool-row needs 1\.1 GiB .*in each of 4 workers/);
  });

  it('lets the variants that share memory run on 8 workers: nothing is copied per worker', () => {
    for (const id of ['shared-element', 'shared-row', 'parallel-wasm']) {
      expect(memoryNeed(variant(id), shape, dtype, 8), id).toBe(memoryNeed(variant(id), shape, dtype, 1));
      expect(memoryRefusal(variant(id), shape, dtype, undefined, 8), id).toBeNull();
    }
  });

  it("counts parallel-tuned's scratch once per worker", () => {
    const v = variant('parallel-tuned');
    expect(memoryNeed(v, shape, dtype, 4) - memoryNeed(v, shape, dtype, 1)).toBe(3 * TUNED_SCRATCH_BYTES);
    expect(memoryNeed(v, shape, dtype, 1)).toBe(2 * operandBytes(shape, dtype) + TUNED_SCRATCH_BYTES);
  });

  it('counts one worker when none is named (the serial variants)', () => {
    expect(memoryNeed(variant('pool-row'), shape, dtype)).toBe(memoryNeed(variant('pool-row'), shape, dtype, 1));
  });
});
