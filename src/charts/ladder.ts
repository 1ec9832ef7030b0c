// The lecture's conclusion as data: for one shape and type, the fastest correct
// result of each lesson (naive → array programming → compiled → SIMD → tuned →
// parallel → GPU), the gain of each step over the step below it, the library
// reference beside the tuned kernel, and the measured peaks. Pure: results in,
// rungs out; no DOM, no clock, so it is tested on seeded fixtures.
import { isMeasured, type BenchResult, type Dtype, type MeasuredResult } from '../bench/protocol.ts';

export interface Lesson {
  /** Stable id (row key). */
  readonly id: string;
  /** What the chart's axis prints. */
  readonly title: string;
  /** Variant ids that belong to the lesson; the fastest correct one stands for it. */
  readonly variants: readonly string[];
  /** A reference row (the library): drawn, but not a step of the ladder, so no gain. */
  readonly reference?: boolean;
}

/** The lessons in the lecture's order. GPU ids are matched by prefix as well, so a new WGSL kernel joins its lesson. */
export const LESSONS: readonly Lesson[] = [
  { id: 'naive', title: 'naive loops', variants: ['naive'] },
  { id: 'array', title: 'array programming', variants: ['element-vectorised', 'indexing', 'broadcasting'] },
  { id: 'compiled', title: 'compiled (wasm)', variants: ['wasm-whole', 'wasm-element'] },
  { id: 'simd', title: 'SIMD', variants: ['wasm-simd'] },
  { id: 'tuned', title: 'tuned kernel', variants: ['tuned'] },
  { id: 'library', title: 'library', variants: ['lib-tfjs'], reference: true },
  { id: 'parallel', title: 'parallel', variants: ['parallel-wasm', 'parallel-tuned', 'shared-row', 'pool-row'] },
  { id: 'gpu', title: 'GPU', variants: ['webgpu-naive', 'webgpu-tiled'] },
];

export function lessonOf(variant: string): Lesson | undefined {
  return LESSONS.find((l) => l.variants.includes(variant)) ?? (variant.startsWith('webgpu-') ? LESSONS.find((l) => l.id === 'gpu') : undefined);
}

/** Every variant the ladder measures, in lesson order (the "Measure the ladder" request). */
export function ladderVariants(): string[] {
  return LESSONS.flatMap((l) => l.variants);
}

export interface LadderShape {
  readonly m: number;
  readonly l: number;
  readonly n: number;
  readonly dtype: Dtype;
}

/** The closing summary's default: one square product big enough for every lesson to matter. */
export const DEFAULT_LADDER_SHAPE: LadderShape = { m: 512, l: 512, n: 512, dtype: 'f32' };

export function shapeKey(s: LadderShape): string {
  return `${s.m}×${s.l}×${s.n} ${s.dtype}`;
}

export function sameShape(r: { m: number; l: number; n: number; dtype: Dtype }, s: LadderShape): boolean {
  return r.m === s.m && r.l === s.l && r.n === s.n && r.dtype === s.dtype;
}

/** The shapes present in results that have at least one ladder variant, most common first, ties by size. Pure. */
export function ladderShapes(results: readonly BenchResult[]): LadderShape[] {
  const counts = new Map<string, { shape: LadderShape; count: number }>();
  for (const r of results) {
    if (!lessonOf(r.variant)) continue;
    const shape = { m: r.m, l: r.l, n: r.n, dtype: r.dtype };
    const k = shapeKey(shape);
    const entry = counts.get(k) ?? { shape, count: 0 };
    entry.count++;
    counts.set(k, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.shape.m * a.shape.l * a.shape.n - b.shape.m * b.shape.l * b.shape.n || shapeKey(a.shape).localeCompare(shapeKey(b.shape)))
    .map((e) => e.shape);
}

export interface Rung {
  readonly lesson: Lesson;
  /** The fastest correct result of the lesson, or null when none was measured. */
  readonly best: MeasuredResult | null;
  /** Ladder results of this lesson at the shape (every status), for the "why is it missing" note. */
  readonly candidates: readonly BenchResult[];
  /** Results that ran but gave a wrong product: never chosen as best. */
  readonly wrong: readonly MeasuredResult[];
  /** best.gflops / the previous present step's best.gflops (null for the first step, a reference or a missing rung). */
  readonly gain: number | null;
  /** Lesson id the gain is measured against (the step below that was measured). */
  readonly gainOver: string | null;
}

export interface Ladder {
  readonly shape: LadderShape;
  readonly rungs: readonly Rung[];
  /** Rungs that have a best result. */
  readonly present: readonly Rung[];
  /** Overall gain, top step over the naive step (or the first present step). */
  readonly overall: number | null;
}

/** When two results tie on the same variant and settings, the later one counts (as in the summary). */
function fastest(results: readonly MeasuredResult[]): MeasuredResult | null {
  let best: MeasuredResult | null = null;
  for (const r of results) if (r.correct && r.gflops > 0 && (best === null || r.gflops > best.gflops || (r.gflops === best.gflops && r.at > best.at))) best = r;
  return best;
}

/**
 * The ladder at one shape and type. Only correct results can be a rung's best: a
 * fast wrong product is listed as wrong, never as a gain.
 */
export function buildLadder(results: readonly BenchResult[], shape: LadderShape): Ladder {
  const here = results.filter((r) => sameShape(r, shape));
  let previous: Rung | null = null;
  const rungs: Rung[] = [];
  for (const lesson of LESSONS) {
    const candidates = here.filter((r) => lessonOf(r.variant) === lesson);
    const ok = candidates.filter(isMeasured);
    const best = fastest(ok);
    const wrong = ok.filter((r) => !r.correct);
    const countsAsStep = best !== null && !lesson.reference;
    const gain = countsAsStep && previous?.best ? best.gflops / previous.best.gflops : null;
    const rung: Rung = { lesson, best, candidates, wrong, gain, gainOver: gain === null ? null : previous!.lesson.id };
    rungs.push(rung);
    if (countsAsStep) previous = rung;
  }
  const present = rungs.filter((r) => r.best !== null);
  const steps = present.filter((r) => !r.lesson.reference);
  const first = steps[0]?.best;
  const top = steps.reduce<MeasuredResult | null>((b, r) => (b === null || r.best!.gflops > b.gflops ? r.best : b), null);
  const overall = first && top && steps.length > 1 ? top.gflops / first.gflops : null;
  return { shape, rungs, present, overall };
}

/** A measured ceiling drawn as a line on the ladder. */
export interface PeakLine {
  readonly label: string;
  readonly gflops: number;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Peaks the results carry, for one type: `env.peaks` (MeasuredPeaks: the probe's
 * FMA and plain figures for the worker count the result ran with) when present,
 * else what a result's `pctOfPeak` implies. Both fields are optional (older
 * results, other tools); anything that is not a positive number is ignored.
 */
export function ladderPeaks(results: readonly BenchResult[], dtype: Dtype): PeakLine[] {
  const out = new Map<string, PeakLine>();
  const add = (p: PeakLine) => {
    const old = out.get(p.label);
    if (!old || p.gflops > old.gflops) out.set(p.label, p);
  };
  for (const r of results) for (const p of envPeaks(r.env, dtype)) add(p);
  if (out.size === 0) {
    for (const r of results) {
      if (r.status !== 'ok' || r.dtype !== dtype) continue;
      const pct = (r as { pctOfPeak?: unknown }).pctOfPeak;
      if (!finite(pct) || !finite(r.gflops)) continue;
      add({ label: `peak, ${workersText(r.workers)}`, gflops: (r.gflops * 100) / pct });
    }
  }
  return [...out.values()].sort((a, b) => a.gflops - b.gflops);
}

const workersText = (w: number) => `${w} worker${w === 1 ? '' : 's'}`;

/** The FMA and the plain (multiply, then add) figure of `env.peaks` for one type, labelled with their worker count. */
export function envPeaks(env: unknown, dtype: Dtype): PeakLine[] {
  const peaks = (env as { peaks?: unknown } | null)?.peaks as Record<string, unknown> | undefined;
  if (typeof peaks !== 'object' || peaks === null) return [];
  const lines: PeakLine[] = [];
  for (const [key, kind] of [[dtype, 'FMA'], [`${dtype}Plain`, 'mul+add']] as const) {
    const f = peaks[key] as { gflops?: unknown; fma?: unknown; workers?: unknown } | undefined;
    if (!f || !finite(f.gflops)) continue;
    // A "FMA" figure measured where relaxed SIMD does not compile is the plain one again.
    if (kind === 'FMA' && f.fma !== true) continue;
    const workers = finite(f.workers) ? Math.round(f.workers) : 1;
    lines.push({ label: `${kind} peak, ${workersText(workers)}`, gflops: f.gflops });
  }
  return lines;
}

/** "×4.2", "×1.1", "×0.8": the gain of a step, two significant figures. */
export function gainText(gain: number | null): string {
  if (gain === null || !Number.isFinite(gain)) return '';
  return `×${gain >= 10 ? Math.round(gain) : +gain.toPrecision(2)}`;
}
