// Text renderings of results for the terminal. Pure: results in, strings out.
import { isMeasured, type BenchResult, type Environment, type MeasuredPeaks, type MeasuredResult, type PeakFigure } from './protocol.ts';
import type { WorkerSpeedup } from './rounds.ts';
import { formatBytes, formatGflops, formatPercent, sig } from '../format/units.ts';

/** Spread as the median absolute deviation relative to the median, flagged when the samples disagree > 1.5×. */
export function formatSpread(r: MeasuredResult): string {
  const rel = r.stats.medianMs > 0 ? (100 * r.stats.madMs) / r.stats.medianMs : 0;
  return `±${rel < 10 ? rel.toFixed(1) : rel.toFixed(0)}%${r.stats.noisy ? ' noisy' : ''}`;
}

type Align = 'left' | 'right';

/** Columns padded to their widest cell; code points counted, so ✓ and × take one column. */
export function alignTable(rows: readonly (readonly string[])[], align: readonly Align[]): string[] {
  const len = (s: string): number => [...s].length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, len(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - len(cell));
        if (i === row.length - 1 && align[i] !== 'right') return cell; // no trailing blanks
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  '),
  );
}

export const TABLE_HEADER = ['variant', 'workers', 'median ms', 'p10 ms', 'spread', 'GFLOP/s', '% peak', 'ok', 'speedup', 'batch', 'cold ms', 'build'] as const;

/**
 * The readable table of `npm run bench`: one row per requested variant, in order.
 * Speed-up is relative to the first variant that ran (>1 = faster than it).
 * "% peak" is against the measured peak of the result's dtype, build (FMA or
 * plain) and worker count (src/bench/peaks.ts); "build" is the compiled build that
 * ran, for variants that have several. A variant that could not run keeps its row,
 * with its reason.
 */
export function formatTable(results: readonly BenchResult[]): string {
  const base = results.find(isMeasured);
  const rows: string[][] = [[...TABLE_HEADER]];
  const failures: string[] = [];
  for (const r of results) {
    if (r.status === 'ok') {
      const speedup = base ? base.medianMs / r.medianMs : NaN;
      rows.push([
        r.variant,
        String(r.workers),
        sig(r.medianMs), // the headings say ms: bare figures
        sig(r.stats.p10Ms),
        formatSpread(r),
        formatGflops(r.gflops),
        formatPercent(r.pctOfPeak),
        r.correct ? '✓' : '✗',
        Number.isFinite(speedup) ? `${speedup.toFixed(2)}×` : '—',
        String(r.batch),
        sig(r.coldMs),
        r.build ?? '',
      ]);
      if (!r.correct) {
        failures.push(
          `${r.variant}: WRONG RESULT, ${r.check.mismatches} elements outside tolerance ` +
            `(max |error| ${r.check.maxAbsError.toPrecision(3)}, rtol ${r.check.rtol}, atol ${r.check.atol})`,
        );
      }
    } else {
      rows.push([r.variant, String(r.workers), '—', '—', '—', '—', '—', '✗', '—', '—', '—', '']);
      failures.push(`${r.variant}: not run: ${r.error}`);
    }
  }
  const lines = alignTable(rows, ['left', 'right', 'right', 'right', 'left', 'right', 'right', 'left', 'right', 'right', 'right', 'left']).map((l) => l.trimEnd());
  return [...lines, ...gpuLines(results), ...failures].join('\n');
}

/**
 * What a GPU result measured besides the whole call (kernel alone, bytes moved)
 * and on which adapter, with its caveat: one line per result that has any. Pure.
 */
export function gpuLines(results: readonly BenchResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const parts: string[] = [];
    if (r.status === 'ok' && r.kernelMs !== undefined) parts.push(`kernel ${sig(r.kernelMs)} ms median (timestamp-query)`);
    if (r.status === 'ok' && r.bytesMoved !== undefined) parts.push(`${formatBytes(r.bytesMoved)} moved per call`);
    if (r.status === 'ok' && (r.kernelMs !== undefined || r.bytesMoved !== undefined)) parts.push(`first call ${sig(r.coldMs)} ms (shader compile, pipeline)`);
    if (r.adapter !== undefined) parts.push(`adapter ${r.adapter}`);
    if (r.note !== undefined) parts.push(`⚠ ${r.note}`);
    if (parts.length > 0) out.push(`${r.variant}: ${parts.join(', ')}`);
  }
  return out;
}

/** "f32 52.1 FMA / 26.4 plain GFLOP/s": one dtype's two figures. */
function peakPair(dtype: string, fma: PeakFigure, plain: PeakFigure): string {
  const first = fma.fma ? `${formatGflops(fma.gflops)} FMA / ` : '';
  return `${dtype} ${first}${formatGflops(plain.gflops)} plain`;
}

/** The measured peaks of one worker count: "peak (1 worker): f32 52.1 FMA / 26.4 plain, f64 26.0 FMA / 13.2 plain GFLOP/s". */
export function formatPeaks(peaks: MeasuredPeaks): string {
  const w = peaks.f32.workers;
  const who = w === 1 ? '1 worker' : `${w} workers at once`;
  return `peak (${who}): ${peakPair('f32', peaks.f32, peaks.f32Plain)}, ${peakPair('f64', peaks.f64, peaks.f64Plain)} GFLOP/s`;
}

/**
 * One line saying where the figures come from: a number without its environment
 * is not a result. `peaks`: the measured peaks to list (default: the env's own);
 * a run over several worker counts passes one set per count.
 */
export function formatEnvironment(env: Environment, peaks: readonly MeasuredPeaks[] = env.peaks ? [env.peaks] : []): string {
  const yes = (b: boolean): string => (b ? 'yes' : 'no');
  const us = env.timerResolutionMs * 1000;
  const peakText = peaks.length > 0 ? `; ${peaks.map(formatPeaks).join('; ')}` : '';
  return (
    `env: ${env.cores} cores, cross-origin isolated ${yes(env.crossOriginIsolated)}, ` +
    `SharedArrayBuffer ${yes(env.sharedArrayBuffer)}, WebAssembly SIMD ${yes(env.wasmSimd)}, ` +
    `timer step ${us >= 1 ? us.toFixed(us < 10 ? 1 : 0) : us.toPrecision(2)} µs${peakText}; ${env.userAgent}`
  );
}

/** The distinct peak sets among results (one per worker count and measuring thread), in order of appearance. */
export function peaksOf(results: readonly BenchResult[]): MeasuredPeaks[] {
  const seen = new Map<string, MeasuredPeaks>();
  for (const r of results) {
    const p = r.env.peaks;
    if (!p) continue;
    const key = `${p.f32.workers}|${p.f32.gflops}|${p.f64.gflops}|${p.f32Plain.gflops}|${p.f64Plain.gflops}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

/** One line per variant measured at several worker counts: the speedup from the medians and from the best samples. */
export function formatWorkerSpeedups(speedups: readonly WorkerSpeedup[]): string[] {
  return speedups.map(
    (s) =>
      `${s.variant}: ${s.toWorkers} workers vs ${s.fromWorkers}: ${s.median.toFixed(2)}× (medians), ` +
      `${s.best.toFixed(2)}× (best samples), over ${s.fromSamples} + ${s.toSamples} samples`,
  );
}

/** Header line: what was multiplied. */
export function formatRunHeader(results: readonly BenchResult[], seed: number): string {
  const r = results[0];
  if (!r) return 'no results';
  const measured = results.find(isMeasured);
  const data = measured?.dataSamples;
  const over = data === undefined ? '' : ` over ${data} data sample${data === 1 ? '' : 's'} (each checked)`;
  const samples = measured ? `${measured.samplesMs.length} samples per variant${over}, ` : '';
  return `C(${r.m}×${r.n}) = A(${r.m}×${r.l}) · B(${r.l}×${r.n}), ${r.dtype}, ${samples}seed ${seed}, times per product`;
}
