// Draws derived series with Observable Plot. Plot is loaded on first use
// (dynamic import), so slides without a chart never pay for it. Rendering
// only: every number comes from series.ts. The caller passes the document,
// so nothing here assumes a global page.
import type { ChartSeries, ResultRow, SpeedupPoint, WarmupRow } from './series.ts';
import { formatMs, sig } from '../panels/progress.ts';

type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | null = null;

/** Plot, imported once on demand. */
export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

let warmed: Promise<void> | null = null;

/**
 * Import Plot and draw one throwaway chart. The first real chart otherwise pays
 * for compiling Plot's code paths (~30 ms on a slow machine), which could land
 * as a long task right after a run; panels call this when the page is idle.
 */
export function warmPlot(doc: Document = document): Promise<void> {
  warmed ??= loadPlot().then((Plot) => {
    drawPlot(Plot, { document: doc, width: 200, height: 100, x: { type: 'log' }, y: { domain: ['a'] }, marks: [Plot.ruleY([{ y: 'a', x1: 1, x2: 2 }], { y: 'y', x1: 'x1', x2: 'x2' }), Plot.dot([{ y: 'a', x: 1 }], { y: 'y', x: 'x' }), Plot.text([{ y: 'a', x: 1 }], { y: 'y', x: 'x', text: () => 'a' })] });
  });
  return warmed;
}

/** The class Plot's charts get; panel.css styles it (Plot's own rules, as a stylesheet). */
export const PLOT_CLASS = 'bp-plot';

/**
 * Plot.plot without the <style> element Plot puts in every chart: a strict
 * Content-Security-Policy (style-src 'self') blocks inline styles, so the same
 * rules live in panel.css under PLOT_CLASS. Removed before the chart is in the page.
 */
export function drawPlot(Plot: PlotModule, options: Parameters<PlotModule['plot']>[0]): ReturnType<PlotModule['plot']> {
  const chart = Plot.plot({ ...options, className: PLOT_CLASS });
  for (const style of chart.querySelectorAll('style')) style.remove();
  return chart;
}

/** Colours chosen to read on both light and dark slide themes. */
export const COLORS = {
  ok: '#3b8bd9',
  wrong: '#e4572e',
  ideal: '#9a9a9a',
  cold: '#f0a202',
} as const;

export interface ChartOptions {
  readonly document: Document;
  /** Pixel width; the panel passes its own width. */
  readonly width?: number;
}

/** Room for the y labels: as much as the longest needs, up to 60 % of the chart (long summary labels). */
function marginFor(labels: readonly string[], width = 560): number {
  const longest = labels.reduce((n, s) => Math.max(n, s.length), 0);
  return Math.min(Math.max(260, width * 0.6), 16 + longest * 8.4);
}

/** Plain numbers on the time axis (Plot's default log format prints SI prefixes like "10m"). */
function msTick(d: number): string {
  return d === 0 ? '0' : String(+d.toPrecision(2));
}

function baseStyle() {
  return { background: 'transparent', color: 'currentColor', fontSize: '14px', overflow: 'visible' } as const;
}

/**
 * Median per variant as a dot, its spread (p10 to max) as a rule, the median
 * printed beside it; wrong results in red with ✗. Log axis when the values
 * span more than 100× (series.log).
 */
export async function renderTimesChart(series: ChartSeries, options: ChartOptions): Promise<Element | null> {
  if (series.measured.length === 0) return null;
  const Plot = await loadPlot();
  const rows = series.measured;
  const labels = rows.map((r) => r.label);
  const color = (r: ResultRow) => (r.correct ? COLORS.ok : COLORS.wrong);
  return drawPlot(Plot, {
    document: options.document,
    width: options.width ?? 560,
    // Long lists (layouts × types) get tighter rows so the chart fits a slide.
    height: 64 + rows.length * (rows.length > 6 ? 24 : 34),
    marginLeft: marginFor(labels, options.width),
    marginRight: 110,
    style: baseStyle(),
    marginBottom: 44,
    x: {
      type: series.log ? 'log' : 'linear',
      label: series.log ? 'time per product (ms, log scale) →' : 'time per product (ms) →',
      labelAnchor: 'center',
      labelOffset: 38,
      tickFormat: msTick,
      grid: true,
      nice: true,
      ...(series.log ? {} : { zero: true }),
    },
    y: { domain: labels, label: null },
    marks: [
      Plot.ruleY(rows, { y: 'label', x1: 'lowMs', x2: 'highMs', stroke: color, strokeWidth: 3, strokeOpacity: 0.55 }),
      Plot.dot(rows, { y: 'label', x: 'medianMs', fill: color, r: 5, stroke: 'none' }),
      Plot.text(rows, {
        y: 'label',
        x: 'highMs',
        dx: 8,
        textAnchor: 'start',
        fill: 'currentColor',
        text: (r: ResultRow) => `${formatMs(r.medianMs)}${r.correct ? '' : ' ✗ wrong'}`,
      }),
      Plot.tip(rows, Plot.pointerY({
        y: 'label',
        x: 'medianMs',
        title: (r: ResultRow) =>
          `${r.label}\nmedian ${formatMs(r.medianMs)}\np10–max ${formatMs(r.lowMs)} – ${formatMs(r.highMs)}\n${r.samples} samples`,
      })),
    ],
  });
}

/** Speedup against worker count, one line per variant, with the ideal line speedup = workers. */
export async function renderSpeedupChart(points: readonly SpeedupPoint[], options: ChartOptions): Promise<Element | null> {
  if (points.length === 0) return null;
  const Plot = await loadPlot();
  const maxWorkers = Math.max(...points.map((p) => p.workers));
  const maxSpeedup = Math.max(maxWorkers, ...points.map((p) => p.speedup));
  const ideal = Array.from({ length: maxWorkers }, (_, i) => ({ workers: i + 1, speedup: i + 1 }));
  const variants = [...new Set(points.map((p) => p.variant))];
  return drawPlot(Plot, {
    document: options.document,
    width: options.width ?? 560,
    height: 300,
    marginRight: 110,
    style: baseStyle(),
    x: { label: 'workers →', domain: [0.5, maxWorkers + 0.5], ticks: ideal.map((d) => d.workers), tickFormat: 'd', grid: true },
    y: { label: '↑ speedup T1/Tp', domain: [0, Math.ceil(maxSpeedup * 1.1 * 10) / 10], grid: true },
    color: { legend: true },
    marks: [
      Plot.line(ideal, { x: 'workers', y: 'speedup', stroke: COLORS.ideal, strokeDasharray: '6 4' }),
      Plot.text(ideal.slice(-1), { x: 'workers', y: 'speedup', text: () => 'ideal', dx: 8, textAnchor: 'start', fill: COLORS.ideal }),
      Plot.line(points, { x: 'workers', y: 'speedup', stroke: 'variant', marker: 'circle' }),
      // One label row per variant (above, below, further above…), so equal points stay readable.
      ...variants.map((v, i) =>
        Plot.text(
          points.filter((p) => p.variant === v),
          {
            x: 'workers',
            y: 'speedup',
            text: (p: SpeedupPoint) => `${sig(p.speedup, 2)}×`,
            dy: i % 2 === 0 ? -12 - 8 * i : 16 + 8 * (i - 1),
            fill: 'currentColor',
          },
        ),
      ),
      Plot.ruleY([0]),
    ],
  });
}

/** First call beside the warmed median, per variant (JIT warm-up). Log axis: the gap can be huge. */
export async function renderWarmupChart(rows: readonly WarmupRow[], options: ChartOptions): Promise<Element | null> {
  if (rows.length === 0) return null;
  const Plot = await loadPlot();
  const data = rows.flatMap((r) => [
    { label: r.label, which: 'first call', ms: r.coldMs },
    { label: r.label, which: 'warmed median', ms: r.medianMs },
  ]);
  return drawPlot(Plot, {
    document: options.document,
    width: options.width ?? 560,
    height: 84 + rows.length * 48,
    marginLeft: marginFor(rows.map((r) => r.label), options.width),
    marginRight: 150,
    style: baseStyle(),
    marginBottom: 44,
    x: { type: 'log', label: 'time per product (ms, log scale) →', labelAnchor: 'center', labelOffset: 38, tickFormat: msTick, grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    color: { domain: ['first call', 'warmed median'], range: [COLORS.cold, COLORS.ok], legend: true },
    marks: [
      Plot.dot(data, { y: 'label', x: 'ms', fill: 'which', r: 6, stroke: 'none' }),
      Plot.link(rows, { y1: 'label', y2: 'label', x1: 'medianMs', x2: 'coldMs', stroke: 'currentColor', strokeOpacity: 0.4 }),
      Plot.text(rows, {
        y: 'label',
        x: (r: WarmupRow) => Math.max(r.coldMs, r.medianMs),
        dx: 10,
        textAnchor: 'start',
        fill: 'currentColor',
        text: (r: WarmupRow) => (r.ratio >= 1 ? `first call ${sig(r.ratio, 2)}× slower` : `first call ${sig(1 / r.ratio, 2)}× faster`),
      }),
    ],
  });
}

/** Horizontal bars of labelled values (message costs, frame gaps, race totals). */
export async function renderBars(
  data: readonly { label: string; value: number; note?: string; bad?: boolean }[],
  options: ChartOptions & {
    readonly xLabel: string;
    readonly log?: boolean;
    readonly format?: (v: number) => string;
    /** Axis ticks; big counts read better compact ("5M") than in full. */
    readonly tickFormat?: (v: number) => string;
  },
): Promise<Element | null> {
  if (data.length === 0) return null;
  const Plot = await loadPlot();
  const fmt = options.format ?? ((v: number) => sig(v));
  return drawPlot(Plot, {
    document: options.document,
    width: options.width ?? 560,
    height: 64 + data.length * 34,
    marginLeft: marginFor(data.map((d) => d.label), options.width),
    marginRight: 170,
    style: baseStyle(),
    marginBottom: 44,
    x: { type: options.log ? 'log' : 'linear', label: options.xLabel, labelAnchor: 'center', labelOffset: 38, grid: true, ...(options.log ? { tickFormat: msTick } : { zero: true }), ...(options.tickFormat ? { tickFormat: options.tickFormat } : {}) },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      options.log
        ? Plot.dot(data, { y: 'label', x: 'value', r: 6, fill: (d) => (d.bad ? COLORS.wrong : COLORS.ok) })
        : Plot.barX(data, { y: 'label', x: 'value', fill: (d) => (d.bad ? COLORS.wrong : COLORS.ok) }),
      Plot.text(data, {
        y: 'label',
        x: 'value',
        dx: 8,
        textAnchor: 'start',
        fill: 'currentColor',
        text: (d) => `${fmt(d.value)}${d.note ? ` ${d.note}` : ''}`,
      }),
    ],
  });
}
