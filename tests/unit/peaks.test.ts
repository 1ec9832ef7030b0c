// The % of peak rule (src/bench/peaks.ts) and how several workers' probe figures
// combine. Example figures only: nothing here was measured.
import { describe, expect, it } from 'vitest';
import { buildUsesFma, combinePeaks, peakFor, percentOfPeak, type PeakRuns } from '../../src/bench/peaks.ts';
import type { MeasuredPeaks } from '../../src/bench/protocol.ts';
import type { PeakResult } from '../../src/kernels/peak.ts';
import { peakFacts } from '../../src/panels/environment.ts';

const fig = (gflops: number, fma: boolean, workers = 1) => ({ gflops, fma, workers });
const peaks = (workers: number, fma = true): MeasuredPeaks => ({
  f32: fig(50 * workers, fma, workers),
  f64: fig(25 * workers, fma, workers),
  f32Plain: fig(20 * workers, false, workers),
  f64Plain: fig(10 * workers, false, workers),
  perWorker: workers === 1,
});

describe('buildUsesFma', () => {
  it('only the relaxed-SIMD builds count as FMA; lib-tfjs, plain SIMD and no build do not', () => {
    expect(buildUsesFma('relaxed-simd')).toBe(true);
    expect(buildUsesFma('simd')).toBe(false);
    expect(buildUsesFma('xnnpack-simd, 1 thread')).toBe(false);
    expect(buildUsesFma('unavailable')).toBe(false);
    expect(buildUsesFma(undefined)).toBe(false);
  });
});

describe('peakFor / percentOfPeak', () => {
  it('picks the figure of the dtype and of the build (FMA or plain)', () => {
    const p = peaks(1);
    expect(peakFor(p, 'f32', 'relaxed-simd', 1)).toBe(p.f32);
    expect(peakFor(p, 'f64', 'relaxed-simd', 1)).toBe(p.f64);
    expect(peakFor(p, 'f32', 'simd', 1)).toBe(p.f32Plain);
    expect(peakFor(p, 'f64', undefined, 1)).toBe(p.f64Plain);
    expect(peakFor(p, 'f32', 'xnnpack-simd, 1 thread', 1)).toBe(p.f32Plain); // lib-tfjs: no FMA in its binary
  });

  it('needs a peak measured on the same number of workers', () => {
    expect(peakFor(peaks(2), 'f32', 'relaxed-simd', 2)).toEqual(fig(100, true, 2));
    expect(peakFor(peaks(2), 'f32', 'relaxed-simd', 1)).toBeUndefined();
    expect(peakFor(peaks(1), 'f32', 'simd', 2)).toBeUndefined();
    expect(peakFor(undefined, 'f32', 'simd', 1)).toBeUndefined();
  });

  it('has no FMA ceiling where the FMA figure fell back to plain', () => {
    expect(peakFor(peaks(1, false), 'f32', 'relaxed-simd', 1)).toBeUndefined();
    expect(peakFor(peaks(1, false), 'f32', 'simd', 1)).toEqual(fig(20, false));
  });

  it('is gflops over that figure, in percent', () => {
    expect(percentOfPeak(40, peaks(1), 'f32', 'relaxed-simd', 1)).toBeCloseTo(80, 12);
    expect(percentOfPeak(40, peaks(1), 'f32', 'simd', 1)).toBeCloseTo(200, 12); // a plain build beating the plain peak shows it
    expect(percentOfPeak(7.5, peaks(2), 'f64', 'relaxed-simd', 2)).toBeCloseTo(15, 12);
    expect(percentOfPeak(5, peaks(1), 'f64', 'xnnpack-simd, 1 thread', 1)).toBeCloseTo(50, 12);
    expect(percentOfPeak(40, peaks(2), 'f32', 'relaxed-simd', 1)).toBeUndefined();
    expect(percentOfPeak(Number.NaN, peaks(1), 'f32', 'simd', 1)).toBeUndefined();
  });
});

describe('combinePeaks', () => {
  const run = (gflops: number, fma: boolean): PeakResult => ({ gflops, fma, dtype: 'f32', iterations: 1, ms: 1 });
  const worker = (scale: number, fma = true): PeakRuns => ({
    f32: run(50 * scale, fma),
    f64: run(25 * scale, fma),
    f32Plain: run(20 * scale, false),
    f64Plain: run(10 * scale, false),
  });

  it('one worker: its own figures', () => {
    expect(combinePeaks([worker(1)])).toEqual(peaks(1));
  });

  it('several workers at once: the sum of their figures, FMA only if all were', () => {
    const p = combinePeaks([worker(1), worker(0.9)]);
    expect(p.perWorker).toBe(false);
    expect(p.f32).toEqual(fig(95, true, 2));
    expect(p.f64Plain.gflops).toBeCloseTo(19, 12);
    expect(combinePeaks([worker(1), worker(1, false)]).f32.fma).toBe(false);
  });

  it('refuses no workers and figures that are not positive numbers', () => {
    expect(() => combinePeaks([])).toThrow(RangeError);
    expect(() => combinePeaks([{ ...worker(1), f64: run(Number.NaN, true) }])).toThrow(/f64 figure NaN/);
    expect(() => combinePeaks([{ ...worker(1), f32Plain: run(0, false) }])).toThrow(/f32Plain/);
  });
});

describe('peakFacts (the env view rows)', () => {
  it('one row per dtype: one worker / N workers, FMA and plain', () => {
    const rows = Object.fromEntries(peakFacts(peaks(1), peaks(2), 2));
    expect(rows['Peak f32 (1 worker / 2 workers)']).toMatch(/^50\.0 FMA · 20\.0 plain \/ 100 FMA · 40\.0 plain GFLOP\/s/);
    expect(rows['Peak f64 (1 worker / 2 workers)']).toMatch(/^25\.0 FMA · 10\.0 plain \/ 50\.0 FMA · 20\.0 plain GFLOP\/s/);
  });

  it('says what could not be measured, and leaves out an FMA figure that fell back to plain', () => {
    const rows = peakFacts(peaks(1, false), null, 4);
    expect(rows.map(([k]) => k)).toEqual(['Peak f32 (1 worker / 4 workers)', 'Peak f64 (1 worker / 4 workers)']);
    expect(rows[0]?.[1]).toMatch(/^20\.0 plain \/ not measured GFLOP\/s/);
  });
});

describe('the panel table', () => {
  it('shows the build in the variant cell and the % of peak in its own column', async () => {
    const { RESULT_COLUMNS, percentText } = await import('../../src/panels/results-table.ts');
    const { deriveSeries } = await import('../../src/charts/series.ts');
    const env = { crossOriginIsolated: true, sharedArrayBuffer: true, cores: 2, timerResolutionMs: 0.005, wasmSimd: true, userAgent: 'test' };
    const stats = { medianMs: 2, minMs: 2, maxMs: 2, madMs: 0, p10Ms: 2, meanMs: 2, noisy: false };
    const check = { correct: true, maxAbsError: 0, mismatches: 0, rtol: 1e-4, atol: 1e-5 };
    const result = (variant: string, extra: object) => ({
      status: 'ok' as const, variant, m: 4, l: 4, n: 4, dtype: 'f32' as const, workers: 1, env, at: '', samplesMs: [2], coldMs: 2, batch: 1,
      medianMs: 2, stats, gflops: 1, correct: true, check, extraBytes: 0, ...extra,
    });
    const { rows } = deriveSeries([result('tuned', { build: 'relaxed-simd', pctOfPeak: 83.4 }), result('naive', {})]);
    const column = (head: string) => RESULT_COLUMNS.find((c) => c.head === head)!;
    expect(rows.map((r) => column('Variant').cell(r))).toEqual(['tuned (relaxed-simd)', 'naive']);
    expect(rows.map((r) => column('% of peak').cell(r))).toEqual(['83%', '']);
    expect(percentText(4.25)).toBe('4.3%');
    expect(percentText(0.123)).toBe('0.12%');
  });
});
