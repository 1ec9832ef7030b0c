// The measured peak and the build stamp, with the real workers (a % of peak means
// something only against a peak measured here, for the build that ran): the peak
// probe gives finite positive figures in the bench worker and in the dispatcher's
// pool, every measured result carries pctOfPeak by the rule of src/bench/peaks.ts,
// tuned and parallel-tuned say which build ran (relaxed SIMD where this engine
// compiles it, plain SIMD when forced), and parallel-tuned is correct on odd shapes
// that cross its cache blocks, in both dtypes, on 1 to 3 workers, in both builds.
// Nothing here asserts a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakFor } from '../../src/bench/peaks.ts';
import type { BenchResult, MeasuredPeaks, MeasuredResult } from '../../src/bench/protocol.ts';
import type { Dtype, Shape } from '../../src/kernels/types.ts';
import { poolPeaks } from '../../src/parallel/peaks.ts';
import { runParallel } from '../../src/parallel/run.ts';
import { WorkerPool } from '../../src/pool/pool.ts';
import { mountEnvironmentButton } from '../../src/panels/environment.ts';
import { createBrowserServices } from '../../src/panels/browser-services.ts';
import tunedRelaxedUrl from '../../src/wasm/build/tuned-relaxed.wasm?url';
import tunedParallelRelaxedUrl from '../../src/wasm/build/tuned-parallel-relaxed.wasm?url';

/** Whether this engine compiles a module: found out apart from the code under test. */
async function validates(url: string): Promise<boolean> {
  return WebAssembly.validate(new Uint8Array(await (await fetch(url)).arrayBuffer()));
}

function expectPeaks(p: MeasuredPeaks | null | undefined, workers: number): asserts p is MeasuredPeaks {
  expect(p).toBeTruthy();
  for (const key of ['f32', 'f64', 'f32Plain', 'f64Plain'] as const) {
    const f = p![key];
    expect(Number.isFinite(f.gflops), `${key} ${f.gflops}`).toBe(true);
    expect(f.gflops, key).toBeGreaterThan(0);
    expect(f.workers, key).toBe(workers);
  }
  expect(p!.f32Plain.fma).toBe(false);
  expect(p!.f64Plain.fma).toBe(false);
  expect(p!.perWorker).toBe(workers === 1);
}

function measured(r: BenchResult | undefined): MeasuredResult {
  if (!r || r.status !== 'ok') throw new Error(`expected a measured result, got ${JSON.stringify(r)}`);
  expect(r.correct, `${r.variant} ${r.dtype} ${r.m}×${r.l}×${r.n}`).toBe(true);
  return r;
}

/** pctOfPeak is filled and is exactly gflops over the peak the rule picks from the result's own env. */
function expectPct(r: MeasuredResult): void {
  const peak = peakFor(r.env.peaks, r.dtype, r.build, r.workers);
  expect(peak, `${r.variant}: a peak for ${r.dtype}, ${r.build ?? 'no build'}, ${r.workers} worker(s)`).toBeDefined();
  expect(r.pctOfPeak).toBeDefined();
  expect(r.pctOfPeak!).toBeGreaterThan(0);
  expect(r.pctOfPeak!).toBeCloseTo((100 * r.gflops) / peak!.gflops, 9);
}

// One set of workers, as the page has: the env view asks the same workers the tests measured in.
const services = createBrowserServices(window);
const { peaks: benchPeaks, run: runSerial } = services.workers.serial;
const { peaks: parallelPeaks, run: runParallelOffPage } = services.workers.parallel;

afterAll(() => services.dispose());

describe('in the bench worker', () => {
  it('measures one worker\'s peaks, finite and positive, and caches them for the worker', async () => {
    const peaks = await benchPeaks();
    expectPeaks(peaks, 1);
    expect(peaks.f32.fma).toBe(await validates(tunedRelaxedUrl));
    expect(await benchPeaks()).toEqual(peaks); // the same figures again: measured once
  });

  it('stamps tuned with the relaxed-SIMD build where it compiles, and every result with its % of peak', async () => {
    const relaxed = await validates(tunedRelaxedUrl);
    const results = await runSerial({ variants: ['tuned', 'wasm-simd', 'naive'], shape: { m: 37, l: 29, n: 41 }, dtype: 'f32', samples: 5, seed: 3 });
    const [tunedResult, simdResult, naiveResult] = results;
    const [tuned, simd, naive] = [measured(tunedResult), measured(simdResult), measured(naiveResult)];
    expect(tuned.build).toBe(relaxed ? 'relaxed-simd' : 'simd');
    expect(simd.build).toBeUndefined();
    expect(naive.build).toBeUndefined();
    for (const r of [tuned, simd, naive]) {
      expectPeaks(r.env.peaks, 1);
      expectPct(r);
    }
    // wasm-simd has no FMA build: it is held to the plain peak, tuned (relaxed) to the FMA one.
    expect(peakFor(simd.env.peaks, 'f32', simd.build, 1)).toBe(simd.env.peaks!.f32Plain);
    if (relaxed) expect(peakFor(tuned.env.peaks, 'f32', tuned.build, 1)).toBe(tuned.env.peaks!.f32);
  });

  it('falls back to the plain-SIMD build when forced, still correct, against the plain peak', async () => {
    for (const dtype of ['f32', 'f64'] as Dtype[]) {
      const [r] = await runSerial({ variants: ['tuned'], shape: { m: 67, l: 259, n: 521 }, dtype, samples: 5, seed: 4, forcePlainSimd: true });
      const tuned = measured(r);
      expect(tuned.build).toBe('simd');
      expectPct(tuned);
      expect(peakFor(tuned.env.peaks, dtype, tuned.build, 1)).toBe(dtype === 'f32' ? tuned.env.peaks!.f32Plain : tuned.env.peaks!.f64Plain);
    }
    // …and the next request without the flag gets the relaxed build again.
    const [again] = await runSerial({ variants: ['tuned'], shape: { m: 5, l: 8, n: 9 }, dtype: 'f32', samples: 5 });
    expect(measured(again).build).toBe((await validates(tunedRelaxedUrl)) ? 'relaxed-simd' : 'simd');
  });
});

describe('in the dispatcher', () => {
  it('measures the peaks of 2 pool workers probing at once, finite and positive', async () => {
    const two = await parallelPeaks(2);
    expectPeaks(two, 2);
    const one = await parallelPeaks(1);
    expectPeaks(one, 1);
    expect(two.f32.fma).toBe(await validates(tunedParallelRelaxedUrl));
  });

  it('runs parallel-tuned with its build stamped and its % of the peak of the same worker count', async () => {
    const relaxed = await validates(tunedParallelRelaxedUrl);
    for (const workers of [1, 2]) {
      const results = await runParallelOffPage({ variants: ['parallel-tuned', 'parallel-wasm'], shape: { m: 61, l: 300, n: 70 }, dtype: 'f32', samples: 5, workers, seed: 5 });
      const [tunedResult, wasmResult] = results;
      const [tuned, wasm] = [measured(tunedResult), measured(wasmResult)];
      expect(tuned.workers).toBe(workers);
      expect(tuned.build).toBe(relaxed ? 'relaxed-simd' : 'simd');
      expect(wasm.build).toBeUndefined();
      for (const r of [tuned, wasm]) {
        expectPeaks(r.env.peaks, workers);
        expectPct(r);
      }
    }
  });
});

describe('the env view', () => {
  it('shows the peaks of 1 worker and of N workers, asked from the workers that measured them', async () => {
    const button = mountEnvironmentButton(document, services.environment);
    button.click();
    const dialog = document.querySelector('dialog.env-dialog') as HTMLDialogElement;
    const n = navigator.hardwareConcurrency;
    const body = () => dialog.querySelector('tbody.env-peaks')?.textContent ?? '';
    const deadline = performance.now() + 30_000;
    while (!body().includes('Peak f64') && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(body()).toContain(`Peak f32 (1 worker / ${n} workers)`);
    expect(body()).toContain(`Peak f64 (1 worker / ${n} workers)`);
    expect(body()).not.toContain('not measured');
    expect(body()).toMatch(/\d+(\.\d+)? plain \/ .*\d+(\.\d+)? plain GFLOP\/s/);
    dialog.close();
  });
});

describe('parallel-tuned with real workers', () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = await WorkerPool.create(3);
  });
  afterAll(() => pool.dispose());

  // Few, short calls: correctness, not speed. Peaks are skipped here (measured above).
  const measure = { minSamples: 1, warmupMinCalls: 1, warmupTargetMs: 0, resolutionFactor: 1 };
  // Odd everywhere; the first crosses the k block (256), the f64 column block (256) and a
  // worker boundary inside a 60-row block; the second crosses the f32 column block (512).
  const shapes: Shape[] = [{ m: 67, l: 259, n: 261 }, { m: 13, l: 7, n: 523 }, { m: 1, l: 1, n: 1 }, { m: 3, l: 17, n: 2 }];

  for (const forcePlainSimd of [false, true]) {
    for (const dtype of ['f32', 'f64'] as Dtype[]) {
      it(`is correct on odd shapes in ${dtype} on 1, 2 and 3 workers${forcePlainSimd ? ', plain-SIMD build forced' : ''}`, async () => {
        const relaxed = !forcePlainSimd && (await validates(tunedParallelRelaxedUrl));
        for (const workers of [1, 2, 3]) {
          for (const [i, shape] of shapes.entries()) {
            const [r] = await runParallel(
              { variants: ['parallel-tuned'], shape, dtype, samples: 1, workers, seed: 11 + i, forcePlainSimd },
              { pool, measure, peaks: false },
            );
            const result = measured(r);
            expect(result.check.mismatches).toBe(0);
            expect(result.workers).toBe(workers);
            expect(result.build).toBe(relaxed ? 'relaxed-simd' : 'simd');
            expect(result.pctOfPeak).toBeUndefined(); // no peaks measured in this run
          }
        }
      });
    }
  }

  it('caches the pool peaks per worker count', async () => {
    const first = poolPeaks(pool, 3);
    expect(poolPeaks(pool, 3)).toBe(first);
    expectPeaks(await first, 3);
  });
});
