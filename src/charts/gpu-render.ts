// Draws a GPU size sweep with Observable Plot: GFLOP/s against size (log x),
// one colour per variant; for the GPU variants a solid line with transfers (the
// whole call) and a dashed one for the kernel alone. Rendering only: every
// number comes from gpu-series.ts.
import type { SweepPoint, SweepSeries } from './gpu-series.ts';
import { baseStyle, drawPlot, loadPlot, tickText, type ChartOptions } from './render.ts';
import { formatMs, sig } from '../format/units.ts';
import { SOFTWARE_ADAPTER_NOTE } from '../gpu/meta.ts';

/** Colour-blind-safe, readable on light and dark slides; CPU first. */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#9c755f', '#e15759'];

/** 1, 2 and 5 times the powers of ten within [lo, hi]: a log axis labelled and gridded only where it is read. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(+v.toPrecision(1));
    }
  }
  return out;
}

/**
 * Both axes are logarithmic, drawn as linear axes over log2(size) and log10(GFLOP/s):
 * Plot hands a log scale's tick labels to d3, which blanks some of them (5, 512…);
 * over the logarithms every tick we choose keeps its label.
 */
export async function renderSweepChart(series: SweepSeries, options: ChartOptions): Promise<Element | null> {
  if (series.points.length === 0) return null;
  const Plot = await loadPlot();
  const doc = options.document;
  const variants = [...new Set(series.points.map((p) => p.variant))];
  const ly = (g: number) => (series.logY ? Math.log10(g) : g);
  const placed = series.points.map((p) => ({ ...p, lx: Math.log2(p.size), ly: ly(p.gflops) }));
  const wall = placed.filter((p) => p.timing === 'wall');
  const kernel = placed.filter((p) => p.timing === 'kernel');

  const head = doc.createElement('div');
  head.className = 'bp-chart-head';
  if (series.software) {
    const warn = doc.createElement('p');
    warn.className = 'bp-software';
    warn.textContent = `⚠ ${SOFTWARE_ADAPTER_NOTE}${series.adapter ? ` (${series.adapter})` : ''}`;
    head.append(warn);
  }
  const key = doc.createElement('p');
  key.className = 'bp-note bp-line-key';
  key.textContent = kernel.length > 0
    ? 'Solid: whole call, with transfers to and from the GPU. Dashed: the kernel alone (timestamp-query).'
    : 'Solid: whole call, with transfers to and from the GPU. (No kernel-only line: this device reports no timestamps.)';
  head.append(key);

  const lo = Math.min(...series.points.map((p) => p.gflops));
  const hi = Math.max(...series.points.map((p) => p.gflops));
  const sizes = [...new Set(series.points.map((p) => p.size))].sort((a, b) => a - b);
  const lx = sizes.map(Math.log2);
  const tip = (p: SweepPoint) => `${p.series}\nsize ${p.size}: ${sig(p.gflops)} GFLOP/s\n${formatMs(p.ms)} per product`;
  const yLog = series.logY ? logTicks(lo / 1.5, hi * 1.5) : [];
  return drawPlot(Plot, {
    document: doc,
    width: options.width ?? 560,
    height: 290,
    marginTop: 34,
    marginLeft: 60,
    marginRight: 24,
    marginBottom: 48,
    style: baseStyle(),
    subtitle: head,
    x: {
      type: 'linear',
      label: 'size n of n×n · n×n (log scale) →',
      labelAnchor: 'center',
      labelOffset: 42,
      ticks: lx,
      tickFormat: (d: number) => String(Math.round(2 ** d)),
      grid: true,
      domain: [lx[0]! - 0.25, lx.at(-1)! + 0.25],
    },
    y: series.logY
      ? {
          type: 'linear',
          label: '↑ GFLOP/s (log scale)',
          grid: true,
          domain: [Math.log10(lo / 1.5), Math.log10(hi * 1.5)],
          ticks: yLog.map(Math.log10),
          tickFormat: (d: number) => tickText(10 ** d),
        }
      : { type: 'linear', label: '↑ GFLOP/s', grid: true, zero: true, nice: true, tickFormat: tickText },
    color: { domain: variants, range: PALETTE.slice(0, variants.length), legend: true },
    marks: [
      Plot.line(wall, { x: 'lx', y: 'ly', z: 'series', stroke: 'variant', strokeWidth: 2.5, className: 'bp-gpu-line' }),
      Plot.line(kernel, { x: 'lx', y: 'ly', z: 'series', stroke: 'variant', strokeWidth: 2, strokeDasharray: '6 4', className: 'bp-gpu-line' }),
      Plot.dot(wall, { x: 'lx', y: 'ly', fill: 'variant', r: 3.5 }),
      Plot.dot(kernel, { x: 'lx', y: 'ly', stroke: 'variant', fill: 'none', r: 3.5 }),
      Plot.tip(placed, Plot.pointer({ x: 'lx', y: 'ly', title: tip })),
    ],
  });
}
