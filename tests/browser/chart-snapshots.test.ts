// Every chart renderer as drawn, on fixed results (invented figures, no timing):
// the markup is compared with a snapshot, at a slide's width (labels beside the
// marks) and, for the charts of labelled rows, at a phone's (a label line above
// each row). The closing ladder has its own (ladder-chart.test.ts).
import { describe, expect, it } from 'vitest';
import type { BenchResult, MeasuredResult } from '../../src/bench/protocol.ts';
import { renderSweepChart } from '../../src/charts/gpu-render.ts';
import { sweepSeries } from '../../src/charts/gpu-series.ts';
import { renderBars, renderSpeedupChart, renderTimesChart, renderWarmupChart } from '../../src/charts/render.ts';
import { deriveSeries, matchingRows, selfSpeedupPoints, warmupRows } from '../../src/charts/series.ts';
import { SOFTWARE_ADAPTER_NOTE } from '../../src/gpu/meta.ts';
import { failed, measured, mixed } from '../unit/series-fixtures.ts';

/**
 * The markup, with the ids Plot numbers from a page-wide counter (markers, clip
 * paths) renumbered per chart: they depend on how many charts came before.
 */
function markup(chart: Element | null): string {
  if (!chart) throw new Error('the renderer drew nothing');
  const renumbered = new Map<string, string>();
  return chart.outerHTML.replace(/\bplot-([a-z]+)-\d+\b/g, (id, kind: string) => {
    if (!renumbered.has(id)) renumbered.set(id, `plot-${kind}-n${renumbered.size}`);
    return renumbered.get(id)!;
  });
}

/** naive, one wrong result, one refused: the 3.1 panel's kind of set, spanning less than 100×. */
const times = deriveSeries(mixed);
/** 120 ms against 0.4 ms: more than 100×, so a log axis. */
const wide = deriveSeries([measured('naive', [120, 118, 125, 121, 119]), measured('wasm-simd', [0.4, 0.41, 0.39, 0.4, 0.45])]);
/** The same variants measured in another browser, imported beside this one. */
const imported = [
  {
    source: 'Firefox 140 · 8 cores · 2026-12-01',
    rows: matchingRows(times, [measured('naive', [8, 8.5, 8, 7.5, 9]), measured('element-vectorised', [3, 3, 3.5, 2.5, 3])]),
  },
];

const workers = (variant: string, ms: readonly number[]): MeasuredResult[] =>
  ms.map((t, i) => measured(variant, [t, t, t * 1.1, t, t * 0.95], { workers: 2 ** i }));
const parallel: BenchResult[] = [...workers('shared-row', [40, 22, 13]), ...workers('pool-row', [44, 30, 26]), failed('shared-element', 'needs a cross-origin-isolated page')];

const warmups: BenchResult[] = [...mixed, measured('wasm-simd', [1, 1.2, 1, 0.9, 1], { coldMs: 0.5 })];

/** A GPU sweep on the software adapter: a CPU line, the tiled kernel with timestamps, naive without. */
function square(variant: string, n: number, ms: number, extra: Partial<MeasuredResult> = {}): MeasuredResult {
  const base = measured(variant, [ms, ms, ms, ms, ms], { m: n, l: n, n, dtype: 'f32' });
  return { ...base, gflops: (2 * n ** 3) / (ms * 1e6), ...extra };
}
const onGpu = { note: SOFTWARE_ADAPTER_NOTE, adapter: 'google swiftshader' };
const sweep: BenchResult[] = [
  square('wasm-simd', 64, 2),
  square('webgpu-tiled', 64, 8, { ...onGpu, kernelMs: 1, bytesMoved: 3 * 64 * 64 * 4 }),
  square('webgpu-naive', 64, 9, onGpu),
  square('wasm-simd', 256, 110),
  square('webgpu-tiled', 256, 30, { ...onGpu, kernelMs: 4, bytesMoved: 3 * 256 * 256 * 4 }),
  square('webgpu-naive', 256, 60, onGpu),
];
/** Sizes close together and no timestamps: a linear y axis, no dashed lines, no software warning. */
const flatSweep: BenchResult[] = [square('wasm-simd', 64, 2), square('webgpu-naive', 64, 3), square('wasm-simd', 128, 16), square('webgpu-naive', 128, 12)];

describe('chart snapshots on fixed results', () => {
  for (const width of [720, 340]) {
    it(`times chart at ${width} px: wrong in red, the refused one left out`, async () => {
      expect(markup(await renderTimesChart(times, { document, width }))).toMatchSnapshot();
    });
  }

  it('times chart on a log axis when the times span more than 100×', async () => {
    expect(wide.log).toBe(true);
    expect(markup(await renderTimesChart(wide, { document, width: 720 }))).toMatchSnapshot();
  });

  it('times chart with a series imported from another browser', async () => {
    expect(markup(await renderTimesChart(times, { document, width: 720, others: imported, liveSource: 'this browser' }))).toMatchSnapshot();
  });

  it('speedup chart: T1/Tp per variant against the ideal line', async () => {
    expect(markup(await renderSpeedupChart(selfSpeedupPoints(parallel), { document, width: 720 }))).toMatchSnapshot();
  });

  for (const width of [720, 340]) {
    it(`warm-up chart at ${width} px: first call slower, and one faster`, async () => {
      expect(markup(await renderWarmupChart(warmupRows(warmups), { document, width }))).toMatchSnapshot();
    });
  }

  const bars = [
    { label: 'plain: expected', value: 2_000_000 },
    { label: 'plain: got', value: 1_234_567, bad: true, note: '(765,433 updates lost)' },
    { label: 'atomic: got', value: 2_000_000 },
  ];
  for (const width of [720, 340]) {
    it(`bars at ${width} px: a bad value in red, with its note`, async () => {
      const chart = await renderBars(bars, {
        document,
        width,
        xLabel: 'counter total →',
        format: (v) => v.toLocaleString('en'),
        tickFormat: new Intl.NumberFormat('en', { notation: 'compact' }).format,
      });
      expect(markup(chart)).toMatchSnapshot();
    });
  }

  it('bars on a log axis', async () => {
    const costs = [
      { label: 'clone 1 MiB', value: 0.6 },
      { label: 'transfer 1 MiB', value: 0.05 },
      { label: 'share 1 MiB', value: 0.02 },
      { label: 'clone 128 MiB', value: 70 },
    ];
    expect(markup(await renderBars(costs, { document, width: 720, xLabel: 'time per message (ms, log scale) →', log: true }))).toMatchSnapshot();
  });

  it('GPU sweep on the software adapter: both axes log, dashed kernel-only line, the warning above', async () => {
    const series = sweepSeries(sweep);
    expect(series.logY).toBe(true);
    expect(markup(await renderSweepChart(series, { document, width: 720 }))).toMatchSnapshot();
  });

  it('GPU sweep without timestamps on a linear GFLOP/s axis', async () => {
    const series = sweepSeries(flatSweep);
    expect(series.logY).toBe(false);
    expect(markup(await renderSweepChart(series, { document, width: 720 }))).toMatchSnapshot();
  });
});
