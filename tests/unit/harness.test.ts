import { describe, expect, it } from 'vitest';
import { prepareHere, runRequest, type HarnessOptions, type Prepare } from '../../src/bench/harness.ts';
import { LONG_CALL_MEASURE } from '../../src/bench/measure.ts';
import { checkResult } from '../../src/check/allclose.ts';
import { datasets, generateInputs, sampleSeed } from '../../src/data/generate.ts';
import type { BenchRequest, BenchResult, MeasuredResult, Progress } from '../../src/bench/protocol.ts';
import { referenceProduct } from '../../src/data/reference.ts';
import type { Shape } from '../../src/kernels/types.ts';
import type { RunOnce, Variant, VariantInputs } from '../../src/kernels/variant.ts';
import { env } from './series-fixtures.ts';


/** One fake clock shared by the harness and the fake kernels: only kernels move it. */
function fakeClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}
type Clock = ReturnType<typeof fakeClock>;

interface FakeOptions {
  perCallMs?: number;
  coldExtraMs?: number;
  /** Return a wrong C from this call on (1 = the cold call). */
  wrongFromCall?: number;
  setupThrows?: string;
  runThrows?: string;
  async?: boolean;
  workers?: number;
  extraBytes?: number;
  /** Receives the inputs the variant was set up with. */
  seen?: VariantInputs[];
  /** Return a wrong C whenever the variant is set up on inputs for which this is true. */
  wrongWhen?: (inputs: VariantInputs) => boolean;
  /** Bytes each worker holds (Variant.workerBytes). */
  workerBytes?: number;
}

/** A variant whose calls advance the fake clock by a known amount and log their id. */
function fake(id: string, clock: Clock, log: string[], o: FakeOptions = {}): Variant<{ tag: string }> {
  const { perCallMs = 0.002, coldExtraMs = 0 } = o;
  return {
    id,
    description: `fake ${id}`,
    section: '0',
    dtypes: ['f64'],
    extraBytes: () => o.extraBytes ?? 0,
    workerBytes: o.workerBytes !== undefined ? () => o.workerBytes! : undefined,
    workersUsed: o.workers ? () => o.workers! : undefined,
    copiedBytes: o.workers ? (shape: Shape) => shape.m * 8 : undefined,
    chunkSize: o.workers ? (shape: Shape) => shape.n + 1 : undefined,
    setup(inputs, ctx) {
      expect(ctx.tag).toBe('ctx'); // the context reaches the variant
      if (o.setupThrows) throw new Error(o.setupThrows);
      o.seen?.push(inputs);
      const good = referenceProduct(inputs.A, inputs.B, inputs.shape);
      const bad = good.map((x) => x + 1);
      const wrongData = o.wrongWhen?.(inputs) ?? false;
      let calls = 0;
      const sync = () => {
        calls++;
        log.push(id);
        if (o.runThrows && calls > 1) throw new Error(o.runThrows);
        clock.t += perCallMs + (calls === 1 ? coldExtraMs : 0);
        return wrongData || (o.wrongFromCall !== undefined && calls >= o.wrongFromCall) ? bad : good;
      };
      const run: RunOnce = o.async ? () => Promise.resolve().then(sync) : sync;
      return run;
    },
  };
}

const shape = { m: 3, l: 4, n: 2 };
const request = (variants: string[], extra: Partial<BenchRequest> = {}): BenchRequest => ({
  variants,
  shape,
  dtype: 'f64',
  samples: 6,
  seed: 1,
  ...extra,
});
const options = (clock: Clock, extra: Partial<HarnessOptions<{ tag: string }>> = {}): HarnessOptions<{ tag: string }> => ({
  now: clock.now,
  timerResolutionMs: 0.005,
  env,
  ctx: { tag: 'ctx' },
  measure: { warmupTargetMs: 1, warmupMinCalls: 2 },
  timestamp: () => '2026-01-01T00:00:00.000Z',
  ...extra,
});
function ok(r: BenchResult | undefined): MeasuredResult {
  if (!r || r.status !== 'ok') throw new Error(`expected a measured result, got ${JSON.stringify(r)}`);
  return r;
}

describe('runRequest', () => {
  it('batches calls so that one sample lasts ≥ 100× the timer resolution', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(request(['a']), [fake('a', clock, [], { perCallMs: 0.002 })], options(clock));
    const m = ok(r);
    expect(m.batch * 0.002).toBeGreaterThanOrEqual(100 * 0.005);
    // Per-call samples, not per-batch: each is the fake kernel's 2 µs.
    for (const s of m.samplesMs) expect(s).toBeCloseTo(0.002, 9);
    expect(m.medianMs).toBeCloseTo(0.002, 9);
    expect(m.gflops).toBeCloseTo((2 * 3 * 4 * 2) / (0.002 * 1e6), 6);
  });

  it('does not batch a kernel that is slow enough on its own', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(request(['a']), [fake('a', clock, [], { perCallMs: 5 })], options(clock));
    expect(ok(r).batch).toBe(1);
  });

  it('takes the requested samples, and never fewer than 5', async () => {
    const clock = fakeClock();
    const v = [fake('a', clock, [])];
    expect(ok((await runRequest(request(['a'], { samples: 8 }), v, options(clock)))[0]).samplesMs).toHaveLength(8);
    expect(ok((await runRequest(request(['a'], { samples: 2 }), v, options(clock)))[0]).samplesMs).toHaveLength(5);
  });

  it('keeps the cold call apart from the samples', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(
      request(['a']),
      [fake('a', clock, [], { perCallMs: 0.01, coldExtraMs: 40 })],
      options(clock),
    );
    const m = ok(r);
    expect(m.coldMs).toBeCloseTo(40.01, 9);
    expect(Math.max(...m.samplesMs)).toBeCloseTo(0.01, 9);
  });

  it('samples variants in interleaved rounds A, B, C, A, B, C, …', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    let samplingStarts = -1;
    const onProgress = (p: Progress) => {
      if (p.phase === 'sample' && samplingStarts < 0) samplingStarts = log.length;
    };
    const vs = ['a', 'b', 'c'].map((id, k) => fake(id, clock, log, { perCallMs: 0.001 * (k + 1) }));
    const results = await runRequest(request(['a', 'b', 'c'], { samples: 5 }), vs, options(clock, { onProgress }));
    // Collapse each batch of consecutive calls to one letter.
    const blocks = log.slice(samplingStarts).filter((id, k, all) => k === 0 || all[k - 1] !== id);
    expect(blocks.join('')).toBe('abc'.repeat(5));
    // And each block was exactly one batch long.
    const batches = results.map((r) => ok(r).batch);
    const firstBlock = log.slice(samplingStarts, samplingStarts + batches[0]!);
    expect(firstBlock.every((id) => id === 'a')).toBe(true);
    expect(log[samplingStarts + batches[0]!]).toBe('b');
  });

  it('reports a wrong kernel as measured but incorrect', async () => {
    const clock = fakeClock();
    const results = await runRequest(
      request(['good', 'bad']),
      [fake('good', clock, []), fake('bad', clock, [], { wrongFromCall: 1 })],
      options(clock),
    );
    expect(ok(results[0]).correct).toBe(true);
    const bad = ok(results[1]);
    expect(bad.correct).toBe(false);
    expect(bad.check.correct).toBe(false);
    expect(bad.check.mismatches).toBe(shape.m * shape.n);
  });

  it('checks the last measured result, not only the cold one', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(request(['late']), [fake('late', clock, [], { wrongFromCall: 2 })], options(clock));
    expect(ok(r).correct).toBe(false);
  });

  it('turns a throwing setup into a failed result with its reason, and runs the others', async () => {
    const clock = fakeClock();
    const results = await runRequest(
      request(['x', 'a']),
      [fake('x', clock, [], { setupThrows: 'WebAssembly SIMD is not supported here' }), fake('a', clock, [])],
      options(clock),
    );
    expect(results[0]).toMatchObject({ status: 'error', variant: 'x', error: 'WebAssembly SIMD is not supported here' });
    // Only what is known: no placeholder times, rate or verdict.
    expect(Object.keys(results[0]!).sort()).toEqual(['at', 'dtype', 'env', 'error', 'l', 'm', 'n', 'status', 'variant', 'workers']);
    expect(ok(results[1]).correct).toBe(true);
  });

  it('turns a kernel that throws while sampling into a failed result', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(request(['t']), [fake('t', clock, [], { runThrows: 'boom' })], options(clock));
    expect(r).toMatchObject({ status: 'error', error: 'boom' });
  });

  it('reports unknown ids and unsupported dtypes in request order', async () => {
    const clock = fakeClock();
    const results = await runRequest(
      request(['nope', 'a'], { dtype: 'f32' }),
      [fake('a', clock, [])],
      options(clock),
    );
    expect(results.map((r) => r.variant)).toEqual(['nope', 'a']);
    expect(results[0]).toMatchObject({ status: 'error', error: expect.stringContaining('unknown variant') });
    expect(results[1]).toMatchObject({ status: 'error', error: expect.stringContaining('f32') });
    expect(results[1]).toMatchObject({ m: 3, l: 4, n: 2, dtype: 'f32', workers: 1, env });
  });

  it('refuses a variant above the memory budget with the guard\'s reason', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(
      request(['hog'], { memoryBudgetBytes: 1000 }),
      [fake('hog', clock, [], { extraBytes: 1e9 })],
      options(clock),
    );
    expect(r?.status).toBe('error');
    if (r?.status === 'error') expect(r.error.length).toBeGreaterThan(0);
  });

  it('measures asynchronous kernels and reports their workers and copied bytes', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(
      request(['p']),
      [fake('p', clock, [], { async: true, workers: 2, perCallMs: 0.3 })],
      options(clock),
    );
    const m = ok(r);
    expect(m.correct).toBe(true);
    expect(m.workers).toBe(2);
    expect(m.copiedBytes).toBe(3 * 8);
    expect(m.chunkSize).toBe(request(['p']).shape.n + 1); // the variant's own answer, passed through
    expect(m.medianMs).toBeCloseTo(0.3, 9);
    expect(m.batch * 0.3).toBeGreaterThanOrEqual(0.5);
  });

  it('fills the flat result fields', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(request(['a']), [fake('a', clock, [], { extraBytes: 96 })], options(clock));
    const m = ok(r);
    expect(m).toMatchObject({ variant: 'a', m: 3, l: 4, n: 2, dtype: 'f64', workers: 1, extraBytes: 96, env });
    expect(m.at).toBe('2026-01-01T00:00:00.000Z');
    expect(m.stats.medianMs).toBe(m.medianMs);
    expect(m.stats.noisy).toBe(false);
  });

  it('stops with an AbortError when cancelled, between calls', async () => {
    const clock = fakeClock();
    const ctrl = new AbortController();
    let calls = 0;
    const v = fake('a', clock, []);
    const slow: Variant<{ tag: string }> = {
      ...v,
      setup(inputs, ctx) {
        const run = v.setup(inputs, ctx);
        return () => {
          if (++calls === 20) ctrl.abort();
          return run();
        };
      },
    };
    await expect(runRequest(request(['a']), [slow], options(clock, { signal: ctrl.signal }))).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(calls).toBe(20);
  });

  it('reports progress: variant k of n and sample j of s', async () => {
    const clock = fakeClock();
    const events: Progress[] = [];
    await runRequest(request(['a', 'b'], { samples: 5 }), [fake('a', clock, []), fake('b', clock, [])], options(clock, {
      onProgress: (p) => events.push(p),
    }));
    expect(new Set(events.map((e) => e.phase))).toEqual(new Set(['setup', 'cold', 'warmup', 'sample', 'check', 'done']));
    const samplesOfB = events.filter((e) => e.variant === 'b' && e.phase === 'sample');
    expect(samplesOfB.map((e) => e.sample)).toEqual([1, 2, 3, 4, 5]);
    expect(events.every((e) => e.variantCount === 2 && e.sampleCount === 5)).toBe(true);
    expect(samplesOfB.every((e) => e.variantIndex === 1)).toBe(true);
  });

  describe('with prepare (inputs made elsewhere, e.g. in workers)', () => {
    // Data unlike anything the seed gives, so a harness that ignored prepare would be caught.
    const A = Float64Array.from({ length: shape.m * shape.l }, (_, k) => 100 + k);
    const B = Float64Array.from({ length: shape.l * shape.n }, (_, k) => -3 * k);
    const expected = referenceProduct(A, B, shape);

    it('hands the prepared inputs to every variant and judges results with the prepared check', async () => {
      const clock = fakeClock();
      const calls: unknown[][] = [];
      const checked: Float64Array[] = [];
      const prepare: Prepare = async (...args) => {
        calls.push(args);
        return {
          inputs: { A, B, shape, dtype: 'f64' },
          check: (actual) => (checked.push(actual as Float64Array), checkResult(actual, expected, shape, 'f64')),
        };
      };
      const seen: VariantInputs[] = [];
      const results = await runRequest(
        request(['a', 'b'], { seed: 9 }),
        [fake('a', clock, [], { seen }), fake('b', clock, [], { seen })],
        options(clock, { prepare }),
      );
      expect(calls).toEqual([[shape, 'f64', 9]]); // once for all variants
      expect(seen).toHaveLength(2);
      for (const inputs of seen) {
        expect(inputs.A).toBe(A);
        expect(inputs.B).toBe(B);
      }
      // The seed's data would give another product: the prepared one is what the variants returned.
      const fromSeed = generateInputs(shape, 'f64', 9);
      expect(Array.from(referenceProduct(fromSeed.A, fromSeed.B, shape))).not.toEqual(Array.from(expected));
      // Every product is checked: the cold call and each of the 6 samples' last call, per variant.
      expect(checked.length).toBe(2 * (1 + 6));
      for (const c of checked) expect(Array.from(c)).toEqual(Array.from(expected));
      for (const r of results) expect(ok(r)).toMatchObject({ correct: true, dataSamples: 1, checkedProducts: 7 });
    });

    it('reports what the prepared check says, even when the full reference would agree', async () => {
      const clock = fakeClock();
      const failing: Prepare = () => ({
        inputs: { A, B, shape, dtype: 'f64' },
        check: () => ({ correct: false, maxAbsError: 1, mismatches: 1, rtol: 1e-5, atol: 1e-8 }),
      });
      const [r] = await runRequest(request(['a']), [fake('a', clock, [])], options(clock, { prepare: failing }));
      expect(ok(r).correct).toBe(false);
      expect(ok(r).check.mismatches).toBe(1);
    });

    it('turns a failing prepare into failed results, without running any variant', async () => {
      const clock = fakeClock();
      const log: string[] = [];
      const results = await runRequest(request(['a', 'nope']), [fake('a', clock, log)], options(clock, {
        prepare: async () => {
          throw new Error('out of memory');
        },
      }));
      expect(results[0]).toMatchObject({ status: 'error', variant: 'a', error: expect.stringContaining('out of memory') });
      expect(results[1]).toMatchObject({ status: 'error', error: expect.stringContaining('unknown variant') });
      expect(log).toEqual([]);
    });
  });

  it('with the long-call rules, times single calls: no warm-up loop, still at least 5 samples', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    const [r] = await runRequest(
      request(['slow'], { samples: 2 }),
      [fake('slow', clock, log, { perCallMs: 2000, coldExtraMs: 500 })],
      options(clock, { measure: LONG_CALL_MEASURE }),
    );
    const m = ok(r);
    expect(log).toHaveLength(6); // the cold call and five samples: 2 asked, raised to the minimum
    expect(m.samplesMs).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(m.coldMs).toBe(2500);
    expect(m.batch).toBe(1);
    expect(m.correct).toBe(true);
  });

  it('with the long-call rules, still batches a call shorter than the timer allows', async () => {
    const clock = fakeClock();
    const [r] = await runRequest(
      request(['fast'], { samples: 1 }),
      [fake('fast', clock, [], { perCallMs: 0.002 })],
      options(clock, { measure: LONG_CALL_MEASURE }),
    );
    const m = ok(r);
    expect(m.samplesMs).toHaveLength(5);
    expect(m.batch * 0.002).toBeGreaterThanOrEqual(100 * 0.005);
  });
});

describe('runRequest with GPU-style variants', () => {
  it("uses a variant's own reason for a type it does not support", async () => {
    const clock = fakeClock();
    const own: Variant<{ tag: string }> = { ...fake('gpu', clock, []), dtypes: ['f32'], dtypeRefusal: (d) => `no ${d} here, only f32` };
    const plain: Variant<{ tag: string }> = { ...fake('plain', clock, []), dtypes: ['f32'] };
    const [a, b] = await runRequest(request(['gpu', 'plain']), [own, plain], options(clock));
    expect(a).toMatchObject({ status: 'error', error: 'no f64 here, only f32' });
    expect(b).toMatchObject({ status: 'error', error: 'plain does not support f64 (only f32)' });
  });

  it("keeps the median of each sample's kernel time and the bytes moved, apart from the wall time", async () => {
    const clock = fakeClock();
    const base = fake('gpu', clock, [], { perCallMs: 1 });
    // The kernel takes a different share of each call: 0.1, 0.2, … ms; the cold call's is not a sample.
    let calls = 0;
    let last: { kernelMs?: number; bytesMoved: number } | undefined;
    const gpu: Variant<{ tag: string }> = {
      ...base,
      setup(inputs, ctx) {
        const run = base.setup(inputs, ctx) as () => Float64Array;
        return () => {
          calls++;
          last = { kernelMs: calls === 1 ? 999 : calls / 10, bytesMoved: 1234 };
          return run();
        };
      },
      lastTiming: () => last,
    };
    const [r] = await runRequest(request(['gpu'], { samples: 5 }), [gpu], options(clock, { measure: { warmupTargetMs: 0, warmupMinCalls: 0 } }));
    const m = ok(r);
    expect(m.batch).toBe(1);
    expect(m.samplesMs).toHaveLength(5);
    expect(m.medianMs).toBeCloseTo(1, 9);
    expect(m.bytesMoved).toBe(1234);
    // Samples were calls 2…6 (after any warm-up calls): the median kernel time is that of the middle sample.
    expect(m.kernelMs).toBeCloseTo((calls - 2) / 10, 9);
    expect(m.kernelMs).not.toBe(999);
  });

  it('leaves kernelMs out when the device reports no kernel time', async () => {
    const clock = fakeClock();
    const base = fake('gpu', clock, [], { perCallMs: 1 });
    const gpu: Variant<{ tag: string }> = { ...base, lastTiming: () => ({ bytesMoved: 8 }) };
    const m = ok((await runRequest(request(['gpu']), [gpu], options(clock)))[0]);
    expect(m.bytesMoved).toBe(8);
    expect('kernelMs' in m).toBe(false);
    const cpu = ok((await runRequest(request(['a']), [fake('a', clock, [])], options(clock)))[0]);
    expect('bytesMoved' in cpu || 'kernelMs' in cpu).toBe(false);
  });

  it('stamps the build a variant ran and its % of the peak for its dtype, build and worker count', async () => {
    const clock = fakeClock();
    const peaks = {
      f32: { gflops: 500, fma: true, workers: 2 },
      f64: { gflops: 250, fma: true, workers: 2 },
      f32Plain: { gflops: 200, fma: false, workers: 2 },
      f64Plain: { gflops: 100, fma: false, workers: 2 },
      perWorker: false,
    };
    const withBuild = (id: string, build: string, workers: number): Variant<{ tag: string }> => ({ ...fake(id, clock, [], { perCallMs: 1, workers }), build: () => build });
    const variants = [withBuild('fma', 'relaxed-simd', 2), withBuild('plain', 'simd', 2), fake('none', clock, [], { perCallMs: 1, workers: 2 }), withBuild('one', 'relaxed-simd', 1)];
    const results = await runRequest(request(['fma', 'plain', 'none', 'one']), variants, options(clock, { env: { ...env, peaks } }));
    const [fmaResult, plainResult, noneResult, oneResult] = results;
    const [fma, plain, none, one] = [ok(fmaResult), ok(plainResult), ok(noneResult), ok(oneResult)];
    // 3×4×2 f64 in 1 ms = 0.000048 GFLOP/s: against the f64 FMA figure (250), the plain one (100).
    expect(fma.build).toBe('relaxed-simd');
    expect(fma.pctOfPeak).toBeCloseTo((100 * fma.gflops) / 250, 12);
    expect(plain.build).toBe('simd');
    expect(plain.pctOfPeak).toBeCloseTo((100 * plain.gflops) / 100, 12);
    expect('build' in none).toBe(false);
    expect(none.pctOfPeak).toBeCloseTo((100 * none.gflops) / 100, 12); // no build: the plain peak
    expect('pctOfPeak' in one).toBe(false); // its worker count (1) has no measured peak here
    const noPeaks = ok((await runRequest(request(['fma']), variants, options(clock)))[0]);
    expect(noPeaks.build).toBe('relaxed-simd');
    expect('pctOfPeak' in noPeaks).toBe(false);
  });
});

describe('runRequest on a named data set (2.1: several samples, each checked)', () => {
  const lowL = datasets.lowL.shape;
  const onLowL = (variants: string[], extra: Partial<BenchRequest> = {}) => request(variants, { shape: lowL, samples: 10, seed: 5, ...extra });
  const sameData = (x: VariantInputs, y: VariantInputs) => x.A === y.A && x.B === y.B;

  /** prepareHere, counting its calls and each sample's checks, and keeping what it made. */
  function countingPrepare() {
    const seeds: number[] = [];
    const made: VariantInputs[] = [];
    const checks: number[] = [];
    const prepare: Prepare = (shape, dtype, seed) => {
      const k = seeds.push(seed) - 1;
      const sample = prepareHere(shape, dtype, seed);
      made.push(sample.inputs);
      checks.push(0);
      return { inputs: sample.inputs, check: (actual) => ((checks[k]! += 1), sample.check(actual)) };
    };
    return { prepare, seeds, made, checks };
  }

  it("sets every variant up on all 10 samples, in round order, from the samples' own seeds", async () => {
    const clock = fakeClock();
    const p = countingPrepare();
    const seenA: VariantInputs[] = [];
    const seenB: VariantInputs[] = [];
    const results = await runRequest(
      onLowL(['a', 'b']),
      [fake('a', clock, [], { seen: seenA }), fake('b', clock, [], { seen: seenB })],
      options(clock, { prepare: p.prepare }),
    );
    // Ten samples, made once each (not once per variant), from sampleSeed(seed, i).
    expect(p.seeds).toEqual(Array.from({ length: 10 }, (_, i) => sampleSeed(5, i)));
    for (const [i, inputs] of p.made.entries()) {
      const expected = generateInputs(lowL, 'f64', sampleSeed(5, i));
      expect(Array.from(inputs.A)).toEqual(Array.from(expected.A));
      expect(Array.from(inputs.B)).toEqual(Array.from(expected.B));
    }
    // Round r runs on sample r mod 10: sample 0 for the cold call, warm-up and round 0, then one set-up per round.
    for (const seen of [seenA, seenB]) {
      expect(seen).toHaveLength(10);
      for (const [r, inputs] of seen.entries()) expect(sameData(inputs, p.made[r]!), `round ${r}`).toBe(true);
    }
    for (const r of results) expect(ok(r)).toMatchObject({ correct: true, dataSamples: 10 });
  });

  it('cycles back to sample 0 after the tenth round, and checks every product against its own sample', async () => {
    const clock = fakeClock();
    const p = countingPrepare();
    const seen: VariantInputs[] = [];
    const [r] = await runRequest(onLowL(['a'], { samples: 12 }), [fake('a', clock, [], { seen })], options(clock, { prepare: p.prepare }));
    expect(p.seeds).toHaveLength(10); // the reference once per sample, not per round
    expect(seen.map((inputs) => p.made.findIndex((made) => sameData(inputs, made)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    // Checks per sample: sample 0 the cold call, round 0 and round 10; sample 1 rounds 1 and 11; the others one round each.
    expect(p.checks).toEqual([3, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(ok(r)).toMatchObject({ correct: true, dataSamples: 10, checkedProducts: 13 });
  });

  it('gives an asynchronous variant one untimed, checked call after each set-up on another sample', async () => {
    const clock = fakeClock();
    const p = countingPrepare();
    const log: string[] = [];
    let samplesStart = -1;
    const onProgress = (e: Progress) => {
      if (e.phase === 'sample' && e.sample === 2 && samplesStart < 0) samplesStart = log.length;
    };
    const slow = fake('p', clock, log, { async: true, perCallMs: 1 }); // batch 1: one timed call per sample
    const [r] = await runRequest(onLowL(['p'], { samples: 12 }), [slow], options(clock, { prepare: p.prepare, onProgress }));
    const m = ok(r);
    expect(m.batch).toBe(1);
    // Round 1 onwards: each round is a settling call and the timed one, so twice as many calls as rounds.
    expect(log.length - samplesStart).toBe(2 * 11);
    expect(m.samplesMs).toEqual(Array(12).fill(1)); // the settling calls are not samples
    // Every product checked: the settling calls too (rounds 1…11 each set up on another sample).
    expect(p.checks).toEqual([4, 4, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(m).toMatchObject({ correct: true, dataSamples: 10, checkedProducts: 1 + 12 + 11 });
  });

  it('reports a kernel that is wrong on sample 7 alone as incorrect', async () => {
    const clock = fakeClock();
    const seventh = generateInputs(lowL, 'f64', sampleSeed(5, 7)).A;
    const onSeventh = (inputs: VariantInputs) => inputs.A[0] === seventh[0] && inputs.A[1] === seventh[1];
    const results = await runRequest(
      onLowL(['good', 'bad']),
      [fake('good', clock, []), fake('bad', clock, [], { wrongWhen: onSeventh })],
      options(clock),
    );
    expect(ok(results[0])).toMatchObject({ correct: true, dataSamples: 10 });
    const bad = ok(results[1]);
    expect(bad.correct).toBe(false);
    expect(bad.check.mismatches).toBe(lowL.m * lowL.n);
    expect(bad.samplesMs).toHaveLength(10); // measured all the same
  });

  it('uses as many samples as there are rounds when fewer are asked for, and says so', async () => {
    const clock = fakeClock();
    const p = countingPrepare();
    const seen: VariantInputs[] = [];
    const [r] = await runRequest(onLowL(['a'], { samples: 5 }), [fake('a', clock, [], { seen })], options(clock, { prepare: p.prepare }));
    expect(p.seeds).toHaveLength(5);
    expect(seen).toHaveLength(5);
    expect(ok(r).dataSamples).toBe(5);
  });

  it('gives highL its 10 samples too, in float32 as well', async () => {
    const clock = fakeClock();
    const p = countingPrepare();
    const f32 = { ...fake('a', clock, []), dtypes: ['f32'] as const };
    const [r] = await runRequest(
      request(['a'], { shape: datasets.highL.shape, dtype: 'f32', samples: 10 }),
      [f32],
      options(clock, { prepare: p.prepare, measure: { warmupTargetMs: 0, warmupMinCalls: 0 } }),
    );
    expect(new Set(p.seeds).size).toBe(10);
    expect(ok(r)).toMatchObject({ correct: true, dataSamples: 10 });
  });
});

describe('runRequest and the memory guard per worker', () => {
  it('counts bytes held in each worker once per worker, in the refusal and in extraBytes', async () => {
    const clock = fakeClock();
    const copies = (workers: number) => fake('copies', clock, [], { async: true, workers, extraBytes: 100, workerBytes: 1000 });
    // 3×4×2 f64: A, B and C are (12 + 8 + 6)·8 = 208 B; 100 B of temporaries and 1000 B per worker.
    const budget = 208 + 100 + 2 * 1000;
    const [two] = await runRequest(request(['copies'], { memoryBudgetBytes: budget }), [copies(2)], options(clock));
    expect(ok(two).extraBytes).toBe(100 + 2 * 1000);
    const [three] = await runRequest(request(['copies'], { memoryBudgetBytes: budget }), [copies(3)], options(clock));
    expect(three).toMatchObject({ status: 'error', workers: 3, error: expect.stringContaining('1000 B of them in each of 3 workers') });
  });
});
