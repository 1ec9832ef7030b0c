// From the results of a size sweep (CPU kernel against the WebGPU kernels) to
// what its chart and table show. Pure: no DOM, no Plot, no clock; tested with
// fixture results. GFLOP/s = 2·m·l·n / time, for the wall time of the whole call
// (upload, kernel, read back) and, where the device has timestamps, the kernel alone.
import { isMeasured, type BenchResult, type MeasuredResult } from '../bench/protocol.ts';
import { gflops } from '../bench/stats.ts';
import { isGpuVariant, SOFTWARE_ADAPTER_NOTE } from '../gpu/meta.ts';

export type SweepTiming = 'wall' | 'kernel';

/** One point of one line: a variant at a size, timed one way. */
export interface SweepPoint {
  /** Line name, as the legend shows it. */
  readonly series: string;
  readonly variant: string;
  readonly timing: SweepTiming;
  readonly size: number;
  readonly ms: number;
  readonly gflops: number;
}

/** One row of the table twin: one result. */
export interface SweepRow {
  readonly size: number;
  readonly variant: string;
  readonly gpu: boolean;
  readonly status: 'ok' | 'error';
  readonly medianMs: number | null;
  /** The first call, apart: shader compile and pipeline creation for the GPU, JIT for the CPU. */
  readonly coldMs: number | null;
  readonly kernelMs: number | null;
  readonly bytesMoved: number | null;
  readonly gflops: number | null;
  readonly kernelGflops: number | null;
  readonly correct: boolean;
  readonly error: string | null;
  readonly note: string | null;
}

export interface SweepSeries {
  readonly rows: readonly SweepRow[];
  /** Correct measured results only: a wrong answer is not a speed. */
  readonly points: readonly SweepPoint[];
  /** Line names in legend order: per variant, the wall line, then its kernel line. */
  readonly lines: readonly string[];
  readonly sizes: readonly number[];
  /** GFLOP/s span more than 100×: a linear axis would flatten the small sizes. */
  readonly logY: boolean;
  /** Some result ran on a fallback (software) adapter. */
  readonly software: boolean;
  /** The adapter label of the GPU results, when they ran. */
  readonly adapter: string | null;
  /** Every GPU result failed, all for this one reason (e.g. no WebGPU in this browser). */
  readonly gpuUnavailable: string | null;
}

export const WITH_TRANSFERS = 'with transfers';
export const KERNEL_ONLY = 'kernel only';

/** Legend name of a line: CPU variants have one line, GPU variants two. */
export function lineName(variant: string, timing: SweepTiming): string {
  if (!isGpuVariant(variant)) return variant;
  return `${variant} · ${timing === 'wall' ? WITH_TRANSFERS : KERNEL_ONLY}`;
}

export function sweepSeries(results: readonly BenchResult[]): SweepSeries {
  const rows: SweepRow[] = results.map((r) => {
    const gpu = isGpuVariant(r.variant);
    const base = { size: r.n, variant: r.variant, gpu, note: r.note ?? null };
    if (!isMeasured(r)) {
      return { ...base, status: 'error', medianMs: null, coldMs: null, kernelMs: null, bytesMoved: null, gflops: null, kernelGflops: null, correct: false, error: r.error };
    }
    const kernelMs = r.kernelMs !== undefined && r.kernelMs > 0 ? r.kernelMs : null;
    return {
      ...base,
      status: 'ok',
      medianMs: r.medianMs,
      coldMs: r.coldMs,
      kernelMs,
      bytesMoved: r.bytesMoved ?? null,
      gflops: r.gflops,
      kernelGflops: kernelMs === null ? null : gflops(r, kernelMs),
      correct: r.correct,
      error: null,
    };
  });
  rows.sort((a, b) => a.size - b.size);

  const points: SweepPoint[] = [];
  for (const r of rows) {
    if (r.status !== 'ok' || !r.correct || r.medianMs === null || !(r.medianMs > 0) || r.gflops === null) continue;
    points.push({ series: lineName(r.variant, 'wall'), variant: r.variant, timing: 'wall', size: r.size, ms: r.medianMs, gflops: r.gflops });
    if (r.gpu && r.kernelMs !== null && r.kernelGflops !== null) {
      points.push({ series: lineName(r.variant, 'kernel'), variant: r.variant, timing: 'kernel', size: r.size, ms: r.kernelMs, gflops: r.kernelGflops });
    }
  }
  const lines: string[] = [];
  for (const v of new Set(results.map((r) => r.variant))) {
    for (const timing of ['wall', 'kernel'] as const) {
      const name = lineName(v, timing);
      if (!lines.includes(name) && points.some((p) => p.series === name)) lines.push(name);
    }
  }
  const values = points.map((p) => p.gflops).filter((g) => g > 0);
  const logY = values.length > 0 && Math.max(...values) / Math.min(...values) > 100;

  const gpuResults = results.filter((r) => isGpuVariant(r.variant));
  const gpuErrors = new Set(gpuResults.flatMap((r) => (r.status === 'error' ? [r.error] : [])));
  const gpuUnavailable = gpuResults.length > 0 && gpuResults.every((r) => r.status === 'error') && gpuErrors.size === 1 ? [...gpuErrors][0]! : null;

  return {
    rows,
    points,
    lines,
    sizes: [...new Set(rows.map((r) => r.size))],
    logY,
    software: results.some((r) => r.note === SOFTWARE_ADAPTER_NOTE),
    adapter: gpuResults.find((r) => r.adapter !== undefined)?.adapter ?? null,
    gpuUnavailable,
  };
}

/**
 * Where a GPU line overtakes a CPU line: the smallest measured size from which the
 * GPU line is faster at every larger size both were measured at; null if it never
 * is within the sizes measured. Pure.
 */
export function crossover(points: readonly SweepPoint[], gpuLine: string, cpuLine: string): number | null {
  const gpu = new Map(points.filter((p) => p.series === gpuLine).map((p) => [p.size, p.gflops]));
  const cpu = new Map(points.filter((p) => p.series === cpuLine).map((p) => [p.size, p.gflops]));
  const common = [...gpu.keys()].filter((s) => cpu.has(s)).sort((a, b) => a - b);
  let from: number | null = null;
  for (const s of common) {
    if (gpu.get(s)! > cpu.get(s)!) from ??= s;
    else from = null;
  }
  return from;
}
