import { describe, expect, it } from 'vitest';
import { datasets } from '../../src/data/generate.ts';
import { DEFAULT_MEMORY_BUDGET_BYTES, memoryNeed, memoryRefusal } from '../../src/kernels/memory.ts';
import { findSerialVariant } from '../../src/kernels/registry.ts';
import { operandBytes } from '../../src/kernels/types.ts';

const variant = (id: string) => findSerialVariant(id)!;
const big = datasets.big;

describe('memoryRefusal()', () => {
  it('refuses indexing on the big set with a sentence that names sizes and budget', () => {
    const reason = memoryRefusal(variant('indexing'), big.shape, big.dtype);
    expect(reason).toMatch(/^indexing needs \d+\.\d GiB \(\d+\.\d GiB of it temporaries\) for 200×100000×400 \(m×l×n, f32\); the budget is 1\.0 GiB$/);
  });

  it('refuses broadcasting on the big set (an m·l·n temporary of 29.8 GiB)', () => {
    expect(memoryRefusal(variant('broadcasting'), big.shape, big.dtype)).toMatch(/^broadcasting needs 30\.\d GiB/);
  });

  it('allows naive, element-vectorised and the WebAssembly copies on the big set', () => {
    for (const id of ['naive', 'element-vectorised', 'wasm-simd']) {
      expect(memoryRefusal(variant(id), big.shape, big.dtype), id).toBeNull();
    }
  });

  it('allows indexing on the notebook sets, where it is still small', () => {
    expect(memoryRefusal(variant('indexing'), datasets.lowL.shape, 'f64')).toBeNull();
    expect(memoryRefusal(variant('indexing'), datasets.highL.shape, 'f64')).toBeNull();
  });

  it('honours a given budget, inclusive at the boundary', () => {
    const shape = { m: 2, l: 3, n: 4 };
    const need = memoryNeed(variant('naive'), shape, 'f64'); // (6 + 12 + 8)·8 = 208
    expect(need).toBe(208);
    expect(memoryRefusal(variant('naive'), shape, 'f64', 208)).toBeNull();
    expect(memoryRefusal(variant('naive'), shape, 'f64', 207)).toBe('naive needs 208 B for 2×3×4 (m×l×n, f64); the budget is 207 B');
  });

  it('counts operands plus the variant extra bytes', () => {
    const shape = { m: 2, l: 3, n: 4 };
    expect(memoryNeed(variant('indexing'), shape, 'f64')).toBe(operandBytes(shape, 'f64') + 800);
  });

  it('has a 1 GiB default', () => {
    expect(DEFAULT_MEMORY_BUDGET_BYTES).toBe(1024 ** 3);
  });
});
