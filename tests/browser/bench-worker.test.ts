// The real bench worker, through the main-thread client, in headless Chromium.
import { afterAll, describe, expect, it } from 'vitest';
import { createSerialClient } from '../../src/bench/client.ts';
import type { Progress } from '../../src/bench/protocol.ts';

const { environment: benchEnvironment, dispose: disposeBenchWorker, run: runSerial } = createSerialClient();

afterAll(() => disposeBenchWorker());

describe('bench worker via client.ts', () => {
  it('runs a JS and a WebAssembly variant, checked, in an isolated worker with a fine timer', async () => {
    const events: Progress[] = [];
    const results = await runSerial(
      { variants: ['naive', 'wasm-simd'], shape: { m: 16, l: 9, n: 12 }, dtype: 'f32', samples: 5, seed: 7 },
      { onProgress: (p) => events.push(p) },
    );
    expect(results.map((r) => r.variant)).toEqual(['naive', 'wasm-simd']);
    for (const r of results) {
      expect(r.status, JSON.stringify(r)).toBe('ok');
      if (r.status !== 'ok') continue;
      expect(r.correct).toBe(true);
      expect(r.samplesMs).toHaveLength(5);
      expect(r.samplesMs.every((s) => s > 0)).toBe(true);
      expect(r.env.crossOriginIsolated).toBe(true);
      expect(r.env.timerResolutionMs).toBeLessThanOrEqual(0.1);
    }
    const env = await benchEnvironment();
    expect(env.crossOriginIsolated).toBe(true);
    expect(env.sharedArrayBuffer).toBe(true);
    expect(env.wasmSimd).toBe(true);
    expect(env.timerResolutionMs).toBeGreaterThan(0);
    expect(env.timerResolutionMs).toBeLessThanOrEqual(0.1);
    expect(events.some((p) => p.phase === 'sample')).toBe(true);
  });

  it('cancels a long run within 2 s by terminating the worker, then runs again', async () => {
    const controller = new AbortController();
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    // naive-plain on 600³ takes far longer than the test (several calls of ~1 s each).
    const long = runSerial(
      { variants: ['naive-plain'], shape: { m: 600, l: 600, n: 600 }, dtype: 'f64', samples: 50 },
      { signal: controller.signal, onProgress: (p) => p.phase === 'cold' && running() },
    );
    await started; // the kernel is now running inside the worker
    const t0 = performance.now();
    controller.abort();
    await expect(long).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - t0).toBeLessThan(2000);

    const after = await runSerial({ variants: ['naive'], shape: { m: 4, l: 3, n: 5 }, dtype: 'f64', samples: 5 });
    expect(after[0]).toMatchObject({ status: 'ok', variant: 'naive', correct: true });
  });
});
