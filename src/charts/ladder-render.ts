// Draws the ladder of src/charts/ladder.ts: one row per lesson, GFLOP/s on a log
// axis, the best variant's figure and its gain over the step above, measured
// peaks as dashed lines; imported ladders as hollow dots on the same rows.
// Rendering only: every number comes from ladder.ts.
import { gainText, type Ladder, type PeakLine, type Rung } from './ladder.ts';
import { logTicks } from './gpu-render.ts';
import { CHAR_PX, COLORS, OTHER_COLORS, baseStyle, drawPlot, loadPlot, tickText, wrapWords, type ChartOptions } from './render.ts';
import { sig } from '../format/units.ts';

export interface LadderChartOptions extends ChartOptions {
  /** Ladders measured elsewhere (imported files) at the same shape. */
  readonly others?: readonly { readonly source: string; readonly ladder: Ladder }[];
  readonly peaks?: readonly PeakLine[];
}

/** What a rung's row says: the lesson, its best variant, the figure and the gain over the step below. */
export function rungLabel(r: Rung): [string, string] {
  if (!r.best) return [`${r.lesson.title}: not measured in this browser`, ''];
  const g = gainText(r.gain);
  const workers = r.best.workers > 1 ? ` (${r.best.workers} workers)` : '';
  return [`${r.lesson.title}: ${r.best.variant}${workers}`, `${sig(r.best.gflops)} GFLOP/s${g ? ` · ${g}` : ''}${r.lesson.reference ? ' (reference, not a step)' : ''}`];
}

interface Point {
  readonly row: string;
  readonly lx: number;
  readonly text: string;
}

const PER_OTHER = 18;

/**
 * One band per lesson: its label line on top (lesson, variant, GFLOP/s, gain),
 * the lollipop under it, imported ladders under that. Labels sit inside the plot,
 * so the axis needs no side margins; a label too long for the width wraps.
 */
export async function renderLadderChart(ladder: Ladder, options: LadderChartOptions): Promise<Element | null> {
  const others = options.others ?? [];
  const peaks = options.peaks ?? [];
  const shown = ladder.rungs.filter((r, i) => r.best !== null || others.some((o) => o.ladder.rungs[i]?.best));
  if (shown.length === 0) return null;
  const Plot = await loadPlot();
  const width = options.width ?? 560;
  const margin = 12;
  const room = width - 2 * margin;
  const labels = new Map(shown.map((r) => [r.lesson.title, rungLabel(r)]));
  // A label that does not fit the width is wrapped at spaces; every row gets the height of the tallest.
  const perLine = Math.max(12, Math.floor(room / CHAR_PX));
  const lineSets = new Map([...labels].map(([row, [a, b]]) => [row, b === '' ? wrapWords(a, perLine) : [a, b].join(' · ').length <= perLine ? [`${a} · ${b}`] : [...wrapWords(a, perLine), ...wrapWords(b, perLine)]]));
  const lineCount = Math.max(...[...lineSets.values()].map((l) => l.length));
  const labelText = (row: string) => lineSets.get(row)!.join('\n');
  const rows = [...labels.keys()];
  const away = others.map((o, i) => ({
    source: o.source,
    color: OTHER_COLORS[i % OTHER_COLORS.length]!,
    points: o.ladder.present.filter((r) => labels.has(r.lesson.title)).map((r): Point => ({ row: r.lesson.title, lx: Math.log10(r.best!.gflops), text: `${sig(r.best!.gflops)} (${r.best!.variant})` })),
  }));
  const live: Point[] = ladder.present.map((r) => ({ row: r.lesson.title, lx: Math.log10(r.best!.gflops), text: '' }));
  const values = [...live, ...away.flatMap((a) => a.points)].map((p) => 10 ** p.lx);
  const lo = Math.min(...values) / 2;
  const hi = Math.max(...values, ...peaks.map((p) => p.gflops)) * 1.3;
  const domain: [number, number] = [Math.log10(lo), Math.log10(hi)];
  const xOf = (lx: number) => margin + ((lx - domain[0]) / (domain[1] - domain[0])) * room;
  // A band per row: its label line(s) from the top, then the stem, then one line per import.
  const labelHeight = 20 * lineCount;
  const perRow = 2 + labelHeight + 6 + 12 + PER_OTHER * away.length + 2;
  const labelDy = -perRow / 2 + 2;
  const stemDy = labelDy + labelHeight + 10;
  // Peak lines carry a number at the top; peakLegend() says which is which, left to right.
  // Peak numbers closer than a digit's room take turns on two lines.
  const peakX = peaks.map((p) => xOf(Math.log10(p.gflops)));
  const peakRow: number[] = [];
  peakX.forEach((x, i) => peakRow.push(i > 0 && x - peakX[i - 1]! < 2 * CHAR_PX && peakRow[i - 1] === 0 ? 1 : 0));
  const marginTop = peaks.length === 0 ? 6 : peakRow.includes(1) ? 42 : 24;
  // On a narrow axis only the powers of ten are labelled.
  const allTicks = logTicks(lo, hi);
  const ticks = room / allTicks.length < 4 * CHAR_PX ? allTicks.filter((t) => /^1(0*)$|^0\.0*1$/.test(String(t))) : allTicks;
  const fits = (p: Point) => xOf(p.lx) + 12 + p.text.length * CHAR_PX < width - 2;
  return drawPlot(Plot, {
    document: options.document,
    width,
    height: marginTop + 50 + rows.length * perRow,
    marginTop,
    marginLeft: margin,
    marginRight: margin,
    marginBottom: 48,
    style: baseStyle(),
    x: {
      type: 'linear',
      domain,
      ticks: (ticks.length >= 2 ? ticks : allTicks).map(Math.log10),
      tickFormat: (d: number) => tickText(10 ** d),
      label: 'GFLOP/s (log scale) →',
      labelAnchor: 'center',
      labelOffset: 42,
      grid: true,
    },
    y: { domain: rows, axis: null, padding: 0.5 },
    marks: [
      Plot.text(rows, { y: (d: string) => d, frameAnchor: 'left', dy: labelDy, text: labelText, textAnchor: 'start', lineAnchor: 'top', fill: 'currentColor', fontWeight: 600 }),
      // Lollipops: a stem from the left edge to the figure, so a log axis still reads as "more".
      Plot.ruleY(live, { y: 'row', x1: domain[0], x2: 'lx', stroke: COLORS.ok, strokeWidth: 5, strokeOpacity: 0.4, dy: stemDy }),
      Plot.dot(live, { y: 'row', x: 'lx', fill: COLORS.ok, r: 7, dy: stemDy }),
      ...away.flatMap((a, i) => {
        const dy = stemDy + PER_OTHER * (i + 1);
        return [
          Plot.dot(a.points, { y: 'row', x: 'lx', stroke: a.color, fill: 'white', strokeWidth: 2.5, r: 6, dy }),
          Plot.text(a.points.filter(fits), { y: 'row', x: 'lx', text: 'text', dx: 12, dy, textAnchor: 'start', fill: a.color }),
          Plot.text(a.points.filter((p) => !fits(p)), { y: 'row', x: 'lx', text: 'text', dx: -12, dy, textAnchor: 'end', fill: a.color }),
        ];
      }),
      Plot.ruleX(peaks, { x: (p: PeakLine) => Math.log10(p.gflops), stroke: COLORS.ideal, strokeDasharray: '6 4', strokeWidth: 2 }),
      ...[0, 1].map((line) =>
        Plot.text(
          peaks.map((p, i) => ({ lx: Math.log10(p.gflops), n: i + 1, line: peakRow[i] })).filter((d) => d.line === line),
          { x: 'lx', frameAnchor: 'top', dy: -12 - 18 * line, text: (d: { n: number }) => String(d.n), fill: 'currentColor', fontWeight: 700 },
        ),
      ),
    ],
  });
}

/** The key to the numbered peak lines, in the order drawn (lowest first). Pure. */
export function peakLegendText(peaks: readonly PeakLine[]): string {
  if (peaks.length === 0) return '';
  return `Dashed lines, measured peaks: ${peaks.map((p, i) => `${i + 1} = ${p.label}, ${sig(p.gflops)} GFLOP/s`).join('; ')}.`;
}

