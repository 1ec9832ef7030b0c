// Every serial variant, both dtypes, against the float64 reference on awkward shapes.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkResult } from '../../src/check/allclose.ts';
import { generateInputs } from '../../src/data/generate.ts';
import { referenceProduct } from '../../src/data/reference.ts';
import { findSerialVariant, serialVariants, type KernelContext } from '../../src/kernels/registry.ts';
import { arrayFor, type Dtype, type FloatArray, type Shape } from '../../src/kernels/types.ts';
import { loadWasmKernels } from '../../src/wasm/load.ts';
import { loadTfjsNode } from '../../src/kernels/lib-tfjs-load-node.ts';

const shapes: Shape[] = [
  { m: 1, l: 1, n: 1 },
  { m: 3, l: 1, n: 4 }, // l = 1
  { m: 7, l: 13, n: 5 }, // primes
  { m: 9, l: 4, n: 17 }, // SIMD blocks plus an edge row and an edge column
  { m: 16, l: 33, n: 24 }, // whole blocks only (f32: 8 columns, f64: 4)
  { m: 1, l: 50, n: 1 }, // 1×k×1
  { m: 12, l: 1, n: 12 }, // k×1×k
  { m: 2, l: 0, n: 3 }, // empty inner dimension: C is all zeros
];
const dtypes: Dtype[] = ['f64', 'f32'];

/** Serial variants answer synchronously; a promise here would be a bug. */
function sync(result: FloatArray | Promise<FloatArray>): FloatArray {
  if (result instanceof Promise) throw new Error('a serial variant returned a promise');
  return result;
}

let ctx: KernelContext;
beforeAll(async () => {
  // lib-tfjs: TensorFlow.js's Node build of the same WebAssembly backend (one thread).
  ctx = { wasm: await loadWasmKernels(), tfjs: await loadTfjsNode() };
});

/** Variants that run one dtype only (the library row: TensorFlow.js has no float64). */
const ONLY_F32 = new Set(['lib-tfjs']);
/** The f64 cases run in f32 for them; every other variant keeps its f64 case. */
const exactDtype = (id: string): Dtype => (ONLY_F32.has(id) ? 'f32' : 'f64');

describe('serialVariants', () => {
  it('lists every agreed id once, in lecture order', () => {
    expect(serialVariants.map((v) => v.id)).toEqual([
      'naive', 'naive-plain', 'element-vectorised', 'indexing', 'broadcasting',
      'wasm-element', 'wasm-whole', 'wasm-scalar', 'wasm-simd', 'tuned', 'lib-tfjs',
      'ikj', 'transposed-b', 'layout-rr', 'layout-rc', 'layout-cr', 'layout-cc',
    ]);
  });

  it('gives each variant a description, a section and both dtypes (lib-tfjs: f32, with its reason for f64)', () => {
    for (const v of serialVariants) {
      expect(v.description.length, v.id).toBeGreaterThan(10);
      expect(v.section, v.id).toMatch(/^\d(\.\d)*$/);
      if (ONLY_F32.has(v.id)) {
        expect([...v.dtypes], v.id).toEqual(['f32']);
        expect(v.dtypeRefusal?.('f64'), v.id).toMatch(/float64/);
      } else {
        expect([...v.dtypes].sort(), v.id).toEqual(['f32', 'f64']);
      }
    }
  });

  it('finds a variant by id and returns undefined for an unknown id', () => {
    expect(findSerialVariant('wasm-simd')?.id).toBe('wasm-simd');
    expect(findSerialVariant('no-such-variant')).toBeUndefined();
  });
});

describe.each(serialVariants.map((v) => [v.id, v] as const))('%s', (_id, variant) => {
  it.each(dtypes)('matches the reference on every shape (%s)', (dtype) => {
    // lib-tfjs in f64: nothing to run, TensorFlow.js has no float64 (the refusal is checked above and in lib-tfjs.test.ts).
    if (!variant.dtypes.includes(dtype)) return void expect(ONLY_F32.has(variant.id), variant.id).toBe(true);
    for (const [index, shape] of shapes.entries()) {
      const { A, B } = generateInputs(shape, dtype, 100 + index);
      if (variant.id === 'lib-tfjs' && shape.l === 0) {
        // XNNPACK rejects l = 0 and the backend returns C uninitialised: the variant refuses instead.
        expect(() => variant.setup({ A, B, shape, dtype }, ctx)).toThrow(/empty inner dimension/);
        continue;
      }
      const run = variant.setup({ A, B, shape, dtype }, ctx);
      const C = sync(run());
      expect(C).toBeInstanceOf(arrayFor(dtype));
      const check = checkResult(C, referenceProduct(A, B, shape), shape, dtype);
      expect(check, `${shape.m}×${shape.l}×${shape.n}`).toMatchObject({ correct: true, mismatches: 0 });
    }
  });

  it('computes a hand-worked 2×2 product exactly, twice in a row', () => {
    const shape = { m: 2, l: 2, n: 2 };
    const dtype = exactDtype(variant.id);
    const Ctor = arrayFor(dtype);
    const run = variant.setup({ A: new Ctor([1, 2, 3, 4]), B: new Ctor([5, 6, 7, 8]), shape, dtype }, ctx);
    expect(Array.from(sync(run()))).toEqual([19, 22, 43, 50]);
    // A second call must not accumulate on top of the first.
    expect(Array.from(sync(run()))).toEqual([19, 22, 43, 50]);
  });

  it('handles negative numbers', () => {
    const shape = { m: 1, l: 3, n: 2 };
    const A = new Float32Array([-1, 2, -3]);
    const B = new Float32Array([1, -2, 3, 4, -5, 6]); // rows [1,-2], [3,4], [-5,6]
    const C = sync(variant.setup({ A, B, shape, dtype: 'f32' }, ctx)());
    expect(Array.from(C)).toEqual([-1 + 6 + 15, 2 + 8 - 18]);
  });

  it('rejects inputs that do not match the shape', () => {
    const shape = { m: 2, l: 3, n: 2 };
    expect(() => variant.setup({ A: new Float64Array(5), B: new Float64Array(6), shape, dtype: 'f64' }, ctx)).toThrow(/do not match/);
  });
});

describe('WebAssembly variants', () => {
  const shape = { m: 5, l: 6, n: 9 };
  const inputs = { ...generateInputs(shape, 'f32', 7), shape, dtype: 'f32' as const };

  it('refuse with a readable reason when the kernels are not loaded', () => {
    for (const id of ['wasm-element', 'wasm-whole', 'wasm-scalar', 'wasm-simd', 'tuned']) {
      expect(() => findSerialVariant(id)!.setup(inputs, { wasm: null })).toThrow(/not loaded/);
    }
  });

  it('wasm-simd refuses with the engine reason when SIMD is unavailable, the others still run', () => {
    const noSimd: KernelContext = { wasm: { ...ctx.wasm!, simd: null, simdError: 'CompileError: invalid opcode 0xfd' } };
    expect(() => findSerialVariant('wasm-simd')!.setup(inputs, noSimd)).toThrow(/cannot run WebAssembly SIMD \(CompileError: invalid opcode 0xfd\)/);
    const C = sync(findSerialVariant('wasm-scalar')!.setup(inputs, noSimd)());
    expect(checkResult(C, referenceProduct(inputs.A, inputs.B, shape), shape, 'f32').correct).toBe(true);
  });

  it('loads SIMD in this Node (V8 has had WebAssembly SIMD since Node 16.4)', () => {
    expect(ctx.wasm!.simd).not.toBeNull();
    expect(ctx.wasm!.simdError).toBeNull();
  });

  it('keep separate memories, so interleaved set-ups do not overwrite each other', () => {
    const other = { ...generateInputs(shape, 'f32', 8), shape, dtype: 'f32' as const };
    const whole = findSerialVariant('wasm-whole')!.setup(inputs, ctx);
    const simd = findSerialVariant('wasm-simd')!.setup(other, ctx);
    expect(checkResult(sync(whole()), referenceProduct(inputs.A, inputs.B, shape), shape, 'f32').correct).toBe(true);
    expect(checkResult(sync(simd()), referenceProduct(other.A, other.B, shape), shape, 'f32').correct).toBe(true);
  });

  it('a stale run of the same variant throws instead of computing on replaced data', () => {
    const first = findSerialVariant('wasm-whole')!.setup(inputs, ctx);
    findSerialVariant('wasm-whole')!.setup({ ...inputs, A: new Float32Array(30), B: new Float32Array(54) }, ctx);
    expect(() => first()).toThrow(/set up again/);
  });

  it('grows linear memory for operands larger than the initial memory', () => {
    const big = { m: 300, l: 300, n: 300 }; // 1.03 MiB in f32, more than the first 64 KiB page
    const data = { ...generateInputs(big, 'f32', 3), shape: big, dtype: 'f32' as const };
    const C = sync(findSerialVariant('wasm-simd')!.setup(data, ctx)());
    expect(checkResult(C, referenceProduct(data.A, data.B, big), big, 'f32').correct).toBe(true);
  });
});
