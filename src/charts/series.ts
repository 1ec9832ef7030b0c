// From BenchResults to what a chart and its table twin show. Pure: no DOM, no
// Plot, no clock, so it is tested with fixture results, never live timings.
import { isMeasured, type BenchResult, type MeasuredResult } from '../bench/protocol.ts';

/** One row of the chart and of the table. */
export interface ResultRow {
  /** Stable key: variant plus the shape and settings it ran with. */
  readonly key: string;
  readonly variant: string;
  /** What the axis and the table print: the variant, plus the shape when a set mixes shapes. */
  readonly label: string;
  readonly shape: string;
  readonly dtype: string;
  readonly workers: number;
  readonly status: 'ok' | 'error';
  readonly medianMs: number | null;
  /** Spread shown as a rule: p10 (the robust low figure) to max. */
  readonly lowMs: number | null;
  readonly highMs: number | null;
  readonly minMs: number | null;
  readonly samples: number;
  readonly gflops: number | null;
  readonly correct: boolean;
  /** First-variant median / this median; null when either is missing. */
  readonly speedup: number | null;
  readonly coldMs: number | null;
  readonly noisy: boolean;
  readonly error: string | null;
  readonly at: string;
  /** Share of the measured peak (percent), when the result carries one (pctOfPeak is optional). */
  readonly pctOfPeak: number | null;
  /** The compiled build that ran, for variants with several (tuned: 'relaxed-simd' or 'simd'), else null. */
  readonly build: string | null;
}

export interface ChartSeries {
  readonly rows: readonly ResultRow[];
  /** Rows that have times (status ok); failed rows appear only in the table and as notes. */
  readonly measured: readonly ResultRow[];
  /** True when the measured values span more than LOG_SPAN_RATIO: bars would flatten otherwise. */
  readonly log: boolean;
  /** [smallest low, largest high] over measured rows, or null when nothing was measured. */
  readonly extent: readonly [number, number] | null;
  /** Label of the speedup reference (the first variant), when it was measured. */
  readonly baseline: string | null;
}

/** Above this max/min ratio a linear axis hides the fast variants, so the axis goes logarithmic. */
export const LOG_SPAN_RATIO = 100;

export function shapeText(r: { m: number; l: number; n: number }): string {
  return `${r.m}×${r.l}×${r.n}`;
}

function rowKey(r: BenchResult): string {
  return `${r.variant}|${shapeText(r)}|${r.dtype}|w${r.workers}`;
}

/** Whether the results mix shapes or types, so labels must say which; and which variants ran with several worker counts. */
function distinguishers(results: readonly BenchResult[]): { shape: boolean; dtype: boolean; multiWorker: Set<string> } {
  const distinct = (f: (r: BenchResult) => string | number) => new Set(results.map(f)).size > 1;
  const counts = new Map<string, Set<number>>();
  for (const r of results) counts.set(r.variant, (counts.get(r.variant) ?? new Set()).add(r.workers));
  const multiWorker = new Set([...counts].filter(([, c]) => c.size > 1).map(([v]) => v));
  return { shape: distinct(shapeText), dtype: distinct((r) => r.dtype), multiWorker };
}

export interface SeriesOptions {
  /** Variant to compare against within each shape and type (else the first result there). */
  readonly baseline?: string;
}

/** `pctOfPeak` of a measured result, when present and a finite number (older results and other tools lack it). */
export function pctOfPeakOf(r: BenchResult): number | null {
  const v = (r as { pctOfPeak?: unknown }).pctOfPeak;
  return r.status === 'ok' && typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Rows in the order given; the first result is the speedup reference, as in the
 * lecture's charts ("against naive"). When a result set mixes shapes, each row's
 * speedup is against the first result of the same shape and type.
 */
export function deriveSeries(results: readonly BenchResult[], options: SeriesOptions = {}): ChartSeries {
  const mix = distinguishers(results);
  const baselineFor = new Map<string, MeasuredResult | null>();
  const group = (r: BenchResult) => `${shapeText(r)}|${r.dtype}`;
  if (options.baseline !== undefined) {
    for (const r of results) if (r.variant === options.baseline && !baselineFor.has(group(r))) baselineFor.set(group(r), isMeasured(r) ? r : null);
  }
  for (const r of results) {
    if (!baselineFor.has(group(r))) baselineFor.set(group(r), isMeasured(r) ? r : null);
  }
  const rows: ResultRow[] = results.map((r) => {
    const parts = [r.variant];
    if (mix.shape) parts.push(shapeText(r));
    if (mix.dtype) parts.push(r.dtype);
    if (mix.multiWorker.has(r.variant)) parts.push(`${r.workers} worker${r.workers > 1 ? 's' : ''}`);
    const base = baselineFor.get(`${shapeText(r)}|${r.dtype}`) ?? null;
    const common = {
      key: rowKey(r),
      variant: r.variant,
      label: parts.join(' · '),
      shape: shapeText(r),
      dtype: r.dtype,
      workers: r.workers,
      at: r.at,
      pctOfPeak: pctOfPeakOf(r),
      build: r.status === 'ok' ? (r.build ?? null) : null,
    };
    if (isMeasured(r)) {
      const speedup = base && base.medianMs > 0 && r.medianMs > 0 ? base.medianMs / r.medianMs : null;
      return {
        ...common,
        status: 'ok',
        medianMs: r.medianMs,
        lowMs: r.stats.p10Ms,
        highMs: r.stats.maxMs,
        minMs: r.stats.minMs,
        samples: r.samplesMs.length,
        gflops: r.gflops,
        correct: r.correct,
        speedup,
        coldMs: r.coldMs,
        noisy: r.stats.noisy,
        error: null,
      };
    }
    return {
      ...common,
      status: 'error',
      medianMs: null,
      lowMs: null,
      highMs: null,
      minMs: null,
      samples: 0,
      gflops: null,
      correct: false,
      speedup: null,
      coldMs: null,
      noisy: false,
      error: r.error,
    };
  });
  const measured = rows.filter((r) => r.status === 'ok');
  let extent: [number, number] | null = null;
  for (const r of measured) {
    const lo = Math.min(r.lowMs!, r.medianMs!);
    const hi = Math.max(r.highMs!, r.medianMs!);
    extent = extent === null ? [lo, hi] : [Math.min(extent[0], lo), Math.max(extent[1], hi)];
  }
  const log = extent !== null && extent[0] > 0 && extent[1] / extent[0] > LOG_SPAN_RATIO;
  const firstBase = results.length > 0 ? baselineFor.get(group(results[0]!)) : null;
  const baseRow = firstBase ? rows[results.indexOf(firstBase)] : undefined;
  return {
    rows,
    measured,
    log,
    extent,
    baseline: baseRow && baseRow.status === 'ok' ? baseRow.label : null,
  };
}

/** A series measured elsewhere (an imported file), drawn beside this browser's. */
export interface OtherSeries {
  /** Where it was measured: browser · cores · day. */
  readonly source: string;
  readonly rows: readonly ResultRow[];
}

/**
 * The rows of results measured elsewhere that match a row of `live` (same
 * variant, shape, type and workers), labelled like the live row so both sit on
 * the same line of the chart. Their speedups are against their own baseline. Pure.
 */
export function matchingRows(live: ChartSeries, other: readonly BenchResult[], options: SeriesOptions = {}): ResultRow[] {
  const labels = new Map(live.rows.map((r) => [r.key, r.label]));
  const kept = other.filter((r) => labels.has(rowKey(r)));
  // The later of two results with the same key counts, as in the summary.
  const latest = kept.reduce<BenchResult[]>((acc, r) => mergeResults(acc, [r]), []);
  const order = new Map(live.rows.map((r, i) => [r.key, i]));
  latest.sort((a, b) => order.get(rowKey(a))! - order.get(rowKey(b))!);
  return deriveSeries(latest, options).rows.map((r) => ({ ...r, label: labels.get(r.key) ?? r.label }));
}

/**
 * Merge a new run into kept results: a result replaces an older one with the
 * same variant, shape, type and worker count; others are kept in order.
 */
export function mergeResults(kept: readonly BenchResult[], fresh: readonly BenchResult[]): BenchResult[] {
  const freshKeys = new Set(fresh.map(rowKey));
  return [...kept.filter((r) => !freshKeys.has(rowKey(r))), ...fresh];
}

/** One point of a speedup-versus-workers curve. */
export interface SpeedupPoint {
  readonly variant: string;
  readonly workers: number;
  readonly medianMs: number;
  /** Serial reference median / this median. */
  readonly speedup: number;
  /** speedup / workers: 1 is perfect use of every worker. */
  readonly efficiency: number;
}

/**
 * Speedup of each parallel result against a serial reference median (the
 * ideal line is speedup = workers). Failed or incorrect results are left out:
 * a wrong answer computed fast is not a speedup.
 */
export function speedupPoints(results: readonly BenchResult[], referenceMs: number): SpeedupPoint[] {
  if (!(referenceMs > 0)) return [];
  return results
    .filter((r): r is MeasuredResult => isMeasured(r) && r.correct && r.medianMs > 0)
    .map((r) => {
      const speedup = referenceMs / r.medianMs;
      return { variant: r.variant, workers: r.workers, medianMs: r.medianMs, speedup, efficiency: speedup / r.workers };
    })
    .sort((a, b) => (a.variant === b.variant ? a.workers - b.workers : a.variant < b.variant ? -1 : 1));
}

/**
 * Speedup of each variant against its own one-worker time, S(p) = T1 / Tp (the
 * deck's definition), for every worker count measured. Variants without a
 * correct one-worker result are left out.
 */
export function selfSpeedupPoints(results: readonly BenchResult[]): SpeedupPoint[] {
  const out: SpeedupPoint[] = [];
  const variants = [...new Set(results.map((r) => r.variant))];
  for (const v of variants) {
    const one = results.find((r): r is MeasuredResult => r.variant === v && r.workers === 1 && isMeasured(r) && r.correct);
    if (one) out.push(...speedupPoints(results.filter((r) => r.variant === v), one.medianMs));
  }
  return out;
}

/** First call against the warmed median, per variant: the JIT's (or compiler's) warm-up cost. */
export interface WarmupRow {
  readonly variant: string;
  /** The variant, plus the shape when the results mix shapes. */
  readonly label: string;
  readonly coldMs: number;
  readonly medianMs: number;
  /** coldMs / medianMs. */
  readonly ratio: number;
}

export function warmupRows(results: readonly BenchResult[]): WarmupRow[] {
  const mixed = new Set(results.map((r) => `${shapeText(r)} ${r.dtype}`)).size > 1;
  return results
    .filter(isMeasured)
    .filter((r) => r.medianMs > 0 && Number.isFinite(r.coldMs))
    .map((r) => ({
      variant: r.variant,
      label: mixed ? `${r.variant} · ${shapeText(r)} ${r.dtype}` : r.variant,
      coldMs: r.coldMs,
      medianMs: r.medianMs,
      ratio: r.coldMs / r.medianMs,
    }));
}
