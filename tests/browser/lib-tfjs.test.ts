// The library row in the real bench worker (headless Chromium, cross-origin
// isolated): TensorFlow.js loaded lazily from this origin's assets, one thread.
import { afterAll, describe, expect, it } from 'vitest';
import { createSerialClient } from '../../src/bench/client.ts';
import { checkResult } from '../../src/check/allclose.ts';
import { generateInputs } from '../../src/data/generate.ts';
import { referenceProduct } from '../../src/data/reference.ts';
import { libTfjs, releaseLibTfjs } from '../../src/kernels/lib-tfjs.ts';
import { loadTfjs, TFJS_WASM_URLS } from '../../src/kernels/lib-tfjs-load.ts';

const { dispose: disposeBenchWorker, run: runSerial } = createSerialClient();

afterAll(() => disposeBenchWorker());

describe('lib-tfjs in the bench worker', () => {
  it('multiplies odd shapes and 256³ correctly', async () => {
    for (const shape of [{ m: 1, l: 1, n: 1 }, { m: 17, l: 33, n: 65 }, { m: 256, l: 256, n: 256 }]) {
      const [r] = await runSerial({ variants: ['lib-tfjs'], shape, dtype: 'f32', samples: 5, seed: 11 });
      expect(r, JSON.stringify(r)).toMatchObject({ status: 'ok', variant: 'lib-tfjs', correct: true, workers: 1 });
      if (r?.status !== 'ok') continue;
      expect(r.samplesMs).toHaveLength(5);
      expect(r.env.crossOriginIsolated).toBe(true); // threads would be possible here: one is a choice
    }
  });

  it('refuses f64 with the TensorFlow.js reason, and runs tuned in the same request', async () => {
    const results = await runSerial({ variants: ['lib-tfjs', 'tuned'], shape: { m: 9, l: 8, n: 7 }, dtype: 'f64', samples: 5 });
    expect(results[0]).toMatchObject({ status: 'error', variant: 'lib-tfjs', error: expect.stringMatching(/TensorFlow\.js has no float64 tensors/) });
    expect(results[1]).toMatchObject({ status: 'ok', variant: 'tuned', correct: true });
  });
});

// The build string is not part of BenchResult (the harness does not carry `build`),
// so it is checked on the same loader the worker uses, in this page.
describe('the Vite loader, in this page', () => {
  it('serves the three binaries from this origin and starts the single-threaded SIMD build', async () => {
    for (const url of Object.values(TFJS_WASM_URLS)) expect(new URL(url, location.href).origin).toBe(location.origin);
    const tf = await loadTfjs();
    expect(tf.binary).toBe('simd');
    expect(tf.threads).toBe(1);
    expect(libTfjs.build!({ wasm: null, tfjs: tf })).toBe('xnnpack-simd, 1 thread');
    // The binary the backend fetched (its module imports `…wasm?url` are script loads, not fetches).
    const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.initiatorType === 'fetch' && e.name.includes('.wasm'));
    expect(fetched.map((e) => e.name)).toEqual([new URL(TFJS_WASM_URLS['tfjs-backend-wasm-simd.wasm'], location.href).href]);
  });

  it('keeps the heap bounded over repeated set-ups', async () => {
    const tf = await loadTfjs();
    releaseLibTfjs(tf);
    const base = tf.numTensors();
    const shape = { m: 64, l: 48, n: 80 };
    for (let k = 0; k < 3; k++) {
      const { A, B } = generateInputs(shape, 'f32', k);
      const run = libTfjs.setup({ A, B, shape, dtype: 'f32' }, { wasm: null, tfjs: tf });
      for (let c = 0; c < 3; c++) {
        const C = await run();
        expect(checkResult(C, referenceProduct(A, B, shape), shape, 'f32').correct).toBe(true);
      }
      expect(tf.numTensors()).toBe(base + 2);
    }
    releaseLibTfjs(tf);
    expect(tf.numTensors()).toBe(base);
  });
});
