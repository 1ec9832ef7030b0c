import { describe, expect, it } from 'vitest';
import { deriveSeries, LOG_SPAN_RATIO, mergeResults, selfSpeedupPoints, speedupPoints, warmupRows } from '../../src/charts/series.ts';
import { failed, measured, mixed } from './series-fixtures.ts';

describe('deriveSeries()', () => {
  it('gives one row per result in order, with median, p10–max spread and speedup against the first', () => {
    const s = deriveSeries(mixed);
    expect(s.rows.map((r) => r.variant)).toEqual(['naive', 'element-vectorised', 'indexing', 'broadcasting']);
    const [naive, vec] = s.rows;
    expect(naive!.medianMs).toBe(10);
    expect(naive!.lowMs).toBe(9);
    expect(naive!.highMs).toBe(12);
    expect(naive!.speedup).toBe(1);
    expect(vec!.speedup).toBe(5); // 10 / 2
    expect(s.baseline).toBe('naive');
  });

  it('keeps failed results in the table with their reason, out of the chart', () => {
    const s = deriveSeries(mixed);
    const broken = s.rows[3]!;
    expect(broken.status).toBe('error');
    expect(broken.error).toMatch(/budget/);
    expect(broken.medianMs).toBeNull();
    expect(s.measured.map((r) => r.variant)).not.toContain('broadcasting');
  });

  it('flags incorrect results instead of hiding them', () => {
    const row = deriveSeries(mixed).rows[2]!;
    expect(row.status).toBe('ok');
    expect(row.correct).toBe(false);
  });

  it('switches to a log axis only when values span more than 100×', () => {
    expect(deriveSeries(mixed).log).toBe(false); // 1.5 … 12
    const wide = [measured('naive', [500, 510]), measured('wasm-simd', [4, 5])];
    expect(500 / 4).toBeGreaterThan(LOG_SPAN_RATIO);
    expect(deriveSeries(wide).log).toBe(true);
    expect(deriveSeries(wide).extent).toEqual([4, 510]);
  });

  it('has no speedup baseline when the first variant failed', () => {
    const s = deriveSeries([failed('naive', 'cancelled'), measured('ikj', [1, 1])]);
    expect(s.baseline).toBeNull();
    expect(s.rows[1]!.speedup).toBeNull();
  });

  it('labels rows with the shape when a set mixes shapes, and compares within a shape', () => {
    const high = measured('naive', [40, 40], { m: 20, l: 10000, n: 40 });
    const highVec = measured('element-vectorised', [4, 4], { m: 20, l: 10000, n: 40 });
    const s = deriveSeries([measured('naive', [10, 10]), high, highVec]);
    expect(s.rows.map((r) => r.label)).toEqual(['naive · 200×10×400', 'naive · 20×10000×40', 'element-vectorised · 20×10000×40']);
    expect(s.rows[2]!.speedup).toBe(10);
  });

  it('gives an empty chart for no results', () => {
    const s = deriveSeries([]);
    expect(s.rows).toEqual([]);
    expect(s.extent).toBeNull();
    expect(s.log).toBe(false);
  });
});

describe('deriveSeries() options and labels', () => {
  it('compares against a named baseline variant when it is present', () => {
    const s = deriveSeries([measured('element-vectorised', [20, 20]), measured('naive', [10, 10])], { baseline: 'naive' });
    expect(s.baseline).toBe('naive');
    expect(s.rows[0]!.speedup).toBe(0.5);
    expect(s.rows[1]!.speedup).toBe(1);
  });

  it('names the worker count only for variants measured with several', () => {
    const s = deriveSeries([measured('naive', [10, 10]), measured('pool-row', [8, 8]), measured('pool-row', [5, 5], { workers: 2 })]);
    expect(s.rows.map((r) => r.label)).toEqual(['naive', 'pool-row · 1 worker', 'pool-row · 2 workers']);
  });
});

describe('mergeResults()', () => {
  it('replaces a result of the same variant and settings, keeps the others', () => {
    const merged = mergeResults(mixed, [measured('naive', [8, 8])]);
    expect(merged.map((r) => r.variant)).toEqual(['element-vectorised', 'indexing', 'broadcasting', 'naive']);
    expect(merged[3]).toMatchObject({ status: 'ok', medianMs: 8 });
    const other = mergeResults(mixed, [measured('naive', [8, 8], { workers: 2 })]);
    expect(other).toHaveLength(5);
  });
});

describe('speedupPoints()', () => {
  it('divides the serial reference by each median and leaves out wrong results', () => {
    const pts = speedupPoints(
      [
        measured('pool-row', [5, 5], { workers: 2 }),
        measured('pool-row', [10, 10], { workers: 1 }),
        measured('pool-row', [1, 1], { workers: 4, correct: false }),
        failed('pool-row', 'cancelled'),
      ],
      10,
    );
    expect(pts).toEqual([
      { variant: 'pool-row', workers: 1, medianMs: 10, speedup: 1, efficiency: 1 },
      { variant: 'pool-row', workers: 2, medianMs: 5, speedup: 2, efficiency: 1 },
    ]);
    expect(speedupPoints(mixed, 0)).toEqual([]);
  });
});

describe('selfSpeedupPoints()', () => {
  it('divides each variant by its own one-worker median', () => {
    const pts = selfSpeedupPoints([
      measured('naive', [3, 3]),
      measured('pool-row', [8, 8], { workers: 1 }),
      measured('pool-row', [5, 5], { workers: 2 }),
      measured('parallel-wasm', [2, 2], { workers: 2 }), // no 1-worker run: left out
    ]);
    expect(pts.map((p) => [p.variant, p.workers, p.speedup])).toEqual([
      ['naive', 1, 1],
      ['pool-row', 1, 1],
      ['pool-row', 2, 1.6],
    ]);
  });
});

describe('warmupRows()', () => {
  it('pairs the first call with the warmed median', () => {
    const rows = warmupRows([measured('naive', [2, 2], { coldMs: 20 }), failed('ikj', 'x')]);
    expect(rows).toEqual([{ variant: 'naive', label: 'naive', coldMs: 20, medianMs: 2, ratio: 10 }]);
  });
});
