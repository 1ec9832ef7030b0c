// Text renderings of results for the terminal. Pure: results in, strings out.
import type { BenchResult, Environment, MeasuredResult } from './protocol.ts';

/** A time in ms with about three significant digits, never in exponent notation. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const a = Math.abs(ms);
  if (a >= 100) return ms.toFixed(0);
  if (a >= 10) return ms.toFixed(1);
  if (a >= 1) return ms.toFixed(2);
  if (a >= 0.01) return ms.toFixed(3);
  if (a === 0) return '0';
  // Below 10 µs: enough decimals for three significant digits.
  const decimals = Math.min(12, 2 - Math.floor(Math.log10(a)));
  return ms.toFixed(decimals);
}

export function formatGflops(g: number): string {
  if (!Number.isFinite(g)) return String(g);
  if (g >= 100) return g.toFixed(0);
  if (g >= 10) return g.toFixed(1);
  if (g >= 1) return g.toFixed(2);
  return g.toPrecision(2); // 0.011, not 0.01: slow variants still differ visibly
}

/** Spread as the median absolute deviation relative to the median, flagged when the samples disagree > 1.5×. */
export function formatSpread(r: MeasuredResult): string {
  const rel = r.stats.medianMs > 0 ? (100 * r.stats.madMs) / r.stats.medianMs : 0;
  return `±${rel < 10 ? rel.toFixed(1) : rel.toFixed(0)}%${r.stats.noisy ? ' noisy' : ''}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
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
        const pad = ' '.repeat(widths[i] - len(cell));
        if (i === row.length - 1 && align[i] !== 'right') return cell; // no trailing blanks
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  '),
  );
}

export const TABLE_HEADER = ['variant', 'workers', 'median ms', 'p10 ms', 'spread', 'GFLOP/s', 'ok', 'speedup', 'batch', 'cold ms'] as const;

/**
 * The readable table of `npm run bench`: one row per requested variant, in order.
 * Speed-up is relative to the first variant that ran (>1 = faster than it).
 * A variant that could not run keeps its row, with its reason.
 */
export function formatTable(results: readonly BenchResult[]): string {
  const base = results.find((r): r is MeasuredResult => r.status === 'ok');
  const rows: string[][] = [[...TABLE_HEADER]];
  const failures: string[] = [];
  for (const r of results) {
    if (r.status === 'ok') {
      const speedup = base ? base.medianMs / r.medianMs : NaN;
      rows.push([
        r.variant,
        String(r.workers),
        formatMs(r.medianMs),
        formatMs(r.stats.p10Ms),
        formatSpread(r),
        formatGflops(r.gflops),
        r.correct ? '✓' : '✗',
        Number.isFinite(speedup) ? `${speedup.toFixed(2)}×` : '—',
        String(r.batch),
        formatMs(r.coldMs),
      ]);
      if (!r.correct) {
        failures.push(
          `${r.variant}: WRONG RESULT, ${r.check.mismatches} elements outside tolerance ` +
            `(max |error| ${r.check.maxAbsError.toPrecision(3)}, rtol ${r.check.rtol}, atol ${r.check.atol})`,
        );
      }
    } else {
      rows.push([r.variant, String(r.workers), '—', '—', '—', '—', '✗', '—', '—', '—']);
      failures.push(`${r.variant}: not run: ${r.error}`);
    }
  }
  const lines = alignTable(rows, ['left', 'right', 'right', 'right', 'left', 'right', 'left', 'right', 'right', 'right']);
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
    if (r.status === 'ok' && r.kernelMs !== undefined) parts.push(`kernel ${formatMs(r.kernelMs)} ms median (timestamp-query)`);
    if (r.status === 'ok' && r.bytesMoved !== undefined) parts.push(`${formatBytes(r.bytesMoved)} moved per call`);
    if (r.status === 'ok' && (r.kernelMs !== undefined || r.bytesMoved !== undefined)) parts.push(`first call ${formatMs(r.coldMs)} ms (shader compile, pipeline)`);
    if (r.adapter !== undefined) parts.push(`adapter ${r.adapter}`);
    if (r.note !== undefined) parts.push(`⚠ ${r.note}`);
    if (parts.length > 0) out.push(`${r.variant}: ${parts.join(', ')}`);
  }
  return out;
}

/** One line saying where the figures come from: a number without its environment is not a result. */
export function formatEnvironment(env: Environment): string {
  const yes = (b: boolean): string => (b ? 'yes' : 'no');
  const us = env.timerResolutionMs * 1000;
  return (
    `env: ${env.cores} cores, cross-origin isolated ${yes(env.crossOriginIsolated)}, ` +
    `SharedArrayBuffer ${yes(env.sharedArrayBuffer)}, WebAssembly SIMD ${yes(env.wasmSimd)}, ` +
    `timer step ${us >= 1 ? us.toFixed(us < 10 ? 1 : 0) : us.toPrecision(2)} µs; ${env.userAgent}`
  );
}

/** Header line: what was multiplied. */
export function formatRunHeader(results: readonly BenchResult[], seed: number): string {
  const r = results[0];
  if (!r) return 'no results';
  const measured = results.find((x): x is MeasuredResult => x.status === 'ok');
  const samples = measured ? `${measured.samplesMs.length} samples per variant, ` : '';
  return `C(${r.m}×${r.n}) = A(${r.m}×${r.l}) · B(${r.l}×${r.n}), ${r.dtype}, ${samples}seed ${seed}, times per product`;
}
