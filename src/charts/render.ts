// Draws derived series with Observable Plot. Plot is loaded on first use
// (dynamic import), so slides without a chart never pay for it. Rendering
// only: every number comes from series.ts. The caller passes the document,
// so nothing here assumes a global page.
import { LOG_SPAN_RATIO, type ChartSeries, type OtherSeries, type ResultRow, type SpeedupPoint, type WarmupRow } from './series.ts';
import { formatMs, sig } from '../format/units.ts';

type PlotModule = typeof import('@observablehq/plot');

/** Plot, imported on demand; the module loader evaluates it once and hands every later call the same module. */
export function loadPlot(): Promise<PlotModule> {
  return import('@observablehq/plot');
}

/**
 * Import Plot and draw one throwaway chart. The first real chart otherwise pays
 * for compiling Plot's code paths (~30 ms on a slow machine), which could land
 * as a long task right after a run. Each call draws again: the caller (the
 * page's services, once, when the page is idle) keeps the promise.
 */
export function warmPlot(doc: Document = document): Promise<void> {
  return loadPlot().then((Plot) => {
    drawPlot(Plot, { document: doc, width: 200, height: 100, x: { type: 'log' }, y: { domain: ['a'] }, marks: [Plot.ruleY([{ y: 'a', x1: 1, x2: 2 }], { y: 'y', x1: 'x1', x2: 'x2' }), Plot.dot([{ y: 'a', x: 1 }], { y: 'y', x: 'x' }), Plot.text([{ y: 'a', x: 1 }], { y: 'y', x: 'x', text: () => 'a' })] });
  });
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
  return withoutMarkLabels(chart);
}

/**
 * Plot names each mark's <g> with aria-label ("dot", "x-axis tick"), an attribute
 * a plain group may not carry (axe: aria-prohibited-attr). The chart is one image
 * whose label the panel sets on the svg (role="img"), with the table as its
 * readable twin, so the marks' own labels go.
 */
export function withoutMarkLabels<T extends Element>(chart: T): T {
  for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return chart;
}

/** Size of every chart's text, in CSS pixels before reveal scales the slide (0.96 at 1280×720): ≥ 16 px on screen. */
export const CHART_FONT_PX = 17;
/** Rough advance of one character at CHART_FONT_PX, for margins that must hold a label. */
export const CHAR_PX = CHART_FONT_PX * 0.6;

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
export function marginFor(labels: readonly string[], width = 560): number {
  const longest = labels.reduce((n, s) => Math.max(n, s.length), 0);
  return Math.min(Math.max(260, width * 0.6), 16 + longest * CHAR_PX);
}

/** Words joined into lines of at most `max` characters (a longer word gets a line of its own). Pure. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** How a chart of labelled rows is laid out at a width. */
export interface RowLayout {
  /** false: labels on the left axis, values right of the marks; true: a label line above each row's marks (narrow charts). */
  readonly stacked: boolean;
  readonly marginLeft: number;
  readonly marginRight: number;
  readonly perRow: number;
  /** dy of the row's marks from the row's centre (0 beside the axis). */
  readonly markDy: number;
  /** dy of the label line's top from the row's centre (stacked). */
  readonly labelDy: number;
  /** Characters per label line (stacked). */
  readonly perLine: number;
}

/**
 * Labels beside the plot while they leave it most of the width; on a narrow
 * chart (a phone, a long label) each row gets its label and value on a line of
 * their own above its marks, wrapped to the width, so no text is cut. Pure.
 */
export function rowLayout(width: number, labels: readonly string[], lineTexts: readonly string[], values: readonly string[], baseRow: number): RowLayout {
  const left = marginFor(labels, width);
  const right = rightMarginFor(values, 90);
  if (left + right <= width * 0.62) return { stacked: false, marginLeft: left, marginRight: right, perRow: baseRow, markDy: 0, labelDy: 0, perLine: 0 };
  const perLine = Math.max(12, Math.floor((width - 26) / CHAR_PX));
  const lines = Math.max(1, ...lineTexts.map((t) => wrapWords(t, perLine).length));
  const labelHeight = 20 * lines;
  const perRow = 4 + labelHeight + 6 + baseRow * 0.7;
  const labelDy = -perRow / 2 + 2;
  return { stacked: true, marginLeft: 12, marginRight: 16, perRow, labelDy, markDy: labelDy + labelHeight + 4 + baseRow * 0.3, perLine };
}

/**
 * What every chart of labelled rows shares: its height (`chrome` plus the rows),
 * margins and y axis from its RowLayout; stacked, the y axis is hidden (the label
 * lines stand in for it).
 */
function rowFrame(layout: RowLayout, labels: string[], chrome: number) {
  return {
    height: chrome + labels.length * layout.perRow,
    marginLeft: layout.marginLeft,
    marginRight: layout.marginRight,
    style: baseStyle(),
    marginBottom: 48,
    y: layout.stacked ? { label: null, domain: labels, axis: null, padding: 0.5 } : { label: null, domain: labels },
  };
}

/** Stacked layout: each row's line (label and value) above its marks, wrapped to the width; none beside the axis. */
function stackedLabels<T extends { readonly label: string }>(Plot: PlotModule, layout: RowLayout, rows: readonly T[], lineText: (row: T) => string) {
  if (!layout.stacked) return [];
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  return [Plot.text(rows.map((r) => r.label), { y: (d: string) => d, frameAnchor: 'left', dy: layout.labelDy, lineAnchor: 'top', textAnchor: 'start', fill: 'currentColor', text: (d: string) => wrapWords(lineText(byLabel.get(d)!), layout.perLine).join('\n') })];
}

/** An axis label that fits the width: without its parenthesis, else cut with an ellipsis. Pure. */
export function fitAxisLabel(label: string, width: number): string {
  const max = Math.floor((width - 20) / CHAR_PX);
  if (label.length <= max) return label;
  const arrow = label.endsWith(' →') ? ' →' : '';
  const plain = label.replace(/\s*\([^)]*\)/g, '');
  if (plain.length <= max) return plain;
  return `${plain.slice(0, Math.max(4, max - 1 - arrow.length)).trimEnd()}…${arrow}`;
}

/** Room right of the plot for the longest value text drawn there. */
export function rightMarginFor(texts: readonly string[], min = 60): number {
  const longest = texts.reduce((n, s) => Math.max(n, s.length), 0);
  return Math.max(min, 16 + longest * CHAR_PX);
}

/** An axis tick as a plain number with two significant digits (Plot's default log format prints SI prefixes like "10m"). */
export function tickText(d: number): string {
  return String(+d.toPrecision(2));
}

export function baseStyle() {
  return { background: 'transparent', color: 'currentColor', fontSize: `${CHART_FONT_PX}px`, overflow: 'visible' } as const;
}

/** Colours of series measured elsewhere (imported files), after this browser's blue. */
export const OTHER_COLORS = ['#d9822b', '#7a5195', '#2a9d8f', '#8c6d31'] as const;

export interface TimesChartOptions extends ChartOptions {
  /** Series measured elsewhere, drawn on the same rows, each in its own colour with a legend. */
  readonly others?: readonly OtherSeries[];
  /** What the legend calls this browser's series. */
  readonly liveSource?: string;
}

/**
 * Median per variant as a dot, its spread (p10 to max) as a rule, the median
 * printed beside it; wrong results in red with ✗. Log axis when the values
 * span more than 100× (series.log). Imported series sit just below this
 * browser's dot on the same row, hollow, in their own colours.
 */
export async function renderTimesChart(series: ChartSeries, options: TimesChartOptions): Promise<Element | null> {
  if (series.measured.length === 0) return null;
  const Plot = await loadPlot();
  const width = options.width ?? 560;
  const others = (options.others ?? []).map((o, i) => ({ ...o, rows: o.rows.filter((r) => r.status === 'ok'), color: OTHER_COLORS[i % OTHER_COLORS.length]! })).filter((o) => o.rows.length > 0);
  const rows = series.measured;
  const labels = rows.map((r) => r.label);
  const color = (r: ResultRow) => (r.correct ? COLORS.ok : COLORS.wrong);
  const valueText = (r: ResultRow) => `${formatMs(r.medianMs)}${r.correct ? '' : ' ✗ wrong'}`;
  const all = [...rows, ...others.flatMap((o) => o.rows)];
  const lo = Math.min(...all.map((r) => Math.min(r.lowMs!, r.medianMs!)));
  const hi = Math.max(...all.map((r) => Math.max(r.highMs!, r.medianMs!)));
  const log = series.log || (lo > 0 && hi / lo > LOG_SPAN_RATIO);
  // Long lists (layouts × types) get tighter rows so the chart fits a slide.
  // With imported series, each source gets a line of its own in the row (text 17 px high).
  const step = others.length > 0 ? 19 : 0;
  const baseRow = others.length > 0 ? 30 + step * others.length : rows.length > 6 ? 30 : 38;
  const elsewhere = (label: string) => others.flatMap((o) => o.rows.filter((r) => r.label === label).map((r) => `imported ${valueText(r)}`));
  const lineText = (r: ResultRow) => [r.label, valueText(r), ...elsewhere(r.label)].join(' · ');
  const layout = rowLayout(width, labels, rows.map(lineText), all.map(valueText), baseRow);
  const offset = (i: number) => layout.markDy + (i - (layout.stacked ? 0 : others.length / 2)) * step;
  const valueMarks = (data: readonly ResultRow[], dy: number, fill: string) =>
    layout.stacked ? [] : [Plot.text(data, { y: 'label', x: 'highMs', dx: 8, dy, textAnchor: 'start', fill, text: valueText })];
  return drawPlot(Plot, {
    document: options.document,
    width,
    ...rowFrame(layout, labels, 70),
    x: {
      type: log ? 'log' : 'linear',
      label: fitAxisLabel(log ? 'time per product (ms, log scale) →' : 'time per product (ms) →', width),
      labelAnchor: 'center',
      labelOffset: 42,
      tickFormat: tickText,
      ticks: Math.max(3, Math.floor(width / 120)),
      grid: true,
      nice: true,
      ...(log ? {} : { zero: true }),
    },
    marks: [
      ...stackedLabels(Plot, layout, rows, lineText),
      Plot.ruleY(rows, { y: 'label', x1: 'lowMs', x2: 'highMs', stroke: color, strokeWidth: 3, strokeOpacity: 0.55, dy: offset(0) }),
      Plot.dot(rows, { y: 'label', x: 'medianMs', fill: color, r: 6, stroke: 'none', dy: offset(0) }),
      ...valueMarks(rows, offset(0), 'currentColor'),
      ...others.flatMap((o, i) => [
        Plot.ruleY(o.rows, { y: 'label', x1: 'lowMs', x2: 'highMs', stroke: o.color, strokeWidth: 2, strokeOpacity: 0.6, dy: offset(i + 1) }),
        Plot.dot(o.rows, { y: 'label', x: 'medianMs', stroke: (r: ResultRow) => (r.correct ? o.color : COLORS.wrong), fill: 'white', strokeWidth: 2.5, r: 5, dy: offset(i + 1) }),
        ...valueMarks(o.rows, offset(i + 1), o.color),
      ]),
      Plot.tip(rows, Plot.pointerY({
        y: 'label',
        x: 'medianMs',
        title: (r: ResultRow) =>
          `${r.label}\nmedian ${formatMs(r.medianMs)}\np10–max ${formatMs(r.lowMs)} – ${formatMs(r.highMs)}\n${r.samples} samples`,
      })),
    ],
  });
}

/** Which colour is which series, as a list above a chart (HTML, so it wraps and reads as text). */
export function legendElement(doc: Document, entries: readonly { label: string; color: string; hollow?: boolean }[]): HTMLElement {
  const ul = doc.createElement('ul');
  ul.className = 'bp-legend';
  for (const e of entries) {
    const li = doc.createElement('li');
    const sw = doc.createElement('span');
    sw.className = `bp-swatch${e.hollow ? ' bp-swatch--hollow' : ''}`;
    sw.setAttribute('aria-hidden', 'true');
    // element.style, not a style="" attribute: allowed under the deck's CSP.
    if (e.hollow) sw.style.borderColor = e.color;
    else sw.style.background = e.color;
    li.append(sw, doc.createTextNode(e.label));
    ul.append(li);
  }
  return ul;
}

/** The legend of a times chart with imported series: this browser, then each import. */
export function timesLegend(doc: Document, liveSource: string, others: readonly OtherSeries[]): HTMLElement | null {
  if (others.length === 0) return null;
  return legendElement(doc, [
    { label: liveSource, color: COLORS.ok },
    ...others.map((o, i) => ({ label: `imported: ${o.source}`, color: OTHER_COLORS[i % OTHER_COLORS.length]!, hollow: true })),
  ]);
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
    height: 310,
    marginTop: 34,
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
  const width = options.width ?? 560;
  const data = rows.flatMap((r) => [
    { label: r.label, which: 'first call', ms: r.coldMs },
    { label: r.label, which: 'warmed median', ms: r.medianMs },
  ]);
  const verdict = (r: WarmupRow) => (r.ratio >= 1 ? `first call ${sig(r.ratio, 2)}× slower` : `first call ${sig(1 / r.ratio, 2)}× faster`);
  const lineText = (r: WarmupRow) => `${r.label} · ${verdict(r)}`;
  const layout = rowLayout(width, rows.map((r) => r.label), rows.map(lineText), rows.map(verdict), 50);
  const labels = rows.map((r) => r.label);
  return drawPlot(Plot, {
    document: options.document,
    width,
    ...rowFrame(layout, labels, 90),
    x: { type: 'log', label: fitAxisLabel('time per product (ms, log scale) →', width), labelAnchor: 'center', labelOffset: 42, tickFormat: tickText, grid: true },
    color: { domain: ['first call', 'warmed median'], range: [COLORS.cold, COLORS.ok], legend: true },
    marks: [
      ...stackedLabels(Plot, layout, rows, lineText),
      Plot.dot(data, { y: 'label', x: 'ms', fill: 'which', r: 6, stroke: 'none', dy: layout.markDy }),
      Plot.link(rows, { y1: 'label', y2: 'label', x1: 'medianMs', x2: 'coldMs', stroke: 'currentColor', strokeOpacity: 0.4, dy: layout.markDy }),
      ...(layout.stacked
        ? []
        : [Plot.text(rows, { y: 'label', x: (r: WarmupRow) => Math.max(r.coldMs, r.medianMs), dx: 10, textAnchor: 'start', fill: 'currentColor', text: verdict })]),
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
  const width = options.width ?? 560;
  const fmt = options.format ?? ((v: number) => sig(v));
  const valueText = (d: (typeof data)[number]) => `${fmt(d.value)}${d.note ? ` ${d.note}` : ''}`;
  const lineText = (d: (typeof data)[number]) => `${d.label} · ${valueText(d)}`;
  const layout = rowLayout(width, data.map((d) => d.label), data.map(lineText), data.map(valueText), 38);
  const labels = data.map((d) => d.label);
  const fill = (d: (typeof data)[number]) => (d.bad ? COLORS.wrong : COLORS.ok);
  return drawPlot(Plot, {
    document: options.document,
    width,
    ...rowFrame(layout, labels, 70),
    x: { type: options.log ? 'log' : 'linear', label: fitAxisLabel(options.xLabel, width), labelAnchor: 'center', labelOffset: 42, grid: true, ...(options.log ? { tickFormat: tickText } : { zero: true }), ...(options.tickFormat ? { tickFormat: options.tickFormat } : {}) },
    marks: [
      ...stackedLabels(Plot, layout, data, lineText),
      ...(layout.stacked
        ? [
            // A thick rule from zero stands for the bar under its label line.
            options.log
              ? Plot.dot(data, { y: 'label', x: 'value', r: 6, fill, dy: layout.markDy })
              : Plot.ruleY(data, { y: 'label', x1: 0, x2: 'value', stroke: fill, strokeWidth: 12, dy: layout.markDy }),
          ]
        : [
            options.log ? Plot.dot(data, { y: 'label', x: 'value', r: 6, fill }) : Plot.barX(data, { y: 'label', x: 'value', fill }),
            Plot.text(data, { y: 'label', x: 'value', dx: 8, textAnchor: 'start', fill: 'currentColor', text: valueText }),
          ]),
    ],
  });
}
