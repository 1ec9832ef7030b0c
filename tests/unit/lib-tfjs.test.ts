// The library row (lib-tfjs) in Node: TensorFlow.js's Node build of the same
// WebAssembly backend. What the bench worker does with it (lazy loading, the f64
// refusal, no tensors left behind) without a browser; tests/browser/lib-tfjs.test.ts
// runs it in the real worker and tests/e2e/lib-tfjs.test.ts under the CSP.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSerialBenchApi } from '../../src/bench/serial-api.ts';
import { checkResult } from '../../src/check/allclose.ts';
import { generateInputs } from '../../src/data/generate.ts';
import { referenceProduct } from '../../src/data/reference.ts';
import { libTfjs, releaseLibTfjs, type TfjsHandle } from '../../src/kernels/lib-tfjs.ts';
import { binaryFor } from '../../src/kernels/lib-tfjs-handle.ts';
import { loadTfjsNode } from '../../src/kernels/lib-tfjs-load-node.ts';
import type { FloatArray, Shape } from '../../src/kernels/types.ts';

let tf: TfjsHandle;
beforeAll(async () => {
  tf = await loadTfjsNode();
});

const sync = (r: FloatArray | Promise<FloatArray>): FloatArray => {
  if (r instanceof Promise) throw new Error('lib-tfjs returned a promise');
  return r;
};

function inputsOf(shape: Shape, seed: number) {
  return { ...generateInputs(shape, 'f32', seed), shape, dtype: 'f32' as const };
}

describe('lib-tfjs without the library', () => {
  const inputs = inputsOf({ m: 3, l: 4, n: 5 }, 1);

  it('refuses readably where nobody loaded TensorFlow.js', () => {
    expect(() => libTfjs.setup(inputs, { wasm: null })).toThrow(/library is not loaded here/);
    expect(libTfjs.build!({ wasm: null })).toBe('unavailable');
  });

  it('refuses with the loader’s reason when loading failed', () => {
    expect(() => libTfjs.setup(inputs, { wasm: null, tfjs: null, tfjsError: 'failed to load wasm binary' })).toThrow(
      /could not be loaded \(failed to load wasm binary\)/,
    );
  });

  it('names float64 as the reason it lists f32 only, and refuses f64 inputs in set-up too', () => {
    expect([...libTfjs.dtypes]).toEqual(['f32']);
    expect(libTfjs.dtypeRefusal!('f64')).toMatch(/no float64 tensors/);
    const shape = { m: 2, l: 2, n: 2 };
    expect(() => libTfjs.setup({ A: new Float64Array(4), B: new Float64Array(4), shape, dtype: 'f64' }, { wasm: null, tfjs: tf })).toThrow(/float32 only/);
  });

  it('picks its build name the way the backend picks its binary', () => {
    expect(binaryFor(true, false)).toBe('simd');
    expect(binaryFor(true, true)).toBe('threaded-simd');
    expect(binaryFor(false, true)).toBe('plain');
    expect(binaryFor(false, false)).toBe('plain');
  });
});

describe('lib-tfjs on TensorFlow.js (Node build, one thread)', () => {
  it('runs the single-threaded SIMD build and says so', () => {
    expect(tf.binary).toBe('simd');
    expect(tf.threads).toBe(1);
    expect(libTfjs.build!({ wasm: null, tfjs: tf })).toBe('xnnpack-simd, 1 thread');
    expect(tf.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('multiplies odd shapes correctly, with a fresh Float32Array per call', () => {
    for (const [i, shape] of [{ m: 1, l: 1, n: 1 }, { m: 17, l: 33, n: 65 }, { m: 40, l: 3, n: 1 }].entries()) {
      const inputs = inputsOf(shape, 10 + i);
      const run = libTfjs.setup(inputs, { wasm: null, tfjs: tf });
      const first = sync(run());
      const second = sync(run());
      expect(first).toBeInstanceOf(Float32Array);
      expect(second).not.toBe(first);
      const expected = referenceProduct(inputs.A, inputs.B, shape);
      for (const C of [first, second]) expect(checkResult(C, expected, shape, 'f32')).toMatchObject({ correct: true, mismatches: 0 });
    }
  });

  it('leaves no tensor behind: C is disposed every call, the inputs at the next set-up', () => {
    const ctx = { wasm: null, tfjs: tf };
    releaseLibTfjs(tf);
    const base = tf.numTensors();
    const first = libTfjs.setup(inputsOf({ m: 8, l: 9, n: 10 }, 2), ctx);
    expect(tf.numTensors()).toBe(base + 2); // a and b
    for (let k = 0; k < 5; k++) sync(first());
    expect(tf.numTensors()).toBe(base + 2);
    const second = libTfjs.setup(inputsOf({ m: 4, l: 5, n: 6 }, 3), ctx);
    expect(tf.numTensors()).toBe(base + 2);
    // The older run's tensors are gone: it throws instead of computing on freed memory.
    expect(() => first()).toThrow(/set up again/);
    sync(second());
    releaseLibTfjs(tf);
    expect(tf.numTensors()).toBe(base);
  });

  it('refuses an empty inner dimension instead of returning XNNPACK’s uninitialised C', () => {
    const shape = { m: 2, l: 0, n: 3 };
    expect(() => libTfjs.setup({ A: new Float32Array(0), B: new Float32Array(0), shape, dtype: 'f32' }, { wasm: null, tfjs: tf })).toThrow(
      /empty inner dimension/,
    );
  });
});

describe('the bench API loads TensorFlow.js lazily', () => {
  const request = (variants: string[], dtype: 'f32' | 'f64' = 'f32') => ({ variants, shape: { m: 6, l: 7, n: 5 }, dtype, samples: 5, seed: 4 });

  it('only once a request names lib-tfjs, and then only once', async () => {
    let loads = 0;
    const api = createSerialBenchApi(undefined, { loadTfjs: async () => (loads++, tf) });
    const [naive] = await api.run(request(['naive']));
    expect(naive).toMatchObject({ status: 'ok', correct: true });
    expect(loads).toBe(0);
    const [lib, tuned] = await api.run(request(['lib-tfjs', 'tuned']));
    expect(lib, JSON.stringify(lib)).toMatchObject({ status: 'ok', variant: 'lib-tfjs', correct: true, workers: 1 });
    expect(tuned).toMatchObject({ status: 'ok', correct: true });
    await api.run(request(['lib-tfjs']));
    expect(loads).toBe(1);
  });

  it('fails lib-tfjs alone, with the reason, when loading fails', async () => {
    const api = createSerialBenchApi(undefined, { loadTfjs: () => Promise.reject({ message: 'Make sure the server can serve the `.wasm` file' }) });
    const [lib, naive] = await api.run(request(['lib-tfjs', 'naive']));
    expect(lib).toMatchObject({ status: 'error', error: expect.stringContaining('could not be loaded (Make sure the server can serve the `.wasm` file)') });
    expect(naive).toMatchObject({ status: 'ok', correct: true });
  });

  it('answers an f64 request with the TensorFlow.js reason', async () => {
    const api = createSerialBenchApi(undefined, { loadTfjs: async () => tf });
    const [lib] = await api.run(request(['lib-tfjs'], 'f64'));
    expect(lib).toMatchObject({ status: 'error', error: expect.stringMatching(/no float64 tensors/) });
  });
});
