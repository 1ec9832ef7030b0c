import { describe, expect, it } from 'vitest';
import { alignTable, formatEnvironment, formatPeaks, formatTable, formatWorkerSpeedups, peaksOf } from '../../src/bench/format.ts';
import { formatBytes, formatGflops, formatMs, formatPercent, formatRatio, sig } from '../../src/format/units.ts';
import type { BenchResult, Environment, FailedResult, MeasuredPeaks, MeasuredResult } from '../../src/bench/protocol.ts';

// Example figures for formatting only: no timing here was measured.
const env: Environment = {
  crossOriginIsolated: true,
  sharedArrayBuffer: true,
  cores: 2,
  timerResolutionMs: 0.005,
  wasmSimd: true,
  userAgent: 'HeadlessChrome/156',
};
const base = { m: 4, l: 5, n: 6, dtype: 'f64' as const, workers: 1, env, at: '2026-01-01T00:00:00.000Z' };
function measured(variant: string, medianMs: number, extra: Partial<MeasuredResult> = {}): MeasuredResult {
  return {
    ...base,
    status: 'ok',
    variant,
    samplesMs: [medianMs, medianMs, medianMs, medianMs, medianMs],
    coldMs: medianMs * 3,
    batch: 10,
    medianMs,
    stats: { medianMs, minMs: medianMs, maxMs: medianMs, madMs: medianMs / 10, p10Ms: medianMs * 0.9, meanMs: medianMs, noisy: false },
    gflops: 240 / (medianMs * 1e6),
    correct: true,
    check: { correct: true, maxAbsError: 0, mismatches: 0, rtol: 1e-5, atol: 1e-8 },
    extraBytes: 0,
    ...extra,
  };
}
const failed: FailedResult = {
  ...base,
  status: 'error',
  variant: 'nope',
  error: 'unknown variant "nope"',
};

describe('sig', () => {
  it('keeps three significant digits without exponents', () => {
    expect(sig(1234.5)).toBe('1235');
    expect(sig(12.345)).toBe('12.3');
    expect(sig(1.2345)).toBe('1.23');
    expect(sig(0.12345)).toBe('0.123');
    expect(sig(0.012345)).toBe('0.0123');
    expect(sig(0.0012345)).toBe('0.00123');
    expect(sig(0.000012345)).toBe('0.0000123');
    expect(sig(-0.5)).toBe('-0.500');
    expect(sig(0)).toBe('0');
    expect(sig(Number.NaN)).toBe('NaN');
  });

  it('takes fewer digits when asked', () => {
    expect(sig(2.345, 2)).toBe('2.3');
    expect(sig(234.4, 2)).toBe('234'); // never rounds away whole digits
  });
});

describe('formatMs', () => {
  it('picks µs, ms or s, with three significant digits', () => {
    expect(formatMs(0.0629)).toBe('62.9 µs');
    expect(formatMs(5.333)).toBe('5.33 ms');
    expect(formatMs(999.4)).toBe('999 ms');
    expect(formatMs(2004)).toBe('2.00 s');
  });

  it('prints a dash when there is no time', () => {
    expect(formatMs(null)).toBe('–');
    expect(formatMs(Number.NaN)).toBe('–');
    expect(formatMs(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatRatio', () => {
  it('marks a ratio with ×, and none with a dash', () => {
    expect(formatRatio(2.5)).toBe('2.50×');
    expect(formatRatio(null)).toBe('–');
  });
});

describe('formatGflops', () => {
  it('keeps two significant digits for slow variants', () => {
    expect(formatGflops(25.44)).toBe('25.4');
    expect(formatGflops(1.234)).toBe('1.23');
    expect(formatGflops(0.01104)).toBe('0.011');
    expect(formatGflops(0.19)).toBe('0.19');
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 2)).toBe('5.0 MiB');
    expect(formatBytes(1024 ** 3)).toBe('1.0 GiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
    expect(formatBytes(-2048)).toBe('-2.0 KiB');
  });

  it('prints whole bytes, so a share of a total stays readable', () => {
    expect(formatBytes(1000 / 3)).toBe('333 B');
  });
});

describe('alignTable', () => {
  it('pads columns to the widest cell, right-aligning numbers', () => {
    const lines = alignTable(
      [
        ['a', '1', 'x'],
        ['long', '100', 'y'],
      ],
      ['left', 'right', 'left'],
    );
    expect(lines).toEqual(['a       1  x', 'long  100  y']);
  });

  it('counts ✓ and × as one column', () => {
    const lines = alignTable([['✓', '2.00×'], ['ok', '1×']], ['left', 'right']);
    expect(lines).toEqual(['✓   2.00×', 'ok     1×']);
  });
});

describe('formatTable', () => {
  const results: BenchResult[] = [measured('naive', 2), measured('wasm-simd', 0.5), failed];
  const text = formatTable(results);
  const lines = text.split('\n');

  it('has a header and one row per result, in order', () => {
    expect(lines[0]).toMatch(/^variant\s+workers\s+median ms\s+p10 ms\s+spread\s+GFLOP\/s\s+% peak\s+ok\s+speedup\s+batch\s+cold ms\s+build$/);
    expect(lines[1]).toMatch(/^naive\s+1\s/); // the workers a result says it used
    expect(lines[1]).toMatch(/^naive\s/);
    expect(lines[2]).toMatch(/^wasm-simd\s/);
    expect(lines[3]).toMatch(/^nope\s/);
  });

  it('aligns every row to the same width', () => {
    const width = (s: string) => [...s].length;
    const columnStart = (s: string) => s.indexOf('median ms');
    const [header = '', first = '', second = ''] = lines;
    expect(columnStart(header)).toBeGreaterThan(0);
    // The median column ends at the same place on each measured row.
    const end = columnStart(header) + 'median ms'.length;
    expect(first.slice(0, end)).toMatch(/ 2\.00$/);
    expect(second.slice(0, end)).toMatch(/ 0\.500$/);
    expect(width(first)).toBe(width(second));
  });

  it('shows speed-up against the first variant, the check mark and the spread', () => {
    expect(lines[1]).toContain('1.00×');
    expect(lines[2]).toContain('4.00×'); // 2 ms / 0.5 ms
    expect(lines[1]).toContain('✓');
    expect(lines[1]).toContain('±10%'); // MAD is a tenth of the median
  });

  it('keeps a variant that could not run, with its reason', () => {
    expect(lines[3]).toContain('✗');
    expect(text).toContain('nope: not run: unknown variant "nope"');
  });

  it('marks a wrong result loudly', () => {
    const wrong = measured('bad', 1, {
      correct: false,
      check: { correct: false, maxAbsError: 1, mismatches: 24, rtol: 1e-5, atol: 1e-8 },
    });
    const t = formatTable([wrong]);
    expect(t.split('\n')[1]).toContain('✗');
    expect(t).toContain('bad: WRONG RESULT, 24 elements outside tolerance');
  });

  it('flags noisy samples', () => {
    const noisy = measured('n', 1, {
      stats: { medianMs: 1, minMs: 0.5, maxMs: 2, madMs: 0.2, p10Ms: 0.6, meanMs: 1.1, noisy: true },
    });
    expect(formatTable([noisy])).toContain('noisy');
  });
});

describe('% of peak and build columns', () => {
  it('shows each result\'s share of its peak and the build that ran, — and blank where there is none', () => {
    const t = formatTable([measured('tuned', 1, { pctOfPeak: 83.26, build: 'relaxed-simd' }), measured('naive', 2, { pctOfPeak: 0.4123 }), measured('x', 3), failed]);
    const [, tuned, naive, x, nope] = t.split('\n');
    expect(tuned).toMatch(/\s83%\s+✓/);
    expect(tuned).toMatch(/\srelaxed-simd$/);
    expect(naive).toMatch(/\s0\.41%\s+✓/);
    expect(naive).not.toMatch(/\s$/);
    expect(x).toMatch(/\s—\s+✓/);
    expect(nope).toMatch(/^nope\s/);
    expect(formatPercent(4.25)).toBe('4.3%');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('formatEnvironment', () => {
  it('says where the figures come from', () => {
    const line = formatEnvironment(env);
    expect(line).toContain('2 cores');
    expect(line).toContain('cross-origin isolated yes');
    expect(line).toContain('timer step 5.0 µs');
    expect(line).toContain('HeadlessChrome/156');
    expect(line).not.toContain('peak');
  });

  const peaks = (w: number, fma = true): MeasuredPeaks => ({
    f32: { gflops: 52.14 * w, fma, workers: w },
    f64: { gflops: 26.07 * w, fma, workers: w },
    f32Plain: { gflops: 26.4 * w, fma: false, workers: w },
    f64Plain: { gflops: 13.2 * w, fma: false, workers: w },
    perWorker: w === 1,
  });

  it('lists the measured peaks of each worker count', () => {
    const one = formatEnvironment({ ...env, peaks: peaks(1) });
    expect(one).toContain('peak (1 worker): f32 52.1 FMA / 26.4 plain, f64 26.1 FMA / 13.2 plain GFLOP/s');
    const both = formatEnvironment(env, [peaks(1), peaks(2)]);
    expect(both).toContain('peak (1 worker): f32 52.1');
    expect(both).toContain('peak (2 workers at once): f32 104 FMA / 52.8 plain');
    expect(formatPeaks(peaks(1, false))).toBe('peak (1 worker): f32 26.4 plain, f64 13.2 plain GFLOP/s');
  });

  it('finds each distinct set of peaks among results once', () => {
    const results = [measured('a', 1, { env: { ...env, peaks: peaks(1) } }), measured('b', 1, { env: { ...env, peaks: peaks(2) } }), measured('c', 1, { env: { ...env, peaks: peaks(1) } }), measured('d', 1)];
    expect(peaksOf(results).map((p) => p.f32.workers)).toEqual([1, 2]);
  });
});

describe('formatWorkerSpeedups', () => {
  it('one line per variant: medians and best samples', () => {
    expect(formatWorkerSpeedups([{ variant: 'parallel-tuned', fromWorkers: 1, toWorkers: 2, median: 1.8734, best: 1.9, fromSamples: 15, toSamples: 15 }])).toEqual([
      'parallel-tuned: 2 workers vs 1: 1.87× (medians), 1.90× (best samples), over 15 + 15 samples',
    ]);
  });
});
