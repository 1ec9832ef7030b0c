// The closing ladder's pure part: best correct result per lesson, the gain of
// each step, peaks from env.peaks or pctOfPeak, the shapes to choose from.
// Fixture numbers are invented (seeded), never shown in the deck.
import { describe, expect, it } from 'vitest';
import type { BenchResult, MeasuredResult } from '../../src/bench/protocol.ts';
import {
  buildLadder,
  DEFAULT_LADDER_SHAPE,
  envPeaks,
  gainText,
  ladderPeaks,
  ladderShapes,
  ladderVariants,
  LESSONS,
  lessonOf,
} from '../../src/charts/ladder.ts';
import { failed, measured } from './series-fixtures.ts';

const S = DEFAULT_LADDER_SHAPE;
const FLOPS = 2 * S.m * S.l * S.n;

/** A result at the ladder's shape with a given GFLOP/s (median derived from it). */
function at(variant: string, gflops: number, extra: Partial<MeasuredResult> = {}): MeasuredResult {
  const ms = FLOPS / (gflops * 1e6);
  return measured(variant, [ms, ms, ms, ms, ms], { m: S.m, l: S.l, n: S.n, dtype: S.dtype, gflops, medianMs: ms, ...extra });
}

/** mulberry32: the same "random" figures on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('lessons', () => {
  it('cover the lecture in order, each variant in one lesson, GPU ids by prefix', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(['naive', 'array', 'compiled', 'simd', 'tuned', 'library', 'parallel', 'gpu']);
    const all = ladderVariants();
    expect(new Set(all).size).toBe(all.length);
    expect(lessonOf('indexing')?.id).toBe('array');
    expect(lessonOf('parallel-tuned')?.id).toBe('parallel');
    expect(lessonOf('webgpu-some-new-kernel')?.id).toBe('gpu');
    expect(lessonOf('layout-rc')).toBeUndefined();
    expect(lessonOf('naive-plain')).toBeUndefined();
  });
});

describe('buildLadder', () => {
  it('takes the fastest correct result per lesson and the gain over the step below', () => {
    const results: BenchResult[] = [
      at('naive', 1),
      at('element-vectorised', 0.2),
      at('indexing', 0.5),
      at('wasm-whole', 3),
      at('wasm-element', 2),
      at('wasm-simd', 24),
      at('tuned', 48),
      at('lib-tfjs', 30),
      at('pool-row', 60, { workers: 4 }),
      at('parallel-wasm', 90, { workers: 4 }),
    ];
    const ladder = buildLadder(results, S);
    const best = Object.fromEntries(ladder.rungs.map((r) => [r.lesson.id, r.best?.variant ?? null]));
    expect(best).toEqual({ naive: 'naive', array: 'indexing', compiled: 'wasm-whole', simd: 'wasm-simd', tuned: 'tuned', library: 'lib-tfjs', parallel: 'parallel-wasm', gpu: null });
    const gains = Object.fromEntries(ladder.rungs.map((r) => [r.lesson.id, r.gain === null ? null : +r.gain.toFixed(6)]));
    // A step can lose (array programming, 0.5 against 1); the library is a reference, never a step.
    expect(gains).toEqual({ naive: null, array: 0.5, compiled: 6, simd: 8, tuned: 2, library: null, parallel: 1.875, gpu: null });
    expect(ladder.rungs.find((r) => r.lesson.id === 'parallel')!.gainOver).toBe('tuned');
    expect(ladder.overall).toBeCloseTo(90, 9);
  });

  it('never counts a wrong product, and measures a gain over the last step that was measured', () => {
    const ladder = buildLadder([at('naive', 1), at('wasm-whole', 500, { correct: false }), at('wasm-element', 2), at('tuned', 40)], S);
    const compiled = ladder.rungs.find((r) => r.lesson.id === 'compiled')!;
    expect(compiled.best?.variant).toBe('wasm-element');
    expect(compiled.wrong.map((r) => r.variant)).toEqual(['wasm-whole']);
    const tuned = ladder.rungs.find((r) => r.lesson.id === 'tuned')!;
    // SIMD missing: tuned is compared with compiled.
    expect(tuned.gainOver).toBe('compiled');
    expect(tuned.gain).toBeCloseTo(20, 9);
    const onlyWrong = buildLadder([at('naive', 1), at('wasm-simd', 30, { correct: false })], S);
    expect(onlyWrong.rungs.find((r) => r.lesson.id === 'simd')!.best).toBeNull();
  });

  it('only uses results of the chosen shape and type, and keeps failures as candidates', () => {
    const other = measured('naive', [1, 1, 1, 1, 1]); // 200×10×400 f64
    const ladder = buildLadder([other, failed('broadcasting', 'needs 537 MB'), at('naive', 1)], S);
    expect(ladder.rungs[0]!.best?.m).toBe(512);
    // failed() is at 200×10×400: not a candidate at 512³.
    expect(ladder.rungs[1]!.candidates).toEqual([]);
    const big = { ...failed('broadcasting', 'needs 537 MB'), m: 512, l: 512, n: 512, dtype: 'f32' as const };
    expect(buildLadder([big], S).rungs[1]!.candidates).toHaveLength(1);
    expect(buildLadder([big], S).present).toEqual([]);
  });

  it('on seeded data: every rung is the maximum of its correct candidates, every gain the ratio of present steps', () => {
    const rand = seeded(20261123);
    for (let trial = 0; trial < 50; trial++) {
      const results: BenchResult[] = [];
      for (const id of ladderVariants()) {
        if (rand() < 0.25) continue; // some variants not measured
        results.push(at(id, 0.05 + rand() * 200, { correct: rand() > 0.15, at: `2026-11-23T21:00:${String(Math.floor(rand() * 60)).padStart(2, '0')}.000Z` }));
      }
      const ladder = buildLadder(results, S);
      let previous: number | null = null;
      for (const r of ladder.rungs) {
        const ok = results.filter((x): x is MeasuredResult => x.status === 'ok' && x.correct && lessonOf(x.variant) === r.lesson);
        const max = ok.length ? Math.max(...ok.map((x) => x.gflops)) : null;
        expect(r.best?.gflops ?? null).toBe(max);
        if (r.lesson.reference || r.best === null) {
          expect(r.gain).toBeNull();
          continue;
        }
        if (previous === null) expect(r.gain).toBeNull();
        else expect(r.gain! * previous).toBeCloseTo(r.best.gflops, 9);
        previous = r.best.gflops;
      }
    }
  });
});

describe('shapes and peaks', () => {
  it('lists the shapes that have ladder variants, most results first', () => {
    const lowL = [measured('naive', [1, 1, 1, 1, 1]), measured('wasm-simd', [1, 1, 1, 1, 1])];
    const shapes = ladderShapes([...lowL, at('naive', 1), measured('layout-rr', [1, 1, 1, 1, 1], { m: 7, l: 7, n: 7 })]);
    expect(shapes.map((s) => `${s.m}×${s.l}×${s.n} ${s.dtype}`)).toEqual(['200×10×400 f64', '512×512×512 f32']);
  });

  it('reads env.peaks: FMA only when the probe fused, labelled with its worker count', () => {
    const peaks = {
      f32: { gflops: 58, fma: true, workers: 1 },
      f64: { gflops: 29, fma: true, workers: 1 },
      f32Plain: { gflops: 38, fma: false, workers: 1 },
      f64Plain: { gflops: 19, fma: false, workers: 1 },
      perWorker: true,
    };
    expect(envPeaks({ peaks }, 'f32')).toEqual([
      { label: 'FMA peak, 1 worker', gflops: 58 },
      { label: 'mul+add peak, 1 worker', gflops: 38 },
    ]);
    const noFma = { ...peaks, f32: { gflops: 38, fma: false, workers: 4 } };
    expect(envPeaks({ peaks: noFma }, 'f32').map((p) => p.label)).toEqual(['mul+add peak, 1 worker']);
    expect(envPeaks({}, 'f32')).toEqual([]);
    expect(envPeaks({ peaks: { f32: { gflops: 'fast' } } }, 'f32')).toEqual([]);
    const r1 = at('tuned', 40, { env: { ...at('naive', 1).env, peaks } as never });
    const r4 = at('parallel-wasm', 90, { workers: 4, env: { ...at('naive', 1).env, peaks: { ...peaks, f32: { gflops: 230, fma: true, workers: 4 }, f32Plain: { gflops: 150, fma: false, workers: 4 } } } as never });
    expect(ladderPeaks([r1, r4], 'f32').map((p) => `${p.label} ${p.gflops}`)).toEqual([
      'mul+add peak, 1 worker 38',
      'FMA peak, 1 worker 58',
      'mul+add peak, 4 workers 150',
      'FMA peak, 4 workers 230',
    ]);
  });

  it('without env.peaks, infers the peak from pctOfPeak; with neither, draws none', () => {
    expect(ladderPeaks([at('tuned', 40, { pctOfPeak: 80 } as Partial<MeasuredResult>)], 'f32')).toEqual([{ label: 'peak, 1 worker', gflops: 50 }]);
    expect(ladderPeaks([at('tuned', 40)], 'f32')).toEqual([]);
  });

  it('prints gains with two significant figures', () => {
    expect([gainText(8.149), gainText(0.3126), gainText(49.4), gainText(null)]).toEqual(['×8.1', '×0.31', '×49', '']);
  });
});
